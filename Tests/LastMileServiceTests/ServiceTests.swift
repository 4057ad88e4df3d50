import Foundation
import LastMileCore
import LastMileDomain
import LastMileSampleTown
import LastMileService
import LastMileTestSupport
import Testing

/// The application core as the CLI and the server call it: built from settings, progress as events, failures as
/// `LastMileError`s with their category.
@Suite struct ServiceTests {
    /// Collects events from the planner's threads.
    final class Events: @unchecked Sendable {
        private let lock = NSLock()
        private var recorded: [ServiceEvent] = []
        func record(_ event: ServiceEvent) { lock.withLock { recorded.append(event) } }
        var all: [ServiceEvent] { lock.withLock { recorded } }
    }

    func folder(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("lastmile-service-\(UUID().uuidString)-\(name)").path
    }

    @Test func theDemoDayPlansAndStoresThroughTheService() throws {
        let output = folder("demo")
        defer { try? FileManager.default.removeItem(atPath: output) }
        let events = Events()
        let demo = DemoDay(folder: output, date: "2026-11-23", orderCount: 80, map: nil, area: .sampleTown,
                           settings: PlanningSettings(seed: 3, timeLimit: 60, iterations: 800, threads: 1))
        let outcome = try demo.run(events: events.record)
        #expect(outcome.plan.checked && outcome.version.version == 1)
        // Progress arrives as values, in order; the matrix is computed once per plan.
        let kinds = events.all.compactMap { event -> String? in
            switch event {
            case .dayLoaded: "day"
            case .matrix: "matrix"
            case .planned: "planned"
            case .stored: "stored"
            case .outputsWritten: "outputs"
            default: nil
            }
        }
        #expect(kinds == ["day", "matrix", "planned", "stored", "outputs"])
        #expect(events.all.contains(.loaded(kind: "orders", file: "\(output)/input/orders.csv", inserted: 80, updated: 0)))

        // The stored version reads back as planned; a second service over the same database sees it.
        let service = try LastMileService.build(.init(databasePath: demo.databasePath, createsDatabase: false))
        let stored = try service.storedPlan(date: "2026-11-23")
        #expect(stored.version == outcome.version && stored.seed == 3 && stored.checked)
        #expect(stored.runs.map(\.vehicleID) == outcome.plan.runs.map(\.vehicleID).sorted())
        #expect(stored.runs.flatMap(\.stops).map(\.orderID).sorted() == outcome.plan.runs.flatMap(\.stops).map(\.orderID).sorted())
        #expect(stored.unassigned == outcome.plan.unassigned)

        // Loading the same file again updates every row and inserts none.
        let again = try service.load(.records(.orders), file: "\(output)/input/orders.csv")
        #expect(again.inserted == 0 && again.updated == 80)
    }

    @Test func failuresCarryTheirCategoryAndPlace() throws {
        #expect {
            try LastMileService.build(.init(databasePath: "/nonexistent/lastmile.sqlite", createsDatabase: false))
        } throws: { error in
            let error = error as? LastMileError
            return error?.category == .badInput && error?.location?.file == "/nonexistent/lastmile.sqlite"
        }
        let path = folder("empty.sqlite")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let service = try LastMileService.build(.init(databasePath: path, createsDatabase: true))
        #expect { try service.load(.records(.orders), file: "missing.csv") } throws: { error in
            (error as? LastMileError)?.headline == "missing.csv: orders file not found"
        }
        #expect { try service.storedPlan(date: "2026-11-23") } throws: { error in
            (error as? LastMileError)?.category == .badInput
        }
        #expect(throws: LastMileError.self) {
            try PlanningSettings(seed: 1, timeLimit: 0, threads: 1).solverConfiguration()
        }
    }
}
