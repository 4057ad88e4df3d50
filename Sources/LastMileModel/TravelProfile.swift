/// Travel between the problem's locations for one kind of vehicle (car, cargo bike, truck): integer matrices,
/// row-major, `locationCount × locationCount`, row = from.
public struct TravelProfile: Sendable {
    public var name: String
    /// Travel times, time units.
    public var time: [Int64]
    /// Travel distances, distance units (metres for real roads; ×1000 Euclidean for the benchmarks).
    public var distance: [Int64]
    /// When set, the arc costs of every vehicle on this profile (VROOM's custom `costs` matrix), replacing the
    /// vehicles' per-distance and per-time rates.
    public var cost: [Int64]?

    public init(name: String, time: [Int64], distance: [Int64], cost: [Int64]? = nil) {
        precondition(time.count == distance.count && (cost?.count ?? time.count) == time.count, "profile matrices differ in size")
        self.name = name
        self.time = time
        self.distance = distance
        self.cost = cost
    }
}
