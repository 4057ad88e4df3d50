import LastMileCore
import LastMileGraph
import LastMileRouting

/// A route driven from a departure time without stopping: each leg in the traffic of the 15-minute slice it
/// starts in (so a morning route that runs into the rush hour slows down where it does), the next leg leaving
/// on arrival.
public struct TimedRoute: Sendable {
    public var route: Route
    /// Since the date's midnight: the departure from the first stop, then the arrival at each next stop
    /// (`legs.count + 1` times, non-decreasing).
    public var times: [Milliseconds]

    public init(route: Route, times: [Milliseconds]) {
        precondition(times.count == route.legs.count + 1, "one time per stop")
        self.route = route
        self.times = times
    }
}

extension SliceEngines {
    /// The route through `stops` in order on `date`, leaving the first at `departure` (since midnight) under
    /// `profile`, or `nil` when some leg has no route in its slice.
    public func route(
        through stops: [SnappedPoint], date: CivilDate, departure: Milliseconds, profile: TrafficProfile
    ) -> TimedRoute? {
        precondition(stops.count >= 2, "a route needs at least two stops")
        var legs: [Route.Leg] = []
        var times = [departure]
        for (from, to) in zip(stops, stops.dropFirst()) {
            let minuteOfDay = Int(times[times.count - 1].rawValue / 60_000)
            let engine = engine(date: date, minuteOfDay: minuteOfDay, profile: profile)
            guard let leg = engine.route(through: [RoadPosition(from), RoadPosition(to)])?.legs.first else { return nil }
            legs.append(leg)
            times.append(times[times.count - 1] + Milliseconds(Int64(leg.cost.time)))
        }
        return TimedRoute(route: Route(legs: legs), times: times)
    }
}
