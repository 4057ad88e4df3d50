import LastMileCore
import LastMileModel

/// The problem in flat arrays for the hot loops: no structs with reference-counted members are copied while
/// evaluating moves. Built once per solve, immutable, and shared by reference: the recreation, the local
/// search and the chains hold one reference instead of retaining its fifty-odd arrays at every copy.
///
/// Matrices: every distinct time, distance and cost matrix the vehicles need (per profile, speed factor and
/// cost rates) lives in one ``MatrixStore``; vehicle `v` reads `matrices[vehicleTime[v] + from * locationCount
/// + to]` and likewise for distance and cost. Vehicles that share rates share matrices.
///
/// Time-dependent travel: `vehicleTravel[v]` indexes `travel` (one table per time-dependent profile), or is -1
/// for static travel; then every leg's time is read at its departure (``arrival(_:_:_:_:leaving:)``) and the
/// static time matrix only prices time (`costPerTime`) and orders neighbours.
final class SolverData: Sendable {
    let problem: VRPProblem
    let locationCount: Int
    let matrices: MatrixStore
    let vehicleTime: [Int]
    let vehicleDistance: [Int]
    let vehicleCost: [Int]
    /// The time-dependent tables of the profiles that have one.
    let travel: [TimeDependentTravel]
    /// `travel[vehicleTravel[v]]` is vehicle `v`'s table; -1 for static travel.
    let vehicleTravel: [Int]
    /// Whether some vehicle has time-dependent travel.
    let isTimeDependent: Bool
    let dimensions: Int
    let jobLocation: [Int]
    let jobService: [Int64]
    /// Windows of job `j` are `windowEarliest/windowLatest[windowFirst[j] ..< windowFirst[j + 1]]`, sorted.
    let windowFirst: [Int32]
    let windowEarliest: [Int64]
    let windowLatest: [Int64]
    /// Whether some job's window is narrower than the vehicles' shifts: where long routes are hard to reshape
    /// (``LocalSearchPolicy/automatic``, ``SolverConfiguration/ruinRouteShare``).
    let windowsBind: Bool
    /// `jobDemand[job * dimensions + d]`.
    let jobDemand: [Int64]
    /// Whether the job's demand is on board from the start depot until the job (an unpaired delivery).
    let loadedAtStart: [Bool]
    /// +1 when the job adds its demand to the load (pickups), -1 when it removes it (deliveries).
    let loadSign: [Int64]
    /// The other half of the job's shipment, or -1.
    let partner: [Int32]
    /// Whether any job is a pickup (else the load only falls along a route and a route's start load decides).
    let hasPickups: Bool
    let vehicleStart: [Int]
    let vehicleEnd: [Int]
    let vehicleEarliest: [Int64]
    let vehicleLatest: [Int64]
    let vehicleLoadingTime: [Int64]
    /// `vehicleCapacity[vehicle * dimensions + d]`.
    let vehicleCapacity: [Int64]
    let vehicleFixedCost: [Int64]
    /// Longest route per vehicle, time units; `Int64.max` when unlimited.
    let vehicleMaxDuration: [Int64]
    /// Longest route per vehicle, distance units; `Int64.max` when unlimited.
    let vehicleMaxDistance: [Int64]
    let vehicleHasBreaks: [Bool]
    /// Paid time per vehicle (``Vehicle/paidTime``); `nil` where a route costs its arcs only.
    let vehiclePaidTime: [PaidTime?]
    /// Whether the route summaries only estimate vehicle `v`'s paid time (``PaidTime``): it has breaks (the
    /// summaries leave them out, so a break that replaces waiting is paid), time-dependent travel, or jobs with
    /// several windows. The objective then prices its routes on their exact schedule
    /// (``RouteState/objectiveCost(_:)``).
    let paidTimeIsEstimated: [Bool]
    /// Every distinct ``Vehicle/jobCharges`` table in one array: vehicle `v` pays
    /// `jobCharges[vehicleCharges[v] + job]` to serve `job`; `vehicleCharges[v]` is -1 for a vehicle without.
    let jobCharges: [Int64]
    let vehicleCharges: [Int]
    /// The ``CostFloor`` of each vehicle (index into `floorMinimum`), -1 for none.
    let vehicleFloor: [Int]
    /// Each cost floor's minimum, cost units.
    let floorMinimum: [Int64]
    /// What leaving each job out costs: its own `unassignedCost` if optional, else a penalty above any route
    /// cost, scaled by priority so that important jobs win when not all fit.
    let unassignedPenalty: [Int64]
    /// Whether each job has its own `unassignedCost` (else it is mandatory).
    let isOptional: [Bool]
    /// Whether penalties differ between jobs (then recreation serves the costlier omissions first).
    let hasPriorities: Bool
    /// `compatible[job * vehicleCount + vehicle]`: the vehicle has the job's skills and starts at an allowed depot.
    let compatible: [Bool]

    init(_ problem: VRPProblem) {
        self.problem = problem
        let n = problem.locationCount
        locationCount = n
        var matrices = MatrixStore()
        var bases: [String: Int] = [:]
        /// The base of the matrix `key` names, building it with `make` the first time.
        func base(_ key: String, _ make: () -> [Int64]) -> Int {
            if let known = bases[key] { return known }
            let built = make()
            bases[key] = matrices.count
            matrices.append(contentsOf: built)
            return bases[key]!
        }
        var times: [Int] = [], distances: [Int] = [], costs: [Int] = []
        for vehicle in problem.vehicles {
            let profile = problem.profiles[vehicle.profile.position]
            let timeKey = "time \(vehicle.profile) \(vehicle.speedFactor)"
            let distanceKey = "distance \(vehicle.profile)"
            times.append(base(timeKey) { profile.time.map(vehicle.travelTime) })
            distances.append(base(distanceKey) { profile.distance })
            if profile.cost != nil {
                costs.append(base("cost \(vehicle.profile)") { profile.cost! })
            } else if vehicle.costPerDistance == 1, vehicle.costPerTime == 0 {
                costs.append(bases[distanceKey]!)
            } else {
                let timeBase = bases[timeKey]!
                costs.append(base("cost \(vehicle.profile) \(vehicle.speedFactor) \(vehicle.costPerDistance) \(vehicle.costPerTime)") {
                    (0..<(n * n)).map { vehicle.costPerDistance * profile.distance[$0] + vehicle.costPerTime * matrices[timeBase + $0] }
                })
            }
        }
        self.matrices = matrices
        var travel: [TimeDependentTravel] = []
        var travelOfProfile = [Int](repeating: -1, count: problem.profiles.count)
        for (p, profile) in problem.profiles.enumerated() {
            guard let table = profile.timeDependent else { continue }
            travelOfProfile[p] = travel.count
            travel.append(table)
        }
        self.travel = travel
        vehicleTravel = problem.vehicles.map { travelOfProfile[$0.profile.position] }
        isTimeDependent = !travel.isEmpty
        vehicleTime = times
        vehicleDistance = distances
        vehicleCost = costs
        dimensions = problem.dimensions
        jobLocation = problem.jobs.map(\.location.position)
        jobService = problem.jobs.map(\.service)
        var first: [Int32] = [0]
        for job in problem.jobs { first.append(first.last! + Int32(job.windows.count)) }
        windowFirst = first
        windowEarliest = problem.jobs.flatMap { $0.windows.map(\.earliest) }
        windowLatest = problem.jobs.flatMap { $0.windows.map(\.latest) }
        jobDemand = problem.jobs.flatMap(\.demand)
        let partners = problem.partners
        partner = partners.map { $0?.rawValue ?? -1 }
        loadedAtStart = problem.jobs.indices.map { partners[$0] == nil && problem.jobs[$0].kind == .delivery }
        loadSign = problem.jobs.map { $0.kind == .pickup ? 1 : -1 }
        hasPickups = problem.jobs.contains { $0.kind == .pickup }
        vehicleStart = problem.vehicles.map(\.startLocation.position)
        vehicleEnd = problem.vehicles.map(\.endLocation.position)
        vehicleEarliest = problem.vehicles.map(\.shift.earliest)
        vehicleLatest = problem.vehicles.map(\.shift.latest)
        let (opening, closing) = (vehicleEarliest.min() ?? 0, vehicleLatest.max() ?? 0)
        windowsBind = windowEarliest.contains { $0 > opening } || windowLatest.contains { $0 < closing }
        vehicleLoadingTime = problem.vehicles.map(\.loadingTime)
        vehicleCapacity = problem.vehicles.flatMap(\.capacity)
        vehicleFixedCost = problem.vehicles.map(\.fixedCost)
        vehicleMaxDuration = problem.vehicles.map { $0.maxDuration ?? Int64.max }
        vehicleMaxDistance = problem.vehicles.map { $0.maxDistance ?? Int64.max }
        vehicleHasBreaks = problem.vehicles.map { !$0.breaks.isEmpty }
        vehiclePaidTime = problem.vehicles.map(\.paidTime)
        let severalWindows = problem.jobs.contains { $0.windows.count > 1 }
        paidTimeIsEstimated = problem.vehicles.map { vehicle in
            vehicle.paidTime != nil && (!vehicle.breaks.isEmpty || problem.profiles[vehicle.profile.position].timeDependent != nil || severalWindows)
        }
        var charges: [Int64] = []
        var chargeBases: [[Int64]: Int] = [:]
        vehicleCharges = problem.vehicles.map { vehicle in
            guard let table = vehicle.jobCharges else { return -1 }
            if let known = chargeBases[table] { return known }
            chargeBases[table] = charges.count
            charges += table
            return chargeBases[table]!
        }
        jobCharges = charges
        var floorOf = [Int](repeating: -1, count: problem.vehicles.count)
        for (f, floor) in problem.costFloors.enumerated() { for v in floor.vehicles { floorOf[v.position] = f } }
        vehicleFloor = floorOf
        floorMinimum = problem.costFloors.map(\.minimum)
        compatible = problem.jobs.flatMap { job in problem.vehicles.map { $0.canServe(job) } }
        var largestArc: Int64 = 0
        for costBase in Set(costs) {
            for k in 0..<(n * n) { largestArc = max(largestArc, matrices[costBase + k]) }
        }
        // A whole shift of paid time bounds what one job's insertion can add to a route's paid time (shifts
        // capped at 2³² time units so that an unbounded one does not overflow).
        let paidShift = problem.vehicles.map { vehicle in
            vehicle.paidTime.map { $0.routeCost(travelCost: 0, duration: min(vehicle.shift.latest - vehicle.shift.earliest, 1 << 32)) } ?? 0
        }.max() ?? 0
        let base = 2 * ((problem.vehicles.map(\.fixedCost).max() ?? 0) + 2 * largestArc + paidShift + (charges.max() ?? 0) + (floorMinimum.max() ?? 0)) + 1
        unassignedPenalty = problem.jobs.map { $0.unassignedCost ?? base * Int64(1 + $0.priority) }
        isOptional = problem.jobs.map { $0.unassignedCost != nil }
        hasPriorities = Set(unassignedPenalty).count > 1
    }

    /// What a used route of vehicle `v` costs without its fixed cost: its travel cost, plus its paid time
    /// when the vehicle has one (`duration`: the route's shortest duration with both depots, time units).
    @inline(__always) func variableCost(_ v: Int, travel: Int64, duration: Int64) -> Int64 {
        guard let paid = vehiclePaidTime[v] else { return travel }
        return paid.routeCost(travelCost: travel, duration: duration)
    }

    /// The objective share of a non-empty route of vehicle `v` summarised with both depots by `whole` (its
    /// job charges included, as the vehicle's ``LegEvaluator`` sums them).
    @inline(__always) func routeCost(_ v: Int, _ whole: RouteSegment) -> Int64 {
        vehicleFixedCost[v] + variableCost(v, travel: whole.cost, duration: whole.duration) + whole.charge
    }

    /// What vehicle `v` is charged for serving `job` beyond its route (``Vehicle/jobCharges``), cost units.
    @inline(__always) func charge(_ v: Int, _ job: Int) -> Int64 {
        let base = vehicleCharges[v]
        return base < 0 ? 0 : jobCharges[base + job]
    }

    @inline(__always) func canServe(_ job: Int, by vehicle: Int) -> Bool { compatible[job * vehicleStart.count + vehicle] }

    var jobCount: Int { jobLocation.count }

    /// The earliest service start of `job` for an arrival at `arrival`, or `nil` after its last window.
    @inline(__always) func earliestStart(_ job: Int, arrivingAt arrival: Int64) -> Int64? {
        for w in Int(windowFirst[job])..<Int(windowFirst[job + 1]) where arrival <= windowLatest[w] {
            return max(arrival, windowEarliest[w])
        }
        return nil
    }

    /// The opening of `job`'s first window and the end of its last (every job has one).
    @inline(__always) func windowHull(_ job: Int) -> (earliest: Int64, latest: Int64) {
        (windowEarliest[Int(windowFirst[job])], windowLatest[Int(windowFirst[job + 1]) - 1])
    }

    /// The end of the window of `job` that contains the feasible start `start`.
    @inline(__always) func windowEnd(_ job: Int, containing start: Int64) -> Int64 {
        for w in Int(windowFirst[job])..<Int(windowFirst[job + 1]) where start <= windowLatest[w] { return windowLatest[w] }
        return start
    }

    /// The latest service start of `job` that is at most `bound`, or `nil` before its first window.
    @inline(__always) func latestStart(_ job: Int, notAfter bound: Int64) -> Int64? {
        for w in stride(from: Int(windowFirst[job + 1]) - 1, through: Int(windowFirst[job]), by: -1) where bound >= windowEarliest[w] {
            return min(bound, windowLatest[w])
        }
        return nil
    }

    /// The arrival at `to` when leaving `from` at `departure`, for a vehicle whose time matrix starts at
    /// `timeBase` and whose time-dependent table is `travel` (-1: static). O(1).
    @inline(__always) func arrival(_ timeBase: Int, _ travel: Int, _ from: Int, _ to: Int, leaving departure: Int64) -> Int64 {
        if travel < 0 { return departure + entry(timeBase, from, to) }
        return self.travel[travel].arrival(from: from, to: to, departingAt: Int(departure)).map(Int64.init)
            ?? departure + TravelProfile.unreachableTime
    }

    /// The latest departure from `from` that arrives at `to` by `deadline`, or `nil` when none does (as
    /// ``arrival(_:_:_:_:leaving:)``). O(1) static; O(slices + log(travel time)) time-dependent
    /// (``TimeDependentTravel/latestDeparture(from:to:arrivingBy:)``).
    @inline(__always) func latestDeparture(_ timeBase: Int, _ travel: Int, _ from: Int, _ to: Int, arrivingBy deadline: Int64) -> Int64? {
        if travel < 0 { return deadline - entry(timeBase, from, to) }
        return self.travel[travel].latestDeparture(from: from, to: to, arrivingBy: Int(deadline)).map(Int64.init)
    }

    /// Matrix entry `from → to` of the matrix starting at `base` (one of `vehicleTime/Distance/Cost[v]`).
    @inline(__always) func entry(_ base: Int, _ from: Int, _ to: Int) -> Int64 { matrices[base + from * locationCount + to] }
}
