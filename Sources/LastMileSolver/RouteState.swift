/// One vehicle's route with the data that makes an insertion check O(1).
///
/// Positions: 0 is the start depot, `1...jobs.count` the jobs, `jobs.count + 1` the end depot.
/// `earliest[i]` is the earliest service start at position `i` given the jobs before it; `latest[i]` the latest
/// service start at `i` that keeps every later job and the return within their windows; `service[i]` the
/// service duration at `i` (0 at the depots).
struct RouteState {
    let vehicle: Int
    private(set) var jobs: [Int32] = []
    private(set) var location: [Int] = []
    private(set) var service: [Int64] = []
    private(set) var earliest: [Int64] = []
    private(set) var latest: [Int64] = []
    /// Total load per dimension.
    private(set) var load: [Int64]
    /// Travel cost of the route (without the fixed cost).
    private(set) var travelCost: Int64 = 0

    init(vehicle: Int, data: SolverData) {
        self.vehicle = vehicle
        self.load = [Int64](repeating: 0, count: data.dimensions)
        refresh(data)
    }

    var isEmpty: Bool { jobs.isEmpty }

    /// Recomputes the cached arrays after `jobs` changed. O(route length).
    mutating func refresh(_ data: SolverData) {
        let count = jobs.count
        location.removeAll(keepingCapacity: true)
        service.removeAll(keepingCapacity: true)
        location.append(data.vehicleStart[vehicle])
        service.append(0)
        for job in jobs {
            location.append(data.jobLocation[Int(job)])
            service.append(data.jobService[Int(job)])
        }
        location.append(data.vehicleEnd[vehicle])
        service.append(0)
        earliest = [Int64](repeating: 0, count: count + 2)
        latest = [Int64](repeating: 0, count: count + 2)
        earliest[0] = data.vehicleEarliest[vehicle]
        travelCost = 0
        for d in load.indices { load[d] = 0 }
        for i in 1...(count + 1) {
            let arrival = earliest[i - 1] + service[i - 1] + data.time(location[i - 1], location[i])
            travelCost += data.cost(location[i - 1], location[i])
            if i <= count {
                let job = Int(jobs[i - 1])
                earliest[i] = data.earliestStart(job, arrivingAt: arrival) ?? arrival
                for d in load.indices { load[d] += data.jobDemand[job * data.dimensions + d] }
            } else {
                earliest[i] = arrival
            }
        }
        latest[count + 1] = data.vehicleLatest[vehicle]
        if count > 0 {
            for i in stride(from: count, through: 1, by: -1) {
                let job = Int(jobs[i - 1])
                latest[i] = data.latestStart(job, notAfter: latest[i + 1] - service[i] - data.time(location[i], location[i + 1]))
                    ?? Int64.min / 4
            }
        }
        latest[0] = latest[1] - data.time(location[0], location[1])
    }

    /// The travel-cost increase of inserting `job` between positions `i` and `i + 1`, or `nil` when that breaks
    /// its time window or a later one. Capacity is checked separately (``fits(_:data:)``).
    @inline(__always)
    func insertionDelta(of job: Int, after i: Int, data: SolverData) -> Int64? {
        let here = data.jobLocation[job]
        guard let start = data.earliestStart(job, arrivingAt: earliest[i] + service[i] + data.time(location[i], here)) else {
            return nil
        }
        guard start + data.jobService[job] + data.time(here, location[i + 1]) <= latest[i + 1] else { return nil }
        return data.cost(location[i], here) + data.cost(here, location[i + 1]) - data.cost(location[i], location[i + 1])
    }

    /// The route's duration after inserting `job` between positions `i` and `i + 1`, leaving as late as helps
    /// (Savelsbergh's forward slack: delay the departure by min(total waiting, slack), where the slack keeps
    /// every job in the window it is served in and the return within the shift). O(route length); used only
    /// for vehicles with a duration limit. Assumes the insertion is time-feasible.
    func durationAfterInserting(_ job: Int, after i: Int, data: SolverData) -> Int64 {
        let start = data.vehicleEarliest[vehicle]
        var time = start
        var previous = location[0]
        var waiting: Int64 = 0
        var slack = Int64.max
        func visit(_ job: Int) {
            let here = data.jobLocation[job]
            let arrival = time + data.time(previous, here)
            let begin = data.earliestStart(job, arrivingAt: arrival) ?? arrival
            waiting += begin - arrival
            slack = min(slack, waiting + data.windowEnd(job, containing: begin) - begin)
            time = begin + data.jobService[job]
            previous = here
        }
        for position in 0..<i { visit(Int(jobs[position])) }
        visit(job)
        for position in i..<jobs.count { visit(Int(jobs[position])) }
        let end = time + data.time(previous, location[location.count - 1])
        slack = min(slack, waiting + data.vehicleLatest[vehicle] - end)
        return end - start - min(waiting, max(0, slack))
    }

    /// Whether `job`'s demand fits in the remaining capacity.
    func fits(_ job: Int, data: SolverData) -> Bool {
        for d in load.indices
        where load[d] + data.jobDemand[job * data.dimensions + d] > data.vehicleCapacity[vehicle * data.dimensions + d] {
            return false
        }
        return true
    }

    mutating func insert(_ job: Int, after i: Int, data: SolverData) {
        jobs.insert(Int32(job), at: i)
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
