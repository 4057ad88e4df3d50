import Foundation
import Hummingbird
import HummingbirdTesting
import LastMileCore
import LastMileDomain
import LastMileSampleTown
import LastMileServer
import LastMileService
import LastMileStore
import LastMileTestSupport
import Logging
import ServiceLifecycle
import Testing

/// `lastmile serve` stopping (SIGTERM, here its graceful-shutdown trigger) while a VROOM solve and live events
/// from several vehicles are in flight: the solve still answers, every acknowledged event is in the event log
/// exactly once, no event that was not posted is, the database passes its integrity check, and new
/// connections are refused afterwards. On a day of its own (the shared fixture's live state stays at revision 0).
@Suite struct GracefulShutdownTests {
    @Test func shutdownFinishesRequestsInFlightAndLosesNoAcknowledgedEvent() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lastmile-server-shutdown-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let date = "2026-11-23"
        let demo = DemoDay(folder: folder.path, date: date, orderCount: 120, map: nil, area: .sampleTown,
                           settings: PlanningSettings(seed: 3, timeLimit: 60, iterations: 800, threads: 1))
        _ = try demo.run()
        let service = try LastMileService.build(.init(databasePath: demo.databasePath, createsDatabase: false))
        let token = try service.createAPIKey(role: .admin).token
        let plan = try service.storedPlan(date: date)
        let vehicles = plan.runs.map(\.vehicleID)
        try #require(vehicles.count >= 4)

        let settings = ServerSettings(port: 0, databasePath: demo.databasePath,
                                      roads: LoadedRoads(queries: try RoadQueries(graph: try RoadNetworks.sampleTown().car)),
                                      vroomTimeLimit: 1.5, logLevel: .warning)
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let application = try LastMileApplication.build(settings) { portContinuation.yield($0) }
        var logger = Logger(label: "lastmile.serve.tests")
        logger.logLevel = .warning
        let group = ServiceGroup(configuration: .init(services: [application], gracefulShutdownSignals: [], logger: logger))
        let headers: HTTPFields = [.authorization: "Bearer " + token]
        let vroom = try String(contentsOf: SharedData.fixture("vroom/small.json"), encoding: .utf8)

        /// Each event's key with whether the server acknowledged it (2xx); `nil`: no answer (connection refused or closed).
        let (solve, answers) = try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            async let solve = TestClient.withClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(600))) { client in
                try await client.post("/vroom", headers: headers, body: ByteBuffer(string: vroom)).status
            }
            try await Task.sleep(for: .milliseconds(300))
            // Events from every vehicle, posted concurrently around the shutdown trigger.
            async let answers = withTaskGroup(of: (String, Bool?).self) { posts in
                for (index, vehicle) in vehicles.enumerated() {
                    posts.addTask {
                        let key = "shutdown-\(index)"
                        try? await Task.sleep(for: .milliseconds(10 * index))
                        let event = #"{"key": "\#(key)", "at": "10:30:00", "type": "delay", "vehicle": "\#(vehicle)", "minutes": 5}"#
                        let status = try? await TestClient.withClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(600))) { client in
                            try await client.post("/v1/live/\(date)/events", headers: headers, body: ByteBuffer(string: event)).status
                        }
                        return (key, status.map { (200..<300).contains($0.code) })
                    }
                }
                var answers: [String: Bool?] = [:]
                for await (key, acknowledged) in posts { answers[key] = acknowledged }
                return answers
            }
            try await Task.sleep(for: .milliseconds(5 * vehicles.count))
            await group.triggerGracefulShutdown()
            let result = (try await solve, await answers)
            try await tasks.waitForAll()
            // The listener is closed: a new connection fails.
            await #expect(throws: (any Error).self) {
                try await TestClient.withClient(host: "127.0.0.1", port: port) { try await $0.get("/health") }
            }
            return result
        }
        #expect(solve == .ok, "the VROOM solve in flight was cut off")
        let acknowledged = Set(answers.filter { $0.value == true }.keys)
        let logged = try service.store.liveEvents(date: date, planVersion: plan.version.version).map(\.key)
        #expect(Set(logged).count == logged.count, "an event was applied twice: \(logged)")
        #expect(acknowledged.isSubset(of: Set(logged)), "acknowledged but lost: \(acknowledged.subtracting(logged).sorted())")
        #expect(Set(logged).isSubset(of: Set(answers.keys)), "logged but never posted: \(logged)")
        #expect(!acknowledged.isEmpty, "no event got through before the shutdown: the test shows nothing")
        #expect(try service.store.integrityProblems().isEmpty)
    }
}
