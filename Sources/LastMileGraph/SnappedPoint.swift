import LastMileCore

/// A position matched to the nearest point on a drivable arc.
public struct SnappedPoint: Hashable, Sendable {
    /// The arc the point lies on.
    public var arc: ArcIndex
    /// The arc of the same road in the opposite direction, when the road is two-way.
    public var oppositeArc: ArcIndex?
    /// Distance from the tail of ``arc`` to the point along the road, mm (0 ≤ offset ≤ arc length).
    public var offset: Millimeters
    /// The matched point on the road.
    public var coordinate: Coordinate
    /// Straight-line distance from the input position to ``coordinate``, metres (in the graph's UTM projection).
    public var distanceMeters: Double
}
