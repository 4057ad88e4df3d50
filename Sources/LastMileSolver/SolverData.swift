import LastMileModel

/// The problem in flat arrays for the hot loops: no structs with reference-counted members are copied while
/// evaluating moves. Built once per solve.
struct SolverData {
    let locationCount: Int
    /// Row-major matrices, as in ``VRPProblem``.
    let time: [Int64]
    let cost: [Int64]
    let dimensions: Int
    let jobLocation: [Int]
    let jobService: [Int64]
    /// Windows of job `j` are `windowEarliest/windowLatest[windowFirst[j] ..< windowFirst[j + 1]]`, sorted.
    let windowFirst: [Int32]
    let windowEarliest: [Int64]
    let windowLatest: [Int64]
    /// `jobDemand[job * dimensions + d]`.
    let jobDemand: [Int64]
    let vehicleStart: [Int]
    let vehicleEnd: [Int]
    let vehicleEarliest: [Int64]
    let vehicleLatest: [Int64]
    /// `vehicleCapacity[vehicle * dimensions + d]`.
    let vehicleCapacity: [Int64]
    let vehicleFixedCost: [Int64]
    /// Longest route per vehicle, time units; `Int64.max` when unlimited.
    let vehicleMaxDuration: [Int64]
    /// What leaving each job out costs: its own `unassignedCost` if optional, else a penalty above any route
    /// cost, scaled by priority so that important jobs win when not all fit.
    let unassignedPenalty: [Int64]
    /// Whether penalties differ between jobs (then recreation serves the costlier omissions first).
    let hasPriorities: Bool
    /// `compatible[job * vehicleCount + vehicle]`: the vehicle has the job's skills.
    let compatible: [Bool]

    init(_ problem: VRPProblem) {
        locationCount = problem.locationCount
        time = problem.travelTime
        cost = problem.travelCost
        dimensions = problem.dimensions
        jobLocation = problem.jobs.map(\.location)
        jobService = problem.jobs.map(\.service)
        var first: [Int32] = [0]
        for job in problem.jobs { first.append(first.last! + Int32(job.windows.count)) }
        windowFirst = first
        windowEarliest = problem.jobs.flatMap { $0.windows.map(\.earliest) }
        windowLatest = problem.jobs.flatMap { $0.windows.map(\.latest) }
        jobDemand = problem.jobs.flatMap(\.demand)
        vehicleStart = problem.vehicles.map(\.startLocation)
        vehicleEnd = problem.vehicles.map(\.endLocation)
        vehicleEarliest = problem.vehicles.map(\.shift.earliest)
        vehicleLatest = problem.vehicles.map(\.shift.latest)
        vehicleCapacity = problem.vehicles.flatMap(\.capacity)
        vehicleFixedCost = problem.vehicles.map(\.fixedCost)
        vehicleMaxDuration = problem.vehicles.map { $0.maxDuration ?? Int64.max }
        compatible = problem.jobs.flatMap { job in problem.vehicles.map { $0.canServe(job) } }
        let base = 2 * ((problem.vehicles.map(\.fixedCost).max() ?? 0) + 2 * (problem.travelCost.max() ?? 0)) + 1
        unassignedPenalty = problem.jobs.map { $0.unassignedCost ?? base * Int64(1 + $0.priority) }
        hasPriorities = Set(unassignedPenalty).count > 1
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

    @inline(__always) func time(_ from: Int, _ to: Int) -> Int64 { time[from * locationCount + to] }
    @inline(__always) func cost(_ from: Int, _ to: Int) -> Int64 { cost[from * locationCount + to] }
}
