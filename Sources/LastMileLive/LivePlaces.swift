import LastMileCore

/// The places the re-optimiser needs travel times between, in the order of its problem's locations:
/// `targets` (end depots, then the customers of remaining stops and open orders, each coordinate once) are
/// driven to and from; `starts` (vehicles' reported positions that are no target) are only driven from.
///
/// The service answers with a ``LiveTravelTimes`` over `targets + starts` (rows from every place, columns to
/// the targets): the day's matrix once, then only the rows of new positions and the rows and columns of new
/// orders.
public struct LivePlaces: Hashable, Sendable {
    public var targets: [Coordinate]
    public var starts: [Coordinate]

    /// Every place: `targets` then `starts`; a place's location index is its position here.
    public var all: [Coordinate] { targets + starts }
}
