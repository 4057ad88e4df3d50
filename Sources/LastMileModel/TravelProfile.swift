/// Travel between the problem's locations for one kind of vehicle (car, cargo bike, truck): integer matrices,
/// row-major, `locationCount × locationCount`, row = from; optionally travel times that depend on the departure.
///
/// With ``timeDependent`` set, every leg's travel time is read from it at the leg's departure (the problem's
/// time unit must then be seconds since the day's midnight); the static ``time`` matrix stays the cost basis
/// (`costPerTime`) and the order of neighbours, so move costs remain exact integers. Without it (the default)
/// nothing changes.
public struct TravelProfile: Sendable {
    /// Travel time of a pair a time-dependent profile cannot connect, time units: beyond any shift.
    public static let unreachableTime: Int64 = 1_000_000_000

    public var name: String
    /// Travel times, time units.
    public var time: [Int64]
    /// Travel distances, distance units (metres for real roads; ×1000 Euclidean for the benchmarks).
    public var distance: [Int64]
    /// When set, the arc costs of every vehicle on this profile (VROOM's custom `costs` matrix), replacing the
    /// vehicles' per-distance and per-time rates.
    public var cost: [Int64]?
    /// When set, the travel time of a leg departing at `t` (s since midnight) is
    /// `timeDependent.travelSeconds(from:to:departingAt: t)` instead of the `time` entry (FIFO: leaving later
    /// never arrives earlier). Vehicles on such a profile must have speed factor 1: the table already is their
    /// speed, and scaling it could break FIFO.
    public var timeDependent: TimeDependentTravel?

    public init(name: String, time: [Int64], distance: [Int64], cost: [Int64]? = nil, timeDependent: TimeDependentTravel? = nil) {
        precondition(time.count == distance.count && (cost?.count ?? time.count) == time.count, "profile matrices differ in size")
        self.name = name
        self.time = time
        self.distance = distance
        self.cost = cost
        self.timeDependent = timeDependent
    }

    /// The arrival at `to` when leaving `from` at `departure` by a vehicle with `speedFactor`, time units: the
    /// time-dependent table when there is one, else `departure` plus the static time (speed factor applied).
    /// `locationCount` is the problem's.
    @inlinable
    public func arrival(from: Int, to: Int, departingAt departure: Int64, locationCount: Int, speedFactor: Double) -> Int64 {
        guard let timeDependent else {
            let profileTime = time[from * locationCount + to]
            return departure + (speedFactor == 1 ? profileTime : Int64((Double(profileTime) / speedFactor).rounded()))
        }
        return timeDependent.arrival(from: from, to: to, departingAt: Int(departure)).map(Int64.init) ?? departure + Self.unreachableTime
    }
}
