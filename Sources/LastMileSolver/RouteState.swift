import LastMileModel

/// One vehicle's route with the data that makes an insertion check O(1).
///
/// Positions: 0 is the start depot, `1...jobs.count` the jobs, `jobs.count + 1` the end depot.
/// `earliest[i]` is the earliest service start at position `i` given the jobs before it; `latest[i]` the latest
/// service start at `i` that keeps every later job and the return within their windows.
struct RouteState {
    let vehicle: Int
    private(set) var jobs: [Int32] = []
    private(set) var location: [Int] = []
    private(set) var earliest: [Int64] = []
    private(set) var latest: [Int64] = []
    /// Total load per dimension.
    private(set) var load: [Int64]
    /// Travel cost of the route (without the fixed cost).
    private(set) var travelCost: Int64 = 0

    init(vehicle: Int, problem: VRPProblem) {
        self.vehicle = vehicle
        self.load = [Int64](repeating: 0, count: problem.dimensions)
        refresh(problem)
    }

    var isEmpty: Bool { jobs.isEmpty }

    /// Recomputes the cached arrays after `jobs` changed. O(route length).
    mutating func refresh(_ problem: VRPProblem) {
        let vehicle = problem.vehicles[self.vehicle]
        let count = jobs.count
        location = [vehicle.startLocation] + jobs.map { problem.jobs[Int($0)].location } + [vehicle.endLocation]
        earliest = [Int64](repeating: 0, count: count + 2)
        latest = [Int64](repeating: 0, count: count + 2)
        earliest[0] = vehicle.shift.earliest
        travelCost = 0
        for d in load.indices { load[d] = 0 }
        for i in 1...(count + 1) {
            let previousService = i == 1 ? 0 : problem.jobs[Int(jobs[i - 2])].service
            let arrival = earliest[i - 1] + previousService + problem.time(location[i - 1], location[i])
            travelCost += problem.cost(location[i - 1], location[i])
            if i <= count {
                let job = problem.jobs[Int(jobs[i - 1])]
                earliest[i] = max(arrival, job.window.earliest)
                for d in load.indices { load[d] += job.demand[d] }
            } else {
                earliest[i] = arrival
            }
        }
        latest[count + 1] = vehicle.shift.latest
        if count > 0 {
            for i in stride(from: count, through: 1, by: -1) {
                let job = problem.jobs[Int(jobs[i - 1])]
                latest[i] = min(job.window.latest, latest[i + 1] - job.service - problem.time(location[i], location[i + 1]))
            }
        }
        latest[0] = latest.count > 1 ? latest[1] - problem.time(location[0], location[1]) : vehicle.shift.latest
    }

    /// The travel-cost increase of inserting `job` between positions `i` and `i + 1`, or `nil` when that breaks
    /// its time window or a later one. Capacity is checked separately (``fits(_:problem:)``).
    @inline(__always)
    func insertionDelta(of job: Int, after i: Int, problem: VRPProblem) -> Int64? {
        let j = problem.jobs[job]
        let previousService = i == 0 ? 0 : problem.jobs[Int(jobs[i - 1])].service
        let start = max(earliest[i] + previousService + problem.time(location[i], j.location), j.window.earliest)
        guard start <= j.window.latest else { return nil }
        guard start + j.service + problem.time(j.location, location[i + 1]) <= latest[i + 1] else { return nil }
        return problem.cost(location[i], j.location) + problem.cost(j.location, location[i + 1])
            - problem.cost(location[i], location[i + 1])
    }

    /// Whether `job`'s demand fits in the remaining capacity.
    func fits(_ job: Int, problem: VRPProblem) -> Bool {
        let demand = problem.jobs[job].demand, capacity = problem.vehicles[vehicle].capacity
        for d in load.indices where load[d] + demand[d] > capacity[d] { return false }
        return true
    }

    mutating func insert(_ job: Int, after i: Int, problem: VRPProblem) {
        jobs.insert(Int32(job), at: i)
        refresh(problem)
    }

    /// Removes the jobs at the given 0-based job positions (ascending) and returns them.
    mutating func remove(positions: [Int], problem: VRPProblem) -> [Int] {
        let removed = positions.map { Int(jobs[$0]) }
        for position in positions.reversed() { jobs.remove(at: position) }
        refresh(problem)
        return removed
    }
}
