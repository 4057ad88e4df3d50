import LastMileCore
import LastMileDomain

/// A change of the roads in a circular area for a span of the day, kept in the live state; the re-optimiser
/// hands the conditions in force to whoever routes for it (``LivePlaces/conditions``), which slows (or, for a
/// closure, blocks) the roads with an end inside the circle. The live state itself does not route.
///
/// Invariants: `radiusMetres > 0`; `from < until`; `speedPercent` in 0...100 (0 for a closure: nothing passes).
public struct RoadCondition: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case closure = "road-closure"
        case slowdown
        case weather
    }

    public var kind: Kind
    public var centre: Coordinate
    public var radiusMetres: Int
    public var from: TimeOfDay
    public var until: TimeOfDay
    /// Speed on the affected roads as a percentage of the usual speed.
    public var speedPercent: Int
    /// What the reporter said ("accident on the bridge", "heavy rain").
    public var note: String

    public init(kind: Kind, centre: Coordinate, radiusMetres: Int, from: TimeOfDay, until: TimeOfDay, speedPercent: Int, note: String) {
        self.kind = kind
        self.centre = centre
        self.radiusMetres = radiusMetres
        self.from = from
        self.until = until
        self.speedPercent = speedPercent
        self.note = note
    }

    /// Whether the condition is in force at `time`: `from <= time < until`.
    public func isInForce(at time: TimeOfDay) -> Bool { from.seconds <= time.seconds && time.seconds < until.seconds }
}
