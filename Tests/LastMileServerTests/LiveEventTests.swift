import Foundation
import Hummingbird
import HummingbirdTesting
import LastMileCore
import LastMileDomain
import LastMileLive
import LastMileSampleTown
import LastMileServer
import LastMileService
import LastMileStore
import Logging
import Testing

/// `POST /v1/live/{date}/events` on a day of its own (the shared fixture's live state must stay at revision 0):
/// an event is acknowledged with its revision after the durable write, a retry applies nothing, another
/// carrier's vehicle is not found, bad events change nothing.
@Suite struct LiveEventTests {
    @Test func eventsAreAcknowledgedOnceAndScopedByCarrier() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lastmile-server-live-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let date = "2026-11-23"
        let demo = DemoDay(folder: folder.path, date: date, orderCount: 120, map: nil, area: .sampleTown,
                           settings: PlanningSettings(seed: 3, timeLimit: 60, iterations: 800, threads: 1))
        _ = try demo.run()
        let service = try LastMileService.build(.init(databasePath: demo.databasePath, createsDatabase: false))
        let velo = try service.createAPIKey(role: .driverBackend(carrierID: "velo")).token
        let citylog = try service.createAPIKey(role: .driverBackend(carrierID: "citylog")).token
        let admin = try service.createAPIKey(role: .admin).token
        let carriers = try service.vehicleCarriers()
        let plan = try service.storedPlan(date: date)
        let bike = try #require(plan.runs.first { carriers[$0.vehicleID] == "velo" }?.vehicleID)
        var logger = Logger(label: "lastmile.serve.tests")
        logger.logLevel = .warning
        let settings = ServerSettings(port: 0, databasePath: demo.databasePath, roads: LoadedRoads(queries: try RoadQueries(graph: try RoadNetworks.sampleTown().car)))
        let application = Application(router: LastMileApplication.router(settings, service: service), logger: logger)
        let event = #"{"key": "bike-delay-1", "at": "10:30:00", "type": "delay", "vehicle": "\#(bike)", "minutes": 20, "reason": "flat tyre"}"#
        try await application.test(.router) { client in
            func post(_ body: String, _ token: String, key: String? = nil) async throws -> (HTTPResponse.Status, [String: Any]) {
                var headers = HTTPFields()
                headers[.authorization] = "Bearer " + token
                if let key { headers[.init("Idempotency-Key")!] = key }
                return try await client.execute(uri: "/v1/live/\(date)/events", method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
                    (response.status, try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any] ?? [:])
                }
            }
            let (status, body) = try await post(event, velo, key: "bike-delay-1")
            #expect(status == .created, "\(body)")
            #expect(body["revision"] as? Int == 1 && body["already_applied"] as? Bool == false)
            let (retry, again) = try await post(event, velo)
            #expect(retry == .ok && again["revision"] as? Int == 1 && again["already_applied"] as? Bool == true)

            let other = event.replacingOccurrences(of: "bike-delay-1", with: "bike-delay-2")
            #expect(try await post(other, citylog).0 == .notFound)
            #expect(try await post(other, velo, key: "something-else").0 == .badRequest)
            let (bad, error) = try await post(#"{"key": "bad-1", "at": "10:40:00", "type": "delay", "vehicle": "\#(bike)"}"#, velo)
            #expect(bad == .badRequest && "\(error)".contains("minutes"), "\(error)")
            let (late, _) = try await post(#"{"key": "late-1", "at": "06:00:00", "type": "delay", "vehicle": "\#(bike)", "minutes": 5}"#, velo)
            #expect(late == .badRequest)

            // Prometheus counts events by outcome (the registry is the process's: other suites may add to it).
            let metrics = try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer " + admin]) { String(buffer: $0.body) }
            for outcome in ["applied", "retried", "rejected"] {
                #expect(metrics.contains("lastmile_live_events_total{outcome=\"\(outcome)\"}"), "\(outcome): \(metrics.prefix(600))")
            }
        }
        let logged = try service.store.liveEvents(date: date, planVersion: plan.version.version)
        #expect(logged.map(\.key) == ["bike-delay-1"])

        #expect(try service.liveState(date: date).revision == 1)
        #expect(try service.store.integrityProblems().isEmpty)
    }
}
