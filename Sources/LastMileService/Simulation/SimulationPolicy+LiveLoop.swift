import LastMileDomain
import LastMileLive

extension SimulationPolicy {
    /// The live loop (``LiveReoptimiser/step(_:_:travel:)``): each disturbance and each completed delivery (as
    /// the live loop takes every event) applied, then the unexecuted part
    /// re-optimised on the true roads' car travel times at the event's time (the traffic a dispatcher's
    /// service sees then), under the re-optimiser's stability rule. Give the re-optimiser no millisecond cap
    /// for a simulation that repeats on any machine.
    /// - Parameters:
    ///   - lookaheadSeconds: each pair's static travel time is its slowest over the departures of that span
    ///     from the event (``SimulationRoads/liveTravelTimes(_:at:lookaheadSeconds:timeDependent:)``).
    ///   - timeDependent: vans drive each leg in the traffic of its departure (the day's profile as the loop's
    ///     forecast) instead of the static time: a stop hours ahead is timed in its own hour's traffic.
    public static func liveLoop(_ reoptimiser: LiveReoptimiser, on roads: SimulationRoads, lookaheadSeconds: Int = 7200,
                                timeDependent: Bool = true) -> SimulationPolicy {
        .rerouting(name: "rerouting", completions: true) { state, event in
            try reoptimiser.step(state, event) { places in
                roads.liveTravelTimes(places, at: event.at.seconds, lookaheadSeconds: lookaheadSeconds, timeDependent: timeDependent)
            }.state
        }
    }
}
