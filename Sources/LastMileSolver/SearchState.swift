import LastMileModel

/// A complete solution during the search: one route per vehicle plus the jobs not served, with its objective.
struct SearchState {
    var routes: [RouteState]
    /// `routeOf[job]` is the vehicle serving it, or -1 when unassigned.
    var routeOf: [Int32]
    var unassigned: [Int]

    init(problem: VRPProblem) {
        routes = problem.vehicles.indices.map { RouteState(vehicle: $0, problem: problem) }
        routeOf = [Int32](repeating: -1, count: problem.jobs.count)
        unassigned = Array(problem.jobs.indices)
    }

    /// Travel cost, fixed costs of used vehicles, and `penalty` per unassigned job.
    func objective(_ problem: VRPProblem, penalty: Int64) -> Int64 {
        var total = Int64(unassigned.count) * penalty
        for route in routes where !route.isEmpty { total += route.travelCost + problem.vehicles[route.vehicle].fixedCost }
        return total
    }

    var solution: VRPSolution {
        VRPSolution(routes: routes.map { $0.jobs.map(Int.init) }, unassigned: unassigned.sorted())
    }
}
