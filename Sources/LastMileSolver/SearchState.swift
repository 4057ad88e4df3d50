import LastMileCore
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

    /// Travel cost (and paid time, ``PaidTime``), fixed costs of used vehicles, and the penalty of every
    /// unassigned job.
    func objective(_ data: SolverData) -> Int64 {
        var total = unassignedPenalty(data)
        for route in routes where !route.isEmpty { total += route.variableCost + data.vehicleFixedCost[route.vehicle] }
        return total + floorTopUps(data)
    }

    /// What the cost floors add to reach their minimums (``CostFloor``). The local search's move deltas leave
    /// them out (they are not separable by route); the annealing's acceptance and the answer include them.
    func floorTopUps(_ data: SolverData) -> Int64 {
        guard !data.floorMinimum.isEmpty else { return 0 }
        var totals = [Int64](repeating: 0, count: data.floorMinimum.count)
        var used = [Bool](repeating: false, count: data.floorMinimum.count)
        for route in routes where !route.isEmpty && data.vehicleFloor[route.vehicle] >= 0 {
            let f = data.vehicleFloor[route.vehicle]
            totals[f] += route.variableCost + data.vehicleFixedCost[route.vehicle]
            used[f] = true
        }
        return data.floorMinimum.indices.reduce(0) { $0 + (used[$1] ? max(0, data.floorMinimum[$1] - totals[$1]) : 0) }
    }

    /// The penalties of the jobs left out.
    func unassignedPenalty(_ data: SolverData) -> Int64 {
        unassigned.reduce(0) { $0 + data.unassignedPenalty[$1] }
    }

    var solution: VRPSolution {
        VRPSolution(routes: routes.map { $0.jobs.map { JobIndex($0) } }, unassigned: unassigned.sorted().map { JobIndex($0) })
    }
}
