import LastMileModel

/// A complete solution during the search: one route per vehicle plus the jobs not served, with its objective.
struct SearchState {
    var routes: [RouteState]
    /// `routeOf[job]` is the vehicle serving it, or -1 when unassigned.
    var routeOf: [Int32]
    var unassigned: [Int]

    init(data: SolverData) {
        routes = data.vehicleStart.indices.map { RouteState(vehicle: $0, data: data) }
        routeOf = [Int32](repeating: -1, count: data.jobCount)
        unassigned = Array(0..<data.jobCount)
    }

    /// Travel cost, fixed costs of used vehicles, and `penalty` per unassigned job.
    func objective(_ data: SolverData, penalty: Int64) -> Int64 {
        var total = Int64(unassigned.count) * penalty
        for route in routes where !route.isEmpty { total += route.travelCost + data.vehicleFixedCost[route.vehicle] }
        return total
    }

    var solution: VRPSolution {
        VRPSolution(routes: routes.map { $0.jobs.map(Int.init) }, unassigned: unassigned.sorted())
    }
}
