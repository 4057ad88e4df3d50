import Foundation
import LastMileCore
import LastMileDomain
import LastMileGraph
import LastMileLive
import LastMileStore

/// What applying an events file did.
public struct EventsOutcome: Sendable {
    /// Events newly applied (each durably logged), and events whose key was applied before (skipped).
    public var applied: Int
    public var alreadyApplied: Int
    /// What the newly applied events ask for, in order: windows now at risk, orders needing a vehicle, road changes.
    public var actions: [LiveAction]
    /// The live state after the file.
    public var state: LiveState
    /// The re-optimisations of the newly applied events, in order (empty without re-optimisation).
    public var reroutes: [LiveReroute] = []
    /// Arrival-to-durable-write latency of each newly applied event (empty without re-optimisation).
    public var latencies: [Duration] = []
}

/// How `events apply` re-optimises after each event: on which roads, with which budget and stability rule.
public struct LiveReoptimisation: Sendable {
    /// The car roads of the day; `nil` drives straight lines at 30 km/h.
    public var roads: RoadGraph?
    public var settings: LiveReoptimiser.Settings

    public init(roads: RoadGraph?, settings: LiveReoptimiser.Settings = .init()) {
        self.roads = roads
        self.settings = settings
    }
}

extension LastMileService {
    /// The live state of `date`: the active plan version with its logged events replayed in order, each followed
    /// by the re-optimisation logged with it (adopted, not solved again: the replay is exact).
    ///
    /// - Throws: ``LastMileError``: bad input when the date has no plan; internal when the log cannot be replayed.
    public func liveState(date: String) throws(LastMileError) -> LiveState {
        let plan = try storedPlan(date: date)
        let day = try reportingErrors { try store.day(date) }
        let logged = try reportingErrors { try store.liveEvents(date: date, planVersion: plan.version.version) }
        var state = LiveState(plan: plan, day: day)
        for entry in logged {
            do {
                let events = try LiveEventFile.read(Data(entry.json.utf8), file: "live event log").map(\.event)
                state = try state.replaying(events)
                if let reroute = entry.reroute {
                    state = try state.adopting(JSONDecoder().decode(LiveReroute.self, from: Data(reroute.utf8)))
                }
            } catch {
                throw LastMileError(.internal, "the live event log of \(date) cannot be replayed at sequence \(entry.sequence): \(error)",
                                    at: ErrorLocation(file: store.path, id: entry.key), hint: "this is a bug in LastMile; please report it")
            }
        }
        return state
    }

    /// Applies the events of `file` (JSON Lines, ``LiveEventWire``) to the live state of `date`, idempotently:
    /// events whose key is already logged are skipped. Every event is first checked against the state it
    /// meets; one bad event refuses the whole file and nothing is written. Then each event is written to the log
    /// in its own transaction, committed before the next (an event is acknowledged only once durable).
    ///
    /// - Throws: ``LastMileError`` (bad input) at `file:line` naming the field, for a malformed or inapplicable
    ///   event; (conflict) when another writer moved the log on meanwhile.
    public func applyEvents(date: String, file: String) throws(LastMileError) -> EventsOutcome {
        let lines = try LiveEventFile.read(try InputFile.read(file, what: "events file"), file: file)
        let start = try liveState(date: date)
        var seen = Set(try reportingErrors { try store.appliedRevisions(keys: lines.map(\.event.key)) }.keys)
        var state = start
        var pending: [LiveEvent] = []
        var actions: [LiveAction] = []
        for line in lines where seen.insert(line.event.key).inserted {
            do {
                let step = try state.apply(line.event)
                state = step.state
                actions += step.actions
                pending.append(line.event)
            } catch {
                throw error.lastMileError(file: file, line: line.number, key: line.event.key)
            }
        }
        for (offset, event) in pending.enumerated() {
            let append = try reportingErrors {
                try store.appendEvent(date: date, planVersion: start.planVersion, key: event.key, json: LiveEventFile.line(event),
                                      revision: start.revision + offset + 1)
            }
            guard append == .applied(revision: start.revision + offset + 1) else {
                throw LastMileError(.conflict, "event \(event.key) was applied meanwhile by another writer", at: ErrorLocation(file: file, id: event.key),
                                    hint: "apply the file again: events already applied are skipped")
            }
        }
        return EventsOutcome(applied: pending.count, alreadyApplied: lines.count - pending.count, actions: actions, state: state)
    }

    /// Applies the events of `file` through the live loop (``LiveLoop``): each event is applied, the unexecuted
    /// part re-optimised, and both written durably before the next; keys already logged are acknowledged without
    /// applying them again. The whole file is checked first against the states the events alone make (a bad line
    /// refuses it, nothing written); an event that a re-optimisation made inapplicable (its order moved to
    /// another vehicle) stops the file at its line, the events before it stay applied (as on a live feed).
    ///
    /// - Parameter acknowledged: hears each event's acknowledgement as soon as it is durable.
    /// - Throws: ``LastMileError`` (bad input) at `file:line` naming the field; (conflict) when another writer
    ///   moved the log on meanwhile.
    public func applyEvents(
        date: String, file: String, reoptimisation: LiveReoptimisation,
        acknowledged: @Sendable (LiveLoop<ContinuousClock>.Acknowledgement) -> Void = { _ in }
    ) async throws(LastMileError) -> EventsOutcome {
        let lines = try LiveEventFile.read(try InputFile.read(file, what: "events file"), file: file)
        let loop = try LiveLoop(service: self, date: date, roads: reoptimisation.roads, settings: reoptimisation.settings, clock: ContinuousClock())
        // Check first that every event applies to the states the events alone make: a bad line refuses the file.
        var check = await loop.state
        var seen = Set(try reportingErrors { try store.appliedRevisions(keys: lines.map(\.event.key)) }.keys)
        for line in lines where seen.insert(line.event.key).inserted {
            do { check = try check.apply(line.event).state } catch { throw error.lastMileError(file: file, line: line.number, key: line.event.key) }
        }
        var outcome = EventsOutcome(applied: 0, alreadyApplied: 0, actions: [], state: await loop.state)
        for line in lines {
            let acknowledgement: LiveLoop<ContinuousClock>.Acknowledgement
            do {
                acknowledgement = try await loop.submit(line.event)
            } catch {
                var located = error
                located.location = ErrorLocation(file: file, line: line.number, field: error.location?.field, id: line.event.key)
                throw located
            }
            acknowledged(acknowledgement)
            guard !acknowledgement.alreadyApplied else {
                outcome.alreadyApplied += 1
                continue
            }
            outcome.applied += 1
            outcome.actions += acknowledgement.actions
            outcome.reroutes += acknowledgement.reroute.map { [$0] } ?? []
            outcome.latencies.append(acknowledgement.latency)
        }
        outcome.state = await loop.state
        return outcome
    }
}
