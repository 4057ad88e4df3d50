import LastMileCore
import LastMileModel

/// One vehicle's route with the data that makes an insertion check O(1).
///
/// Positions: 0 is the start depot, `1...jobs.count` the jobs, `jobs.count + 1` the end depot.
/// `earliest[i]` is the earliest service start at position `i` given the jobs before it (at 0: the start of
/// loading); `latest[i]` the latest service start at `i` that keeps every later job and the return within
/// their windows; `service[i]` the time spent at `i` (the loading time at the start, 0 at the end).
/// `loadAfter[i * dimensions + d]` is the load on board when leaving position `i` (`0...jobs.count`), with its
/// running maximum from the start (`loadPrefixMax`) and to the end (`loadSuffixMax`). Without pickups in the
/// problem the load only falls, and only position 0 is kept.
/// Breaks are not in these arrays: for vehicles with breaks they make an optimistic filter, and a candidate
/// is confirmed with ``RouteSchedule``.
///
/// Time-dependent travel keeps the same arrays and the same O(1) insertion check: `earliest` comes from
/// forward arrivals (each leg at its departure), `latest[i]` from the backward latest departures that reach
/// `latest[i + 1]` (``SolverData/latestDeparture(_:_:_:_:arrivingBy:)``). FIFO makes both exact: arriving
/// earlier never makes a later stop later. Inserting a job between `i` and `i + 1` then costs two O(1)
/// table lookups (arrival at the job, arrival at `i + 1` compared with `latest[i + 1]`); a refresh costs
/// O(length × (slices + log(travel time))) instead of O(length).
struct RouteState {
    let vehicle: Int
    private let timeBase: Int
    /// The vehicle's time-dependent table in ``SolverData/travel``, -1 for static travel.
    private let travel: Int
    private let costBase: Int
    private let distanceBase: Int
    private(set) var jobs: [Int32] = []
    private(set) var location: [Int] = []
    private(set) var service: [Int64] = []
    private(set) var earliest: [Int64] = []
    private(set) var latest: [Int64] = []
    private(set) var loadAfter: [Int64] = []
    private(set) var loadPrefixMax: [Int64] = []
    private(set) var loadSuffixMax: [Int64] = []
    /// Travel cost of the route (without the fixed cost).
    private(set) var travelCost: Int64 = 0
    /// What the vehicle is charged for the route's jobs (``SolverData/charge(_:_:)``).
    private(set) var jobCharges: Int64 = 0
    /// The route's objective share without the fixed cost: its travel cost, plus its paid time for vehicles
    /// with ``SolverData/vehiclePaidTime``, plus its job charges (0 when empty).
    private(set) var variableCost: Int64 = 0
    /// For vehicles with paid time only (else empty): `timePrefix[i]` summarises the start depot and jobs
    /// 1…i, `timeSuffix[i]` jobs i…count and the end depot (Vidal's segments, ``RouteSegment``), so that an
    /// insertion's paid duration is two concatenations.
    private var timePrefix: [RouteSegment] = []
    private var timeSuffix: [RouteSegment] = []
    private let legs: LegEvaluator
    /// Distance driven, distance units; kept only for vehicles with a distance limit (else 0).
    private(set) var distance: Int64 = 0

    init(vehicle: Int, data: SolverData) {
        self.vehicle = vehicle
        timeBase = data.vehicleTime[vehicle]
        travel = data.vehicleTravel[vehicle]
        costBase = data.vehicleCost[vehicle]
        distanceBase = data.vehicleDistance[vehicle]
        legs = LegEvaluator(vehicle: vehicle, data: data)
        refresh(data)
    }

    var isEmpty: Bool { jobs.isEmpty }

    /// The arrival at `to` when leaving `from` at `departure`.
    @inline(__always) func arrival(_ from: Int, _ to: Int, leaving departure: Int64, _ data: SolverData) -> Int64 {
        data.arrival(timeBase, travel, from, to, leaving: departure)
    }
    /// The latest departure from `from` that reaches `to` by `deadline` (far in the past when none does).
    @inline(__always) func latestDeparture(_ from: Int, _ to: Int, arrivingBy deadline: Int64, _ data: SolverData) -> Int64 {
        data.latestDeparture(timeBase, travel, from, to, arrivingBy: deadline) ?? Int64.min / 4
    }
    @inline(__always) func cost(_ from: Int, _ to: Int, _ data: SolverData) -> Int64 { data.entry(costBase, from, to) }
    @inline(__always) func distance(_ from: Int, _ to: Int, _ data: SolverData) -> Int64 { data.entry(distanceBase, from, to) }

    /// Recomputes the cached arrays after `jobs` changed. O(route length × dimensions).
    mutating func refresh(_ data: SolverData) {
        let count = jobs.count
        location.removeAll(keepingCapacity: true)
        service.removeAll(keepingCapacity: true)
        location.append(data.vehicleStart[vehicle])
        service.append(data.vehicleLoadingTime[vehicle])
        for job in jobs {
            location.append(data.jobLocation[Int(job)])
            service.append(data.jobService[Int(job)])
        }
        location.append(data.vehicleEnd[vehicle])
        service.append(0)
        if earliest.count != count + 2 {  // every entry is written below
            earliest.assignInPlace(repeating: 0, count: count + 2)
            latest.assignInPlace(repeating: 0, count: count + 2)
        }
        earliest[0] = data.vehicleEarliest[vehicle]
        travelCost = 0
        distance = 0
        jobCharges = jobs.reduce(0) { $0 + data.charge(vehicle, Int($1)) }
        let tracksDistance = data.vehicleMaxDistance[vehicle] != Int64.max
        for i in 1...(count + 1) {
            let reached = arrival(location[i - 1], location[i], leaving: earliest[i - 1] + service[i - 1], data)
            travelCost += cost(location[i - 1], location[i], data)
            if tracksDistance { distance += distance(location[i - 1], location[i], data) }
            earliest[i] = i <= count ? data.earliestStart(Int(jobs[i - 1]), arrivingAt: reached) ?? reached : reached
        }
        latest[count + 1] = data.vehicleLatest[vehicle]
        if count > 0 {
            for i in stride(from: count, through: 1, by: -1) {
                let job = Int(jobs[i - 1])
                let leaving = latestDeparture(location[i], location[i + 1], arrivingBy: latest[i + 1], data)
                latest[i] = data.latestStart(job, notAfter: leaving - service[i]) ?? Int64.min / 4
            }
        }
        latest[0] = latestDeparture(location[0], location[1], arrivingBy: latest[1], data) - service[0]
        refreshLoads(data)
        variableCost = count == 0 ? 0 : travelCost + jobCharges
        if data.vehiclePaidTime[vehicle] != nil { refreshPaidTime(data) }
    }

    /// The route's objective share with its fixed cost (0 when empty): ``variableCost`` where the summaries
    /// price paid time exactly, else paid time from the exact schedule (``SolverData/paidTimeIsEstimated``:
    /// breaks, time-dependent legs, several windows), which the checker recomputes; O(route length × breaks ×
    /// log(duration)) then. The move deltas stay on the summaries: their estimate guides the search, this
    /// decides the annealing's acceptance and the answer. (A route the exact schedule refuses, which the
    /// search never accepts, keeps the estimate.)
    ///
    /// Inlined, so that the objective reads a route's fields in place rather than copying the route (ten
    /// arrays retained and released) to call it.
    @inline(__always)
    func objectiveCost(_ data: SolverData) -> Int64 {
        guard !jobs.isEmpty else { return 0 }
        guard data.paidTimeIsEstimated[vehicle] else { return data.vehicleFixedCost[vehicle] + variableCost }
        return objectiveCostOfExactSchedule(data)
    }

    /// ``objectiveCost(_:)`` with paid time from the exact schedule.
    @inline(never)
    private func objectiveCostOfExactSchedule(_ data: SolverData) -> Int64 {
        let fixed = data.vehicleFixedCost[vehicle]
        let problem = data.problem
        let driver = problem.vehicles[vehicle]
        guard let schedule = RouteSchedule(route: jobs.map { JobIndex($0) }, vehicle: driver, problem: problem, leavingAsLateAsHelps: true)
        else { return fixed + variableCost }
        let paid = schedule.duration - driver.breaks.reduce(0) { $0 + $1.duration }
        return fixed + data.variableCost(vehicle, travel: travelCost, duration: paid) + jobCharges
    }

    /// The paid-time segments and the variable cost with paid time. O(route length).
    private mutating func refreshPaidTime(_ data: SolverData) {
        let count = jobs.count
        timePrefix.removeAll(keepingCapacity: true)
        timePrefix.append(legs.startDepot(data))
        for job in jobs { timePrefix.append(legs.concatenate(timePrefix[timePrefix.count - 1], legs.job(Int(job), data), data: data)) }
        timeSuffix.assignInPlace(repeating: legs.endDepot(data), count: count + 2)
        for i in stride(from: count, through: 1, by: -1) {
            timeSuffix[i] = legs.concatenate(legs.job(Int(jobs[i - 1]), data), timeSuffix[i + 1], data: data)
        }
        guard count > 0 else { return }
        let whole = legs.concatenate(timePrefix[count], timeSuffix[count + 1], data: data)
        variableCost = data.variableCost(vehicle, travel: travelCost, duration: whole.duration) + jobCharges
    }

    private mutating func refreshLoads(_ data: SolverData) {
        let dimensions = data.dimensions
        // Without pickups only the start load is ever read (it is the maximum): keep just that.
        let size = (data.hasPickups ? jobs.count + 1 : 1) * dimensions
        if loadAfter.count != size { loadAfter.assignInPlace(repeating: 0, count: size) }
        for d in 0..<dimensions { loadAfter[d] = 0 }
        for job in jobs where data.loadedAtStart[Int(job)] {
            for d in 0..<dimensions { loadAfter[d] += data.jobDemand[Int(job) * dimensions + d] }
        }
        for (k, job) in jobs.enumerated() where data.hasPickups {
            let sign = data.loadSign[Int(job)]
            for d in 0..<dimensions {
                loadAfter[(k + 1) * dimensions + d] = loadAfter[k * dimensions + d] + sign * data.jobDemand[Int(job) * dimensions + d]
            }
        }
        loadPrefixMax.assignInPlace(loadAfter)
        for i in stride(from: dimensions, to: size, by: 1) { loadPrefixMax[i] = max(loadPrefixMax[i], loadPrefixMax[i - dimensions]) }
        // Only pickups read the maximum to the end.
        guard data.hasPickups else { return }
        loadSuffixMax.assignInPlace(loadAfter)
        for i in stride(from: size - dimensions - 1, through: 0, by: -1) {
            loadSuffixMax[i] = max(loadSuffixMax[i], loadSuffixMax[i + dimensions])
        }
    }

    /// The increase of ``variableCost`` when `job` is inserted between positions `i` and `i + 1`, or `nil` when
    /// that breaks its time window or a later one. Capacity is checked separately (``fits(_:after:data:)``).
    /// Travel cost and the job's charge are exact in O(1); paid time (vehicles with ``SolverData/vehiclePaidTime``) is O(1) by two
    /// concatenations of Vidal's segments, exact for static travel and jobs with one window (the duration
    /// of a route of jobs with several windows is that of their hulls, and time-dependent legs are timed at
    /// the earliest departure: an estimate the annealing's objective then replaces).
    @inline(__always)
    func insertionDelta(of job: Int, after i: Int, data: SolverData) -> Int64? {
        let here = data.jobLocation[job]
        guard let start = data.earliestStart(job, arrivingAt: arrival(location[i], here, leaving: earliest[i] + service[i], data)) else {
            return nil
        }
        guard arrival(here, location[i + 1], leaving: start + data.jobService[job], data) <= latest[i + 1] else { return nil }
        let travelDelta = cost(location[i], here, data) + cost(here, location[i + 1], data) - cost(location[i], location[i + 1], data)
        let charge = data.charge(vehicle, job)
        guard data.vehiclePaidTime[vehicle] != nil else { return travelDelta + charge }
        let whole = legs.concatenate(legs.concatenate(timePrefix[i], legs.job(job, data), data: data), timeSuffix[i + 1], data: data)
        return data.variableCost(vehicle, travel: travelCost + travelDelta, duration: whole.duration) + jobCharges + charge - variableCost
    }

    /// Whether the load stays within capacity when the unpaired `job` is inserted between positions `i` and
    /// `i + 1`: a delivery is on board from the start to it, a pickup from it to the end.
    @inline(__always)
    func fits(_ job: Int, after i: Int, data: SolverData) -> Bool {
        let dimensions = data.dimensions
        let atStart = data.loadedAtStart[job]
        for d in 0..<dimensions {
            let peak = atStart ? loadPrefixMax[i * dimensions + d] : loadSuffixMax[i * dimensions + d]
            if peak + data.jobDemand[job * dimensions + d] > data.vehicleCapacity[vehicle * dimensions + d] { return false }
        }
        return true
    }

    /// The distance increase of inserting `job` between positions `i` and `i + 1`.
    @inline(__always)
    func distanceDelta(of job: Int, after i: Int, data: SolverData) -> Int64 {
        let here = data.jobLocation[job]
        return distance(location[i], here, data) + distance(here, location[i + 1], data) - distance(location[i], location[i + 1], data)
    }

    /// Whether `candidate` (this route's jobs after a change) keeps the vehicle's distance, duration and break
    /// constraints. Only needed for vehicles that have any; O(route length × breaks).
    func keepsLimits(_ candidate: [Int32], distanceDelta: Int64, data: SolverData) -> Bool {
        if distance + distanceDelta > data.vehicleMaxDistance[vehicle] { return false }
        let limit = data.vehicleMaxDuration[vehicle]
        if data.vehicleHasBreaks[vehicle] {
            let problem = data.problem
            guard let schedule = RouteSchedule(route: candidate.map { JobIndex($0) }, vehicle: problem.vehicles[vehicle], problem: problem) else {
                return false
            }
            return schedule.duration <= limit
        }
        return limit == Int64.max || shortestDuration(of: candidate, data: data) <= limit
    }

    /// ``keepsLimits(_:distanceDelta:data:)`` with the distance of `candidate` recomputed: O(length) for
    /// vehicles with limits, true at once for the others.
    func keepsLimits(_ candidate: [Int32], data: SolverData) -> Bool {
        !hasLimits(data) || keepsLimits(candidate, distanceDelta: distance(of: candidate, data) - distance, data: data)
    }

    /// The distance driven along `sequence` from the start depot to the end depot. O(length).
    func distance(of sequence: [Int32], _ data: SolverData) -> Int64 {
        var total: Int64 = 0
        var previous = location[0]
        for job in sequence {
            let here = data.jobLocation[Int(job)]
            total += distance(previous, here, data)
            previous = here
        }
        return total + distance(previous, location[location.count - 1], data)
    }

    /// Whether the vehicle has limits that ``keepsLimits(_:distanceDelta:data:)`` must confirm.
    func hasLimits(_ data: SolverData) -> Bool {
        data.vehicleMaxDuration[vehicle] != Int64.max || data.vehicleMaxDistance[vehicle] != Int64.max
            || data.vehicleHasBreaks[vehicle]
    }

    /// The duration (loading included) of serving `sequence` when the vehicle starts as late as helps
    /// (Savelsbergh's forward slack: delay the start by min(total waiting, slack), where the slack keeps every
    /// job in the window it is served in and the return within the shift). O(length). Assumes the sequence
    /// is time-feasible. With time-dependent travel a later start changes the legs, so the start stays at the
    /// shift start (an upper bound of the shortest duration: a duration limit is kept, never broken).
    func shortestDuration(of sequence: [Int32], data: SolverData) -> Int64 {
        let start = data.vehicleEarliest[vehicle]
        var clock = start + data.vehicleLoadingTime[vehicle]
        var previous = location[0]
        var waiting: Int64 = 0
        var slack = Int64.max
        for job in sequence.lazy.map(Int.init) {
            let here = data.jobLocation[job]
            let reached = arrival(previous, here, leaving: clock, data)
            let begin = data.earliestStart(job, arrivingAt: reached) ?? reached
            waiting += begin - reached
            slack = min(slack, waiting + data.windowEnd(job, containing: begin) - begin)
            clock = begin + data.jobService[job]
            previous = here
        }
        let end = arrival(previous, location[location.count - 1], leaving: clock, data)
        if travel >= 0 { return end - start }
        slack = min(slack, waiting + data.vehicleLatest[vehicle] - end)
        return end - start - min(waiting, max(0, slack))
    }

    /// The jobs with `job` inserted after position `i` (0 = first).
    func inserting(_ job: Int, after i: Int) -> [Int32] {
        var candidate = jobs
        candidate.insert(Int32(job), at: i)
        return candidate
    }

    /// Makes this route equal to `other` (the same vehicle's route in another state), writing into its own
    /// buffers: no allocation once they are large enough.
    mutating func assignInPlace(_ other: RouteState) {
        assert(vehicle == other.vehicle, "a route is only assigned the same vehicle's route")
        jobs.assignInPlace(other.jobs)
        location.assignInPlace(other.location)
        service.assignInPlace(other.service)
        earliest.assignInPlace(other.earliest)
        latest.assignInPlace(other.latest)
        loadAfter.assignInPlace(other.loadAfter)
        loadPrefixMax.assignInPlace(other.loadPrefixMax)
        loadSuffixMax.assignInPlace(other.loadSuffixMax)
        timePrefix.assignInPlace(other.timePrefix)
        timeSuffix.assignInPlace(other.timeSuffix)
        travelCost = other.travelCost
        jobCharges = other.jobCharges
        variableCost = other.variableCost
        distance = other.distance
    }

    mutating func insert(_ job: Int, after i: Int, data: SolverData) {
        jobs.insert(Int32(job), at: i)
        refresh(data)
    }

    /// Replaces the jobs wholesale (a shipment inserted in two places).
    mutating func replaceJobs(_ newJobs: [Int32], data: SolverData) {
        jobs = newJobs
        refresh(data)
    }

    /// Removes the jobs at the given 0-based job positions (ascending) and returns them.
    mutating func remove(positions: [Int], data: SolverData) -> [Int] {
        let removed = positions.map { Int(jobs[$0]) }
        for position in positions.reversed() { jobs.remove(at: position) }
        refresh(data)
        return removed
    }
}
