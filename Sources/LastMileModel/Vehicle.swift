import LastMileCore

/// One vehicle: where it starts and ends, what it carries, how it travels, when it works and what it costs.
public struct Vehicle: Hashable, Sendable {
    public var id: String
    public var startLocation: LocationIndex
    public var endLocation: LocationIndex
    public var capacity: [Int64]
    /// Start loading at the start no earlier than `shift.earliest`, be back at the end by `shift.latest`.
    public var shift: TimeWindow
    /// Cost of using the vehicle at all, cost units (large for "fewest vehicles first").
    public var fixedCost: Int64
    /// Cost units per distance unit driven (per metre on real roads; 1 for the distance benchmarks).
    public var costPerDistance: Int64
    /// Cost units per time unit driven (the driver's wage while moving).
    public var costPerTime: Int64
    /// Skills the vehicle (and its driver) has.
    public var skills: Set<Int>
    /// Longest route, time units from leaving the start to arriving at the end. The vehicle may leave later
    /// than its shift start to avoid waiting, as long as no job is pushed out of the window it is served in.
    public var maxDuration: Int64?
    /// Longest route, distance units.
    public var maxDistance: Int64?
    /// Index into ``VRPProblem/profiles``.
    public var profile: ProfileIndex
    /// Travel times of the profile are divided by this (VROOM's `speed_factor`): 0.5 = twice as slow.
    public var speedFactor: Double
    /// Time spent loading at the start before leaving (counts in the route's duration).
    public var loadingTime: Int64
    public var breaks: [DriverBreak]
    /// Paid time, overtime and a minimum charge per route (a per-hour rate card); `nil` prices arcs only.
    public var paidTime: PaidTime?
    /// What serving each job costs on this vehicle on top of its route's arcs, paid time and minimum (a rate
    /// card's per-stop, per-parcel, per-kg and distance-band prices), cost units, one entry per job of the
    /// problem by ``JobIndex`` position, none negative; `nil`: serving costs nothing beyond the route.
    public var jobCharges: [Int64]?

    public init(
        id: String, startLocation: LocationIndex, endLocation: LocationIndex, capacity: [Int64], shift: TimeWindow, fixedCost: Int64,
        costPerDistance: Int64 = 1, costPerTime: Int64 = 0, skills: Set<Int> = [], maxDuration: Int64? = nil,
        maxDistance: Int64? = nil, profile: ProfileIndex = 0, speedFactor: Double = 1, loadingTime: Int64 = 0,
        breaks: [DriverBreak] = [], paidTime: PaidTime? = nil, jobCharges: [Int64]? = nil
    ) {
        precondition(speedFactor > 0, "speed factor must be positive")
        self.id = id
        self.startLocation = startLocation
        self.endLocation = endLocation
        self.capacity = capacity
        self.shift = shift
        self.fixedCost = fixedCost
        self.costPerDistance = costPerDistance
        self.costPerTime = costPerTime
        self.skills = skills
        self.maxDuration = maxDuration
        self.maxDistance = maxDistance
        self.profile = profile
        self.speedFactor = speedFactor
        self.loadingTime = loadingTime
        self.paidTime = paidTime
        self.jobCharges = jobCharges
        self.breaks = breaks.sorted { ($0.windows[0].earliest, $0.id) < ($1.windows[0].earliest, $1.id) }
    }

    /// Whether the vehicle has every skill `job` needs and starts at a depot allowed for it.
    public func canServe(_ job: Job) -> Bool {
        job.skills.isSubset(of: skills) && (job.allowedDepots?.contains(startLocation) ?? true)
    }

    /// What serving `job` costs on this vehicle beyond its route (``jobCharges``), cost units.
    @inlinable public func charge(for job: JobIndex) -> Int64 { jobCharges?[job.position] ?? 0 }

    /// A profile travel time as this vehicle drives it (speed factor applied, rounded to the nearest unit).
    @inlinable public func travelTime(_ profileTime: Int64) -> Int64 {
        speedFactor == 1 ? profileTime : Int64((Double(profileTime) / speedFactor).rounded())
    }
}
