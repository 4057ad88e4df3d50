import Foundation
import Hummingbird
import HummingbirdTesting
import LastMileDomain
import LastMileServer
import LastMileService
import Testing

/// `GET /v1/plans/{date}/runs/{vehicle}/sheet`: the run's stops and breaks in plan order with the stored times,
/// as CSV and as the printable page, to keys that may read the run; 404 to others, 400 for an unknown format.
@Suite struct RunSheetTests {
    let fixture = ServerFixture.shared

    @Test func aRunSheetListsTheStoredStopsToKeysThatReadTheRun() async throws {
        let plan = try fixture.service.storedPlan(date: ServerFixture.date)
        let carriers = try fixture.service.vehicleCarriers()
        let bike = try #require(plan.runs.first { carriers[$0.vehicleID] == "velo" && !$0.stops.isEmpty })
        try await fixture.application().test(.router) { client in
            func sheet(_ vehicle: String, _ key: String, format: String? = nil) async throws -> (HTTPResponse.Status, String, String?) {
                let uri = "/v1/plans/\(ServerFixture.date)/runs/\(vehicle)/sheet" + (format.map { "?format=\($0)" } ?? "")
                return try await client.execute(uri: uri, method: .get, headers: fixture.headers(key)) { response in
                    (response.status, String(buffer: response.body), response.headers[.contentType])
                }
            }
            let (status, csv, type) = try await sheet(bike.vehicleID, "velo-backend", format: "csv")
            #expect(status == .ok && type?.hasPrefix("text/csv") == true)
            let rows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            #expect(rows.first?.first == "sequence")
            #expect(rows.count == 1 + bike.stops.count + bike.breaks.count)
            let stopRows = rows.dropFirst().filter { $0[1] == "stop" }
            #expect(stopRows.map { $0[2] } == bike.stops.map(\.orderID))
            #expect(stopRows.map { $0[6] } == bike.stops.map { "\($0.arrival)" })
            #expect(rows.dropFirst().allSatisfy { $0.suffix(2) == [ServerFixture.date, "\(plan.version.version)"] })

            let (pageStatus, page, pageType) = try await sheet(bike.vehicleID, "velo")
            #expect(pageStatus == .ok && pageType?.hasPrefix("text/html") == true)
            #expect(page.contains("Run sheet: \(bike.vehicleID)") && bike.stops.allSatisfy { page.contains($0.orderID) })

            #expect(try await sheet(bike.vehicleID, "citylog").0 == .notFound)
            #expect(try await sheet("NO-SUCH-VAN", "admin").0 == .notFound)
            #expect(try await sheet(bike.vehicleID, "admin", format: "pdf").0 == .badRequest)
        }
    }
}
