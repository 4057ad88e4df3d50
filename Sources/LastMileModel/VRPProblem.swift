/// A vehicle routing problem as the solver sees it: locations joined by integer travel-time and cost matrices,
/// jobs to serve and the vehicles that may serve them. Knows nothing of maps: matrices come from
/// LastMileRouting for real roads, or from Euclidean distances for the classic benchmarks.
///
/// Units: every time (travel, service, windows, shifts) is in the problem's *time unit* and every cost in its
/// *cost unit*; the benchmark readers use thousandths of the instance's unit for VRPTW (the peer harness's
/// ×1000 convention) and whole units for CVRP. Loads are integers per dimension.
public struct VRPProblem: Sendable {
    public var name: String
    /// Number of locations; matrices are `locationCount × locationCount`, row = from.
    public let locationCount: Int
    /// `travelTime[from * locationCount + to]`, time units.
    public let travelTime: [Int64]
    /// `travelCost[from * locationCount + to]`, cost units (distance for the benchmarks).
    public let travelCost: [Int64]
    public var jobs: [Job]
    public var vehicles: [Vehicle]
    /// Load dimensions (weight, volume, …): every demand and capacity has this many entries.
    public let dimensions: Int
    /// Cost units per unit of instance output (e.g. 1000 when costs are thousandths), for printing.
    public var costScale: Int64

    public init(
        name: String, locationCount: Int, travelTime: [Int64], travelCost: [Int64], jobs: [Job], vehicles: [Vehicle],
        dimensions: Int, costScale: Int64 = 1
    ) {
        precondition(travelTime.count == locationCount * locationCount, "travel-time matrix is not \(locationCount)²")
        precondition(travelCost.count == locationCount * locationCount, "travel-cost matrix is not \(locationCount)²")
        self.name = name
        self.locationCount = locationCount
        self.travelTime = travelTime
        self.travelCost = travelCost
        self.jobs = jobs
        self.vehicles = vehicles
        self.dimensions = dimensions
        self.costScale = costScale
    }

    @inlinable public func time(_ from: Int, _ to: Int) -> Int64 { travelTime[from * locationCount + to] }
    @inlinable public func cost(_ from: Int, _ to: Int) -> Int64 { travelCost[from * locationCount + to] }
}

/// A time window `[earliest, latest]` for the start of service (or of a shift), time units.
public struct TimeWindow: Hashable, Sendable {
    public var earliest: Int64
    public var latest: Int64

    public init(earliest: Int64, latest: Int64) {
        self.earliest = earliest
        self.latest = latest
    }

    public static let always = TimeWindow(earliest: 0, latest: Int64.max / 4)
}

/// A delivery to serve: where, how much (per load dimension), how long, and when service may start.
public struct Job: Hashable, Sendable {
    /// The external id (customer number, order id), used only in input and output.
    public var id: String
    public var location: Int
    public var demand: [Int64]
    /// Service duration, time units.
    public var service: Int64
    /// When service may start: one or more windows, sorted and disjoint.
    public var windows: [TimeWindow]
    /// Skills a vehicle must all have to serve the job.
    public var skills: Set<Int>
    /// Importance 0...100 (VROOM's scale): when not every job can be served, higher priorities go first.
    public var priority: Int
    /// When set, the job is optional: leaving it out costs this much (cost units) instead of being avoided at
    /// any price.
    public var unassignedCost: Int64?
    /// When set, only vehicles starting at one of these locations may serve the job (the depots that stock it).
    public var allowedDepots: Set<Int>?

    public init(
        id: String, location: Int, demand: [Int64], service: Int64, windows: [TimeWindow], skills: Set<Int> = [],
        priority: Int = 0, unassignedCost: Int64? = nil
    ) {
        precondition(!windows.isEmpty, "a job needs at least one time window")
        self.id = id
        self.location = location
        self.demand = demand
        self.service = service
        self.windows = windows
        self.skills = skills
        self.priority = priority
        self.unassignedCost = unassignedCost
    }

    /// The index of the window the earliest start for `arrival` falls in, or `nil` after the last window.
    public func windowIndex(arrivingAt arrival: Int64) -> Int? {
        windows.firstIndex { arrival <= $0.latest }
    }

    /// The earliest service start for a vehicle arriving at `arrival`: the arrival itself inside a window, or
    /// the start of the next window (waiting); `nil` after the last window.
    public func earliestStart(arrivingAt arrival: Int64) -> Int64? {
        for window in windows where arrival <= window.latest { return max(arrival, window.earliest) }
        return nil
    }

    /// Merges windows given in any order into sorted, disjoint ones.
    public static func normalized(_ windows: [TimeWindow]) -> [TimeWindow] {
        var merged: [TimeWindow] = []
        for window in windows.sorted(by: { ($0.earliest, $0.latest) < ($1.earliest, $1.latest) }) {
            if let last = merged.last, window.earliest <= last.latest {
                merged[merged.count - 1].latest = max(last.latest, window.latest)
            } else {
                merged.append(window)
            }
        }
        return merged
    }
}

/// One vehicle: where it starts and ends, what it carries, when it works and what using it costs.
public struct Vehicle: Hashable, Sendable {
    public var id: String
    public var startLocation: Int
    public var endLocation: Int
    public var capacity: [Int64]
    /// Leave the start no earlier than `shift.earliest`, be back at the end by `shift.latest`.
    public var shift: TimeWindow
    /// Cost of using the vehicle at all, cost units (large for "fewest vehicles first").
    public var fixedCost: Int64
    /// Skills the vehicle (and its driver) has.
    public var skills: Set<Int>
    /// Longest route, time units from leaving the start to arriving at the end. The vehicle may leave later
    /// than its shift start to avoid waiting, as long as no job is pushed out of the window it is served in.
    public var maxDuration: Int64?

    public init(
        id: String, startLocation: Int, endLocation: Int, capacity: [Int64], shift: TimeWindow, fixedCost: Int64,
        skills: Set<Int> = [], maxDuration: Int64? = nil
    ) {
        self.maxDuration = maxDuration
        self.id = id
        self.startLocation = startLocation
        self.endLocation = endLocation
        self.capacity = capacity
        self.shift = shift
        self.fixedCost = fixedCost
        self.skills = skills
    }

    /// Whether the vehicle has every skill `job` needs and starts at a depot allowed for it.
    public func canServe(_ job: Job) -> Bool {
        job.skills.isSubset(of: skills) && (job.allowedDepots?.contains(startLocation) ?? true)
    }
}

/// An assignment of jobs to vehicles: `routes[v]` lists job indices in visiting order (empty = unused).
public struct VRPSolution: Hashable, Sendable {
    public var routes: [[Int]]
    /// Jobs no route serves.
    public var unassigned: [Int]

    public init(routes: [[Int]], unassigned: [Int]) {
        self.routes = routes
        self.unassigned = unassigned
    }

    public var usedVehicles: Int { routes.filter { !$0.isEmpty }.count }
}
