import LastMileCore

/// The least a group of vehicles costs together on a day any of them works (a carrier's day minimum): their
/// routes' costs — fixed costs, arcs, paid time and job charges — are topped up to `minimum`, cost units. A
/// floor whose vehicles all stay at the depot costs nothing.
public struct CostFloor: Hashable, Sendable {
    public var vehicles: [VehicleIndex]
    public var minimum: Int64

    public init(vehicles: [VehicleIndex], minimum: Int64) {
        precondition(minimum >= 0, "a cost floor is 0 or more")
        self.vehicles = vehicles
        self.minimum = minimum
    }

    /// What the group adds to its routes' `total` to reach the minimum: 0 when none of its vehicles is `used`.
    @inlinable public func topUp(total: Int64, used: Bool) -> Int64 { used ? max(0, minimum - total) : 0 }
}
