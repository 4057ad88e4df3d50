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
        let carriers = try fixture.service.vehicleCarriers()
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
        let carriers = try fixture.service.vehicleCarriers()
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

/// Imports over HTTP report like `lastmile load`: rows stored, and a bad row refusing the body with its line
/// and column.
@Suite struct ImportTests {
    let fixture = ServerFixture.shared
    let header = "id,date,lat,lon,items,weight_kg,volume_litres,window_start,window_end,customer,service_minutes,priority\n"

    @Test func ordersImportReportsRowsAndRefusesBadOnes() async throws {
        try await fixture.application().test(.router) { client in
            let good = header + "O-9101,2026-11-29,46.993354,7.991468,GROC-07:2,1.6,4.0,08:00,10:00,customer 9101,2,0\n"
            try await client.execute(uri: "/v1/orders", method: .post, headers: fixture.headers("dispatcher"), body: ByteBuffer(string: good)) { response in
                #expect(response.status == .ok, "\(String(buffer: response.body))")
                let body = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
                #expect(body["inserted"] as? Int == 1 && body["updated"] as? Int == 0)
            }
            let bad = header + "O-9102,2026-11-29,46.993354,7.991468,GROC-07:2,1.6,4.0,08:00,noon,customer 9102,2,0\n"
            try await client.execute(uri: "/v1/orders", method: .post, headers: fixture.headers("dispatcher"), body: ByteBuffer(string: bad)) { response in
                #expect(response.status == .badRequest)
                let text = String(buffer: response.body)
                #expect(text.contains("body.orders.csv") && text.contains("window_end"), "\(text)")
            }
            try await client.execute(uri: "/v1/imports/fleet", method: .post, headers: fixture.headers("dispatcher"), body: ByteBuffer(string: "id\n")) {
                #expect($0.status == .forbidden)
            }
        }
    }
}
