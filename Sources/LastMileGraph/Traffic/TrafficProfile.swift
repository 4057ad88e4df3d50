/// Speed factors by time of day: for every weekday, 15-minute slice and ``RoadClass``, the share of the
/// profile's free-flow speed that traffic allows (0.5 = half speed, so twice the time), plus overrides of
/// single OSM ways for some slices.
///
/// Factors are kept in per mille (integers, like every cost in the solver): an arc of free-flow time `t` ms
/// takes `round(t × 1000 / factor‰)` ms in a slice. Read one with ``TrafficProfileReader``.
///
/// Invariant: every (weekday, slice, class) has exactly one factor in ``factorRange``; overrides do not overlap.
public struct TrafficProfile: Sendable, Hashable {
    /// Length of a slice, minutes.
    public static let sliceMinutes = 15
    /// Slices in a day (00:00–24:00).
    public static let slicesPerDay = 1440 / sliceMinutes
    /// Accepted speed factors, per mille: 0.05 (a near standstill) to 1.5 (faster than the profile's speed).
    public static let factorRange = 50...1500

    /// The name for messages (usually the file name).
    public let name: String
    /// Factor ‰ of (weekday, slice, class) at `(weekday × slicesPerDay + slice) × classCount + class`.
    let classFactors: [UInt16]
    /// Factors of single ways, replacing their class's factor in the slices they cover.
    public let wayOverrides: [WayOverride]

    /// Number of road classes.
    static let classCount = RoadClass.allCases.count

    init(name: String, classFactors: [UInt16], wayOverrides: [WayOverride]) {
        precondition(classFactors.count == 7 * Self.slicesPerDay * Self.classCount, "a factor per weekday, slice and class")
        self.name = name
        self.classFactors = classFactors
        self.wayOverrides = wayOverrides
    }

    /// The same factor everywhere (1000 = free flow).
    public static func uniform(_ factor: Int, name: String = "uniform") -> TrafficProfile {
        precondition(factorRange.contains(factor), "factor out of range")
        return TrafficProfile(
            name: name, classFactors: [UInt16](repeating: UInt16(factor), count: 7 * slicesPerDay * classCount), wayOverrides: []
        )
    }

    /// The factor ‰ of `roadClass` on `weekday` in `slice` (0 ..< ``slicesPerDay``).
    public func factor(_ roadClass: RoadClass, on weekday: Weekday, slice: Int) -> Int {
        Int(classFactors[(weekday.rawValue * Self.slicesPerDay + slice) * Self.classCount + Int(roadClass.rawValue)])
    }

    /// The factors ‰ of every class on `weekday` in `slice`, indexed by class raw value.
    public func classFactors(on weekday: Weekday, slice: Int) -> ArraySlice<UInt16> {
        let first = (weekday.rawValue * Self.slicesPerDay + slice) * Self.classCount
        return classFactors[first..<first + Self.classCount]
    }

    /// The overrides in force on `weekday` in `slice`.
    public func overrides(on weekday: Weekday, slice: Int) -> [WayOverride] {
        wayOverrides.filter { $0.weekday == weekday && $0.slices.contains(slice) }
    }
}

/// One OSM way's speed factor on one weekday for a range of slices.
public struct WayOverride: Sendable, Hashable {
    public let way: Int64
    public let weekday: Weekday
    public let slices: Range<Int>
    /// Speed factor, per mille.
    public let factor: Int
}
