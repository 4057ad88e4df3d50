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
    let jobEarliest: [Int64]
    let jobLatest: [Int64]
    /// `jobDemand[job * dimensions + d]`.
    let jobDemand: [Int64]
    let vehicleStart: [Int]
    let vehicleEnd: [Int]
    let vehicleEarliest: [Int64]
    let vehicleLatest: [Int64]
    /// `vehicleCapacity[vehicle * dimensions + d]`.
    let vehicleCapacity: [Int64]
    let vehicleFixedCost: [Int64]
    /// `compatible[job * vehicleCount + vehicle]`: the vehicle has the job's skills.
    let compatible: [Bool]

    init(_ problem: VRPProblem) {
        locationCount = problem.locationCount
        time = problem.travelTime
        cost = problem.travelCost
        dimensions = problem.dimensions
        jobLocation = problem.jobs.map(\.location)
        jobService = problem.jobs.map(\.service)
        jobEarliest = problem.jobs.map(\.window.earliest)
        jobLatest = problem.jobs.map(\.window.latest)
        jobDemand = problem.jobs.flatMap(\.demand)
        vehicleStart = problem.vehicles.map(\.startLocation)
        vehicleEnd = problem.vehicles.map(\.endLocation)
        vehicleEarliest = problem.vehicles.map(\.shift.earliest)
        vehicleLatest = problem.vehicles.map(\.shift.latest)
        vehicleCapacity = problem.vehicles.flatMap(\.capacity)
        vehicleFixedCost = problem.vehicles.map(\.fixedCost)
        compatible = problem.jobs.flatMap { job in problem.vehicles.map { $0.canServe(job) } }
    }

    @inline(__always) func canServe(_ job: Int, by vehicle: Int) -> Bool { compatible[job * vehicleStart.count + vehicle] }

    var jobCount: Int { jobLocation.count }

    @inline(__always) func time(_ from: Int, _ to: Int) -> Int64 { time[from * locationCount + to] }
    @inline(__always) func cost(_ from: Int, _ to: Int) -> Int64 { cost[from * locationCount + to] }
}
