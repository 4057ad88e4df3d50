import Foundation
import LastMileCore
import LastMileLive
import LastMileService
import LastMileStore
import LastMileTestSupport
import Testing

/// `lastmile events apply` and `lastmile live` on the demo day: the sample events file applies once, bad events
/// exit 2 with the line, field and reason first on standard error, and change nothing.
@Suite struct LiveCommandTests {
    let cli = CommandLineTests()
    let errors = ErrorExitTests()

    @Test func eventsApplyOnceAndLiveShowsTheDay() throws {
        let folder = cli.temporaryPath("live")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let demo = try cli.run(["demo", "--output", folder, "--orders", "40", "--iterations", "800", "--threads", "1"])
        #expect(demo.status == 0, "\(demo.stderr)")
        let db = "\(folder)/lastmile.sqlite"

        let applied = try cli.run(["events", "apply", "fixtures/events/sample-day.jsonl", "--date", "2026-11-23", "--db", db])
        #expect(applied.status == 0, "\(applied.stderr)")
        let lines = applied.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "9 events applied, 1 already applied; live revision 9 of 2026-11-23 version 1")
        #expect(lines.contains("   at risk: customer 31 (order O-0031, vehicle BIKE-009): ETA 10:06 after the window end 10:00"))
        // The closure is in the re-optimiser's travel times: O-0014's address lies inside it, no vehicle reaches it.
        #expect(lines.contains("   road-closure within 300 m of (47.0150000, 8.0050000) until 11:00"))
        #expect(lines.contains("   cannot serve O-0014: no running vehicle has room for it or reaches it before its shift ends and within 60 min of its window"))
        let again = try cli.run(["events", "apply", "fixtures/events/sample-day.jsonl", "--date", "2026-11-23", "--db", db])
        #expect(again.status == 0 && again.stdout == "0 events applied, 10 already applied; live revision 9 of 2026-11-23 version 1\n")

        let live = try cli.run(["live", "--date", "2026-11-23", "--db", db, "--next", "1"])
        #expect(live.status == 0, "\(live.stderr)")
        #expect(live.stdout.hasPrefix("""
            2026-11-23 version 1, revision 9, clock 08:45:00
            BIKE-009 (driver 9) at (47.0115470, 7.9847690), 08:27:00; on board 
            """))
        #expect(live.stdout.contains("needs a vehicle: O-0014 (no running vehicle has room for it or reaches it before its shift ends and within 60 min of its window)"))
        #expect(live.stdout.hasSuffix("2 road conditions reported, 2 in force at 08:45 (in the re-optimiser's travel times)\n"))

        let bad = "\(folder)/bad.jsonl"
        let cases = [
            (#"{"key":"x","at":"09:00""#, "error: \(bad):1: malformed event: invalid JSON at the top level: The given data was not valid JSON."),
            (#"{"key":"x","at":"09:00","type":"delay","vehicle":"NOPE","minutes":5}"#,
             "error: \(bad):1: vehicle (id x): unknown vehicle 'NOPE': no run in version 1 of 2026-11-23"),
            (#"{"key":"x","at":"09:00","type":"cancelled","order":"O-7777"}"#, "error: \(bad):1: order (id x): unknown order 'O-7777' on 2026-11-23"),
            (#"{"key":"x","at":"08:00","type":"position","vehicle":"VAN-007","lat":47,"lon":8}"#,
             "error: \(bad):1: at (id x): time 08:00:00 is 45 min before the live clock 08:45:00 (tolerance 5 min)"),
            (#"{"key":"x","at":"09:00","type":"completed","vehicle":"BIKE-009","order":"O-0008"}"#,
             "error: \(bad):1: order (id x): order O-0008 was already completed at 08:26:00; a stop is completed once"),
        ]
        for (line, firstLine) in cases {
            try (line + "\n").write(toFile: bad, atomically: true, encoding: .utf8)
            try errors.expectFailure(["events", "apply", bad, "--date", "2026-11-23", "--db", db], exit: 2, firstLine: firstLine)
        }
        #expect(try cli.run(["live", "--date", "2026-11-23", "--db", db, "--next", "1"]).stdout == live.stdout)

        try errors.expectFailure(["events", "apply", "missing.jsonl", "--date", "2026-11-23", "--db", db], exit: 2,
                                 firstLine: "error: missing.jsonl: events file not found")
        try errors.expectFailure(["live", "--date", "2030-01-01", "--db", db], exit: 2,
                                 firstLine: "error: \(db): no active plan for 2030-01-01 in the database")
        try errors.expectFailure(["live", "--date", "2026-11-23", "--db", "missing.sqlite"], exit: 2,
                                 firstLine: "error: missing.sqlite: database not found")
    }

    /// `events apply` killed (SIGKILL) at random points while it writes: every committed event stays, the log is a
    /// prefix of the file, the database passes `PRAGMA integrity_check`, and applying the file again finishes it
    /// with each event applied once, to the state the events make in memory.
    @Test func killedWhileApplyingLosesNothingAndAppliesEachEventOnce() throws {
        let folder = cli.temporaryPath("kill")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let demo = try cli.run(["demo", "--output", folder, "--orders", "40", "--iterations", "800", "--threads", "1"])
        #expect(demo.status == 0, "\(demo.stderr)")
        let db = "\(folder)/lastmile.sqlite", file = "\(folder)/events.jsonl"
        let settings = LastMileService.Settings(databasePath: db, createsDatabase: false)
        var expected = try LastMileService.build(settings).liveState(date: "2026-11-23")
        var random = RandomLiveEvents(seed: 11, prefix: "kill")
        var events: [LiveEvent] = []
        while events.count < 600 {
            let event = random.next(for: expected)
            guard let step = try? expected.apply(event) else { continue }
            expected = step.state
            events.append(event)
        }
        try events.map(LiveEventFile.line).joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)

        var pause = SplitMix64(seed: 5)
        for _ in 0..<3 {
            let process = Process()
            process.executableURL = CommandLineTests.binary
            process.arguments = ["events", "apply", file, "--date", "2026-11-23", "--db", db, "--no-reoptimise"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 30_000...200_000, using: &pause))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let service = try LastMileService.build(settings)
            #expect(try service.store.integrityProblems().isEmpty)
            let logged = try service.store.liveEvents(date: "2026-11-23", planVersion: 1)
            #expect(logged.map(\.key) == events.prefix(logged.count).map(\.key))
            #expect(try service.liveState(date: "2026-11-23").revision == logged.count)
        }
        let done = try LastMileService.build(settings).store.liveEvents(date: "2026-11-23", planVersion: 1).count
        let finish = try cli.run(["events", "apply", file, "--date", "2026-11-23", "--db", db, "--no-reoptimise"])
        #expect(finish.status == 0 && finish.stdout.hasPrefix("\(600 - done) events applied, \(done) already applied; live revision 600"), "\(finish.stdout)")
        #expect(try LastMileService.build(settings).liveState(date: "2026-11-23") == expected)
    }

    /// The re-optimising loop (`events apply --acknowledge`) killed with SIGKILL at random points, after a random
    /// number of acknowledgements: every acknowledged event is in the log with its re-optimisation, the log is a prefix of the
    /// file, the database passes `PRAGMA integrity_check`, replay gives one revision per logged event, and applying
    /// the file again finishes it with each event once. The file holds events that stay valid whatever the
    /// re-optimiser decides (positions, delays, new orders, road conditions), so every run can apply it to the end.
    /// (1,000 trials in `Benchmarks/live-latency.sh`.)
    @Test func killedInTheLiveLoopLosesNoAcknowledgedEvent() throws {
        let folder = cli.temporaryPath("kill-loop")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let demo = try cli.run(["demo", "--output", folder, "--orders", "40", "--iterations", "800", "--threads", "1"])
        #expect(demo.status == 0, "\(demo.stderr)")
        let db = "\(folder)/lastmile.sqlite", file = "\(folder)/events.jsonl"
        let settings = LastMileService.Settings(databasePath: db, createsDatabase: false)
        var state = try LastMileService.build(settings).liveState(date: "2026-11-23")
        var random = RandomLiveEvents(seed: 12, prefix: "loop")
        var events: [LiveEvent] = []
        while events.count < 150 {
            let event = random.next(for: state)
            switch event.kind {
            case .position, .delay, .newOrder, .roadCondition: break
            default: continue
            }
            guard let step = try? state.apply(event) else { continue }
            state = step.state
            events.append(event)
        }
        try events.map(LiveEventFile.line).joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)

        // The sample town as a graph file: each child loads it in milliseconds instead of importing the town.
        let graph = "\(folder)/town.graph"
        #expect(try cli.run(["import", "maps/sample-town.osm.pbf", "-o", graph]).status == 0)
        let arguments = ["events", "apply", file, "--date", "2026-11-23", "--db", db, "--map", graph, "--iterations", "30", "--acknowledge"]
        var pause = SplitMix64(seed: 6)
        for trial in 0..<20 {
            let process = Process(), output = Pipe()
            process.executableURL = CommandLineTests.binary
            process.arguments = arguments
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Kill at a random point once a random number of events were acknowledged (the loop is then between
            // events, inside a re-optimisation, a write, or between a write and its acknowledgement).
            let killAfter = Int.random(in: 1...12, using: &pause) + trial * 6
            var received = Data()
            while received.split(separator: UInt8(ascii: "\n")).count < killAfter {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                received += chunk
            }
            usleep(UInt32.random(in: 0...20_000, using: &pause))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            received += output.fileHandleForReading.readDataToEndOfFile()
            let acknowledged = String(decoding: received, as: UTF8.self)
                .split(separator: "\n").filter { $0.hasPrefix("acknowledged ") }.map { String($0.split(separator: " ")[1]) }
            #expect(acknowledged.count >= min(killAfter, 150) || process.terminationReason == .exit, "trial \(trial)")
            let service = try LastMileService.build(settings)
            #expect(try service.store.integrityProblems().isEmpty, "trial \(trial)")
            let logged = try service.store.liveEvents(date: "2026-11-23", planVersion: 1)
            #expect(Set(acknowledged).isSubset(of: Set(logged.map(\.key))), "trial \(trial): an acknowledged event is missing")
            #expect(logged.map(\.key) == events.prefix(logged.count).map(\.key), "trial \(trial)")
            #expect(logged.allSatisfy { $0.reroute != nil }, "trial \(trial)")
            #expect(try service.liveState(date: "2026-11-23").revision == logged.count, "trial \(trial)")
        }
        let finish = try cli.run(["events", "apply", file, "--date", "2026-11-23", "--db", db, "--map", graph, "--iterations", "30"])
        #expect(finish.status == 0 && finish.stdout.contains("live revision 150"), "\(finish.stdout)\(finish.stderr)")
        let logged = try LastMileService.build(settings).store.liveEvents(date: "2026-11-23", planVersion: 1)
        #expect(logged.map(\.key) == events.map(\.key))
    }
}
