import LastMileGraph
import LastMileModel
import LastMileRouting

/// Where a day's time-dependent travel comes from: given the car network and the day's locations on it, the
/// FIFO travel times (seconds since midnight) for the minutes the fleet works. The service implements it with
/// its traffic profile, closures and weather (``DayPlanner`` knows no files); `nil` plans on free-flow times.
public protocol DayTraffic: Sendable {
    /// The travel between `positions` (`nil`: the location is not on this network, unreachable) on `graph`
    /// from minute `minutes.lowerBound` to `minutes.upperBound` of `date` (`YYYY-MM-DD`).
    ///
    /// - Throws: when the conditions cannot be applied to `date`; the planner passes the error on.
    func travel(on graph: RoadGraph, date: String, between positions: [RoadPosition?], minutes: Range<Int>) throws -> TimeDependentTravel
}
