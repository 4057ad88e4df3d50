import Foundation
import LastMileCore
import LastMileDomain
import LastMileLive
import LastMileTestSupport
import Testing

/// Random event streams (seeded) against the invariants of a live day, replay determinism, and the events file.
@Suite struct LiveReplayTests {
    /// Applies `count` random events to the small day; returns every intermediate state and the events applied.
    func randomDay(seed: UInt64, count: Int) -> (states: [LiveState], events: [LiveEvent]) {
        var random = RandomLiveEvents(seed: seed)
        var states = [SmallDay.state]
        var events: [LiveEvent] = []
        for _ in 0..<count {
            let event = random.next(for: states.last!)
            guard let step = try? states.last!.apply(event) else { continue }
            states.append(step.state)
            events.append(event)
        }
        return (states, events)
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64]) func randomStreamsKeepTheInvariants(seed: UInt64) {
        let (states, events) = randomDay(seed: seed, count: 200)
        #expect(events.count > 20, "seed \(seed)")
        for (before, after) in zip(states, states.dropFirst()) {
            #expect(after.revision == before.revision + 1 && after.clock >= before.clock, "seed \(seed)")
            for (old, new) in zip(before.vehicles, after.vehicles) {
                // Time never runs backwards, load never negative, the frozen prefix never changes.
                #expect(new.time >= old.time && new.load.grams >= 0 && new.load.millilitres >= 0 && new.load.parcels >= 0, "seed \(seed)")
                #expect(Array(new.executed.prefix(old.executed.count)) == old.executed, "seed \(seed) \(new.vehicleID)")
                if let current = old.current, new.executed.count == old.executed.count, new.status == .running {
                    #expect(new.current?.order.id == current.order.id && new.current?.eta == current.eta, "seed \(seed)")
                }
            }
            // No stop completed twice, and no delivered order still to serve.
            let delivered = after.vehicles.flatMap(\.executed).filter { $0.outcome == .delivered }.map(\.orderID)
            let toServe = after.vehicles.flatMap { [$0.current].compactMap { $0 } + $0.remaining }.map(\.order.id)
            #expect(Set(delivered).count == delivered.count && Set(delivered).isDisjoint(with: toServe), "seed \(seed)")
        }
    }

    @Test func replayingTheEventsAsJSONLinesGivesTheSameStateBitForBit() throws {
        let (states, events) = randomDay(seed: 42, count: 150)
        let file = events.map(LiveEventFile.line).joined(separator: "\n")
        let read = try LiveEventFile.read(Data(file.utf8), file: "log.jsonl")
        #expect(read.map(\.event) == events)
        #expect(try SmallDay.state.replaying(read.map(\.event)) == states.last!)
        #expect(try SmallDay.state.replaying(events) == states.last!)
    }

    @Test func theSampleEventsFileReads() throws {
        let url = SharedData.repositoryRoot.appendingPathComponent("fixtures/events/sample-day.jsonl")
        let lines = try LiveEventFile.read(try Data(contentsOf: url), file: url.path)
        #expect(lines.count == 10 && Set(lines.map(\.event.key)).count == 9)
        #expect(Set(lines.map { LiveEventWire($0.event).type }) == ["position", "arrived", "completed", "delay", "road-closure", "weather",
                                                                    "new-order", "cancelled", "shift-change"])
    }

    @Test func badLinesNameTheLineTheFieldAndTheFix() {
        let cases = [
            (#"{"key":"a","at":"08:00","type":"arrived","vehicle":"V1","order":"A"}"# + "\n{\"key\": \"b\", oops}",
             "events.jsonl:2: malformed event: invalid JSON at the top level: The given data was not valid JSON."),
            (#"{"key":"a","at":"08:00","type":"arrived","vehicle":"V1"}"#,
             "events.jsonl:1: order (id a): missing field 'order' for a arrived event"),
            (#"{"key":"a","at":"8 o'clock","type":"delay","vehicle":"V1","minutes":5}"#, "events.jsonl:1: at (id a): '8 o'clock' is not a clock time"),
            (#"{"key":"a","at":"08:00","type":"teleport"}"#, "events.jsonl:1: type (id a): unknown event type 'teleport'"),
            (#"{"key":"a","at":"08:00","type":"failed","vehicle":"V1","order":"A","reason":"absent","then":"later"}"#,
             "events.jsonl:1: then (id a): 'later' is not a follow-up"),
        ]
        for (text, headline) in cases {
            #expect { try LiveEventFile.read(Data(text.utf8), file: "events.jsonl") } throws: { error in
                let error = error as? LastMileError
                return error?.category == .badInput && error?.headline == headline && error?.hint != nil
            }
        }
    }
}
