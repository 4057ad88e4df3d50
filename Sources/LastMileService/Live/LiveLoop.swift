import Foundation
import LastMileCore
import LastMileDomain
import LastMileGraph
import LastMileLive
import LastMileStore

/// The live loop of one date: a thin actor over the pure core that takes events one at a time — validate and
/// apply (``LiveState/apply(_:)``), re-optimise the unexecuted part within the budget (``LiveReoptimiser``),
/// write the event and the re-optimisation durably in one transaction, and only then adopt the new revision and
/// acknowledge. A retried key is acknowledged with the revision it made, without applying it again; a rejected
/// event changes nothing.
///
/// Time is injected (`clock`): the acknowledgement's latency runs from the event's arrival to the durable
/// write, on that clock; tests drive a manual clock.
///
/// Travel: the car roads at free flow under the road conditions in force (``LiveTravelCache``) and, when the
/// database stores a traffic profile, its forecast for each leg's departure (``LiveTrafficForecast``).
public actor LiveLoop<C: Clock> where C.Duration == Duration {
    /// What the loop answers for an event.
    public struct Acknowledgement: Sendable {
        public var key: String
        /// The live revision the event made (now or, for a retry, before).
        public var revision: Int
        /// Whether the key was applied before (nothing was done now).
        public var alreadyApplied: Bool
        public var actions: [LiveAction]
        /// The re-optimisation that followed the event (`nil` for a retry).
        public var reroute: LiveReroute?
        /// From the event's arrival to the durable write of its revision, on the loop's clock.
        public var latency: Duration
    }

    private let store: Store
    private let reoptimiser: LiveReoptimiser
    private let travel: LiveTravelCache?
    /// The stored traffic profile's forecast for the date (`nil`: none stored, or no roads).
    private let forecast: LiveTrafficForecast?
    private let clock: C
    /// The live state after the last acknowledged event.
    public private(set) var state: LiveState

    /// A loop over `service`'s log of `date`, from its current state (the log replayed).
    ///
    /// - Parameters:
    ///   - roads: the car roads the travel times come from; `nil` drives straight lines at 30 km/h (tests).
    /// - Throws: ``LastMileError`` as ``LastMileService/liveState(date:)``.
    public init(service: LastMileService, date: String, roads: RoadGraph?, settings: LiveReoptimiser.Settings = .init(), clock: C)
        throws(LastMileError)
    {
        store = service.store
        state = try service.liveState(date: date)
        reoptimiser = LiveReoptimiser(settings: settings)
        travel = try roads.map { graph throws(LastMileError) in try LiveTravelCache(graph: graph) }
        if let graph = roads, let profile = try service.storedTrafficProfile(), let weekday = CivilDate(parsing: date)?.weekday {
            let candidate = LiveTrafficForecast(profile: profile, weekday: weekday, graph: graph)
            forecast = candidate.changesAnything ? candidate : nil
        } else {
            forecast = nil
        }
        self.clock = clock
        // The day's matrix once, before the first event: every depot, customer and vehicle place of the state.
        let start = state
        _ = travel?.travel(reoptimiser.places(of: start, scope: reoptimiser.scope(of: start)))
    }

    /// Takes one event through the loop.
    ///
    /// - Throws: ``LastMileError``: bad input (the rejection's field, message and fix) for an event that cannot
    ///   apply; conflict when another writer moved the log on; nothing is written then.
    public func submit(_ event: LiveEvent) throws(LastMileError) -> Acknowledgement {
        let arrival = clock.now
        if let revision = try reportingErrors({ try store.appliedRevisions(keys: [event.key]) })[event.key] {
            return Acknowledgement(key: event.key, revision: revision, alreadyApplied: true, actions: [], reroute: nil,
                                   latency: arrival.duration(to: clock.now))
        }
        let step: LiveStep
        let now = max(state.clock, event.at)
        do throws(LiveEventRejection) {
            step = try reoptimiser.step(state, event) { routes($0, at: now) }
        } catch {
            throw LastMileError(.badInput, error.message, at: ErrorLocation(field: error.field, id: event.key), hint: error.hint)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let reroute = String(decoding: try reportingErrors { try encoder.encode(step.reroute) }, as: UTF8.self)
        let written = try reportingErrors {
            try store.appendEvent(date: state.date, planVersion: state.planVersion, key: event.key, json: LiveEventFile.line(event),
                                  revision: step.state.revision, reroute: reroute)
        }
        guard written == .applied(revision: step.state.revision) else {
            throw LastMileError(.conflict, "event \(event.key) was applied meanwhile by another writer", at: ErrorLocation(id: event.key),
                                hint: "send it again: an event already applied is acknowledged without applying it twice")
        }
        state = step.state
        return Acknowledgement(key: event.key, revision: step.state.revision, alreadyApplied: false, actions: step.actions,
                               reroute: step.reroute, latency: arrival.duration(to: clock.now))
    }

    /// Travel over `places` for an event at `clock`: the roads' times with the forecast from then on.
    private func routes(_ places: LivePlaces, at clock: TimeOfDay) -> LiveTravelTimes {
        guard let travel else { return LiveTravelTimes(straightLineBetween: places.all, metresPerSecond: 30 / 3.6, conditions: places.conditions) }
        let times = travel.travel(places)
        return forecast?.applied(to: times, from: clock.seconds) ?? times
    }
}
