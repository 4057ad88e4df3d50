import Foundation
import Hummingbird
import HummingbirdTesting
import LastMileDomain
import LastMileServer
import LastMileService
import Testing

/// Object-level authorisation (OWASP API1): scoped keys see their own depot's or carrier's runs and vehicles
/// and nothing else, and another carrier's vehicle is answered exactly like one that does not exist.
@Suite struct ScopeTests {
    let fixture = ServerFixture.shared

    func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
    }

    @Test func eachKeySeesOnlyTheRunsItsRoleReaches() async throws {
        let plan = try fixture.service.storedPlan(date: ServerFixture.date)
        let carriers = try fixture.service.vehicleCarriers(date: ServerFixture.date)
        try await fixture.application().test(.router) { client in
            func runs(_ key: String) async throws -> (runs: [[String: Any]], unassigned: Int) {
                try await client.execute(uri: "/v1/plans/\(ServerFixture.date)", method: .get, headers: fixture.headers(key)) { response in
                    #expect(response.status == .ok)
                    let body = try json(response)
                    return (body["runs"] as? [[String: Any]] ?? [], (body["unassigned"] as? [Any])?.count ?? -1)
                }
            }
            let all = try await runs("admin")
            #expect(all.runs.count == plan.runs.count && all.unassigned == plan.unassigned.count)
            for carrier in ["velo", "citylog"] {
                let seen = try await runs(carrier)
                #expect(seen.runs.count == plan.runs.filter { carriers[$0.vehicleID] == carrier }.count && seen.runs.count > 0)
                #expect(seen.runs.allSatisfy { $0["carrier"] as? String == carrier })
                #expect(seen.unassigned == 0)
            }
            let west = try await runs("dispatcher")
            #expect(west.runs.count == plan.runs.filter { $0.depotID == "MFC-WEST" }.count && west.runs.count > 0)
            #expect(west.runs.allSatisfy { $0["depot"] as? String == "MFC-WEST" })
        }
    }

    @Test func anotherCarriersVehicleIsNotFound() async throws {
        let plan = try fixture.service.storedPlan(date: ServerFixture.date)
        let carriers = try fixture.service.vehicleCarriers(date: ServerFixture.date)
        let bike = try #require(plan.runs.first { carriers[$0.vehicleID] == "velo" }?.vehicleID)
        let van = try #require(plan.runs.first { carriers[$0.vehicleID] == "citylog" }?.vehicleID)
        try await fixture.application().test(.router) { client in
            func status(_ vehicle: String, _ key: String) async throws -> HTTPResponse.Status {
                try await client.execute(uri: "/v1/live/\(ServerFixture.date)/vehicles/\(vehicle)", method: .get, headers: fixture.headers(key)) { $0.status }
            }
            #expect(try await status(bike, "velo-backend") == .ok)
            #expect(try await status(bike, "velo") == .ok)
            #expect(try await status(van, "velo-backend") == .notFound)
            #expect(try await status("NO-SUCH-VAN", "velo-backend") == .notFound)
            #expect(try await status(bike, "citylog") == .notFound)
            #expect(try await status(van, "admin") == .ok)
            try await client.execute(uri: "/v1/live/\(ServerFixture.date)/vehicles/\(bike)", method: .get, headers: fixture.headers("velo")) { response in
                let body = try json(response)
                let stops = plan.runs.first { $0.vehicleID == bike }!.stops
                #expect((body["remaining"] as? [[String: Any]])?.map { $0["order"] as? String } == stops.map(\.orderID))
                #expect(body["revision"] as? Int == 0)
            }
        }
    }
}
