import LastMileDomain
import LastMileLive

extension SimulationPolicy {
    /// The live loop (``LiveReoptimiser/step(_:_:travel:)``): each disturbance and each completed delivery (as
    /// the live loop takes every event) applied, then the unexecuted part
    /// re-optimised on the true roads' car travel times at the event's time (the traffic a dispatcher's
    /// service sees then), under the re-optimiser's stability rule. Give the re-optimiser no millisecond cap
    /// for a simulation that repeats on any machine.
    /// - Parameter lookaheadSeconds: each pair's travel time is its slowest over the departures of that span
    ///   from the event (``SimulationRoads/liveTravelTimes(_:at:lookaheadSeconds:)``): the loop plans the
    ///   remaining hours, not the moment.
    public static func liveLoop(_ reoptimiser: LiveReoptimiser, on roads: SimulationRoads, lookaheadSeconds: Int = 7200) -> SimulationPolicy {
        .rerouting(name: "rerouting", completions: true) { state, event in
            try reoptimiser.step(state, event) { places in roads.liveTravelTimes(places, at: event.at.seconds, lookaheadSeconds: lookaheadSeconds) }.state
        }
    }
}
