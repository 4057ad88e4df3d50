import LastMileCore

/// The places the re-optimiser needs travel times between, in the order of its problem's locations:
/// `targets` (end depots, then the customers of remaining stops and open orders, each coordinate once) are
/// driven to and from; `starts` (vehicles' reported positions that are no target) are only driven from.
///
/// The service answers with a ``LiveTravelTimes`` over `targets + starts` (rows from every place, columns to
/// the targets): the day's matrix once, then only the rows of new positions and the rows and columns of new
/// orders. When road conditions are in force (``conditions``), the answer is routed under them: closed roads
/// blocked, slowed roads slower.
public struct LivePlaces: Hashable, Sendable {
    public var targets: [Coordinate]
    public var starts: [Coordinate]
    /// The road conditions in force at the re-optimisation's moment (the live clock), in report order: each
    /// applies to every leg from that moment on, and stops applying at the first re-optimisation after its end.
    public var conditions: [RoadCondition]

    public init(targets: [Coordinate], starts: [Coordinate], conditions: [RoadCondition] = []) {
        (self.targets, self.starts, self.conditions) = (targets, starts, conditions)
    }

    /// Every place: `targets` then `starts`; a place's location index is its position here.
    public var all: [Coordinate] { targets + starts }
}
