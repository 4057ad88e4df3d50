import Foundation
import LastMileCore
import LastMileDomain
import LastMileLive
import LastMileSampleTown
import LastMileService
import LastMileStore
import LastMileTestSupport
import Testing

/// The live loop over a real stored plan (the sample town's demo day, straight-line travel): each event applied
/// and re-optimised, written with its re-optimisation before it is acknowledged, a retry acknowledged without
/// applying twice, a bad event refused without a trace, and the log replaying to the loop's state.
@Suite struct LiveLoopTests {
    let date = "2026-11-23"

    func plannedDay() throws -> (LastMileService, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lastmile-loop-\(UUID().uuidString)")
        let demo = DemoDay(folder: folder.path, date: date, orderCount: 40, map: nil, area: .sampleTown,
                           settings: PlanningSettings(seed: 3, timeLimit: 60, iterations: 800, threads: 1))
        _ = try demo.run()
        return (try LastMileService.build(.init(databasePath: demo.databasePath, createsDatabase: false)), folder)
    }

    @Test func eventsAreAcknowledgedOnceAfterTheDurableWriteAndTheLogReplaysExactly() async throws {
        let (service, folder) = try plannedDay()
        defer { try? FileManager.default.removeItem(at: folder) }
        let clock = ManualClock()
        let loop = try LiveLoop(service: service, date: date, roads: nil, settings: .init(iterations: 40, millisecondCap: nil), clock: clock)
        var random = RandomLiveEvents(seed: 21, prefix: "loop")
        var acknowledged: [LiveLoop<ManualClock>.Acknowledgement] = []
        var first: LiveEvent?
        while acknowledged.count < 25 {
            let state = await loop.state
            let event = random.next(for: state)
            guard (try? state.apply(event)) != nil else { continue }
            let acknowledgement = try await loop.submit(event)
            #expect(!acknowledgement.alreadyApplied && acknowledgement.revision == state.revision + 1)
            #expect(acknowledgement.latency == .zero, "the loop reads the injected clock, which no one advanced")
            #expect(try service.store.liveEvents(date: date, planVersion: 1).last?.key == event.key, "durable before the acknowledgement")
            acknowledged.append(acknowledgement)
            first = first ?? event
        }
        let state = await loop.state

        // A retry is acknowledged with the revision it made, and changes nothing.
        let retry = try await loop.submit(try #require(first))
        #expect(retry.alreadyApplied && retry.revision == 1)
        #expect(await loop.state == state)

        // Bad events are refused with the reason and change nothing, in memory or in the log.
        let bad = [
            LiveEvent(key: "bad-1", at: state.clock, kind: .delay(vehicleID: "NOPE", minutes: 5, reason: "")),
            LiveEvent(key: "bad-2", at: state.clock, kind: .cancelled(orderID: "O-7777")),
            LiveEvent(key: "bad-3", at: state.clock.adding(seconds: -3600), kind: .delay(vehicleID: state.vehicles[0].vehicleID, minutes: 5, reason: "")),
        ]
        for event in bad {
            await #expect(throws: LastMileError.self) { try await loop.submit(event) }
        }
        #expect(await loop.state == state)
        #expect(try service.store.liveEvents(date: date, planVersion: 1).count == 25)
        #expect(try service.store.liveEvents(date: date, planVersion: 1).allSatisfy { $0.reroute != nil })

        // The log (events and their recorded re-optimisations) replays to the loop's state, bit for bit.
        #expect(try service.liveState(date: date) == state)
        let reopened = try LastMileService.build(.init(databasePath: service.store.path, createsDatabase: false))
        #expect(try reopened.liveState(date: date) == state)
        #expect(try service.store.integrityProblems().isEmpty)
    }
}
