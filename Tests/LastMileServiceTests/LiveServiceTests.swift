import Foundation
import LastMileCore
import LastMileDomain
import LastMileLive
import LastMileSampleTown
import LastMileService
import LastMileStore
import LastMileTestSupport
import Testing

/// The live day over a real stored plan (the sample town's demo day): events logged durably and exactly once,
/// the state rebuilt from the log equal to the state the events made, bad files refused whole.
@Suite struct LiveServiceTests {
    let date = "2026-11-23"

    /// A planned demo day in a temporary folder; `body` gets its service; the folder is removed after.
    func withPlannedDay(_ body: (LastMileService, URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lastmile-live-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = DemoDay(folder: folder.path, date: date, orderCount: 40, map: nil, area: .sampleTown,
                           settings: PlanningSettings(seed: 3, timeLimit: 60, iterations: 800, threads: 1))
        _ = try demo.run()
        try body(try LastMileService.build(.init(databasePath: demo.databasePath, createsDatabase: false)), folder)
    }

    /// `count` random events that apply one after the other from `state`, as JSON Lines.
    func randomEvents(from state: LiveState, count: Int, seed: UInt64, prefix: String) -> (lines: String, state: LiveState) {
        var random = RandomLiveEvents(seed: seed, prefix: prefix)
        var state = state
        var lines: [String] = []
        while lines.count < count {
            let event = random.next(for: state)
            guard let step = try? state.apply(event) else { continue }
            state = step.state
            lines.append(LiveEventFile.line(event))
        }
        return (lines.joined(separator: "\n") + "\n", state)
    }

    @Test func eventsApplyOnceAndTheLogReplaysToTheSameState() throws {
        try withPlannedDay { service, folder in
            let start = try service.liveState(date: date)
            #expect(start == LiveState(plan: try service.storedPlan(date: date), day: try service.store.day(date)) && start.revision == 0)

            let (text, expected) = randomEvents(from: start, count: 60, seed: 7, prefix: "first")
            let file = folder.appendingPathComponent("events.jsonl").path
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            let outcome = try service.applyEvents(date: date, file: file)
            #expect(outcome.applied == 60 && outcome.alreadyApplied == 0 && outcome.state == expected && expected.revision == 60)
            // Rebuilt from the committed plan and the log, by a new service over the same file: equal, bit for bit.
            let reopened = try LastMileService.build(.init(databasePath: service.store.path, createsDatabase: false))
            #expect(try reopened.liveState(date: date) == expected)

            // A retried file applies nothing; a file with old and new events applies the new ones only.
            let retry = try service.applyEvents(date: date, file: file)
            #expect(retry.applied == 0 && retry.alreadyApplied == 60 && retry.state == expected)
            let (more, after) = randomEvents(from: expected, count: 5, seed: 8, prefix: "second")
            try (text + more).write(toFile: file, atomically: true, encoding: .utf8)
            let mixed = try service.applyEvents(date: date, file: file)
            #expect(mixed.applied == 5 && mixed.alreadyApplied == 60 && mixed.state == after && after.revision == 65)
            #expect(try service.liveState(date: date) == after)
            #expect(try service.store.liveEvents(date: date, planVersion: 1).map(\.revision) == Array(1...65))
        }
    }

    @Test func aBadEventRefusesTheWholeFileAndChangesNothing() throws {
        try withPlannedDay { service, folder in
            let state = try service.liveState(date: date)
            let vehicle = state.vehicles[0]
            let good = LiveEventFile.line(LiveEvent(key: "good-1", at: vehicle.time, kind: .delay(vehicleID: vehicle.vehicleID, minutes: 5, reason: "")))
            let file = folder.appendingPathComponent("bad.jsonl").path
            // At the vehicle's live clock, so that only the reference is wrong (the plan decides when runs start).
            let now = String(format: "%02d:%02d", vehicle.time.seconds / 3600, vehicle.time.seconds / 60 % 60)
            let cases = [
                (#"{"key":"bad-2","at":"\#(now)","type":"delay","vehicle":"NOPE","minutes":5}"#,
                 "\(file):2: vehicle (id bad-2): unknown vehicle 'NOPE': no run in version 1 of \(date)"),
                (#"{"key":"bad-2","at":"\#(now)","type":"completed","vehicle":"\#(vehicle.vehicleID)","order":"O-9999"}"#,
                 "\(file):2: order (id bad-2): unknown order 'O-9999' on \(date)"),
                (#"{"key":"bad-2","at":"00:10","type":"position","vehicle":"\#(vehicle.vehicleID)","lat":47,"lon":8}"#,
                 "\(file):2: at (id bad-2): time 00:10:00 is \((vehicle.time.seconds - 600 + 59) / 60) min before the live clock \(vehicle.time.withSeconds) (tolerance 5 min)"),
                ("{not json", "\(file):2: malformed event: invalid JSON at the top level: The given data was not valid JSON."),
            ]
            for (line, headline) in cases {
                try (good + "\n" + line + "\n").write(toFile: file, atomically: true, encoding: .utf8)
                #expect { try service.applyEvents(date: date, file: file) } throws: { error in
                    (error as? LastMileError)?.headline == headline && (error as? LastMileError)?.category == .badInput
                }
                #expect(try service.liveState(date: date) == state)
                #expect(try service.store.liveEvents(date: date, planVersion: 1).isEmpty)
            }
        }
    }

    @Test func theStoreAppendsEachKeyOnceAndRefusesAStaleRevision() throws {
        try withPlannedDay { service, _ in
            let json = #"{"at":"09:00:00","key":"k1","minutes":5,"type":"delay","vehicle":"V"}"#
            let first = try service.store.appendEvent(date: date, planVersion: 1, key: "k1", json: json, revision: 1)
            let retried = try service.store.appendEvent(date: date, planVersion: 1, key: "k1", json: json, revision: 2)
            #expect(first == .applied(revision: 1) && retried == .alreadyApplied(revision: 1))
            #expect(throws: StoreError.conflict("the live log of \(date) is at revision 1, the event was applied to revision 0")) {
                try service.store.appendEvent(date: date, planVersion: 1, key: "k2", json: json, revision: 1)
            }
            #expect(try service.store.liveEvents(date: date, planVersion: 1).map(\.key) == ["k1"])
        }
    }
}
