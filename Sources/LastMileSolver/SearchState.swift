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

    /// How many vehicles drive a route.
    var routesInUse: Int { routes.reduce(0) { $0 + ($1.isEmpty ? 0 : 1) } }

    /// Each used route's ``RouteState/objectiveCost(_:)`` (travel cost, paid time, job charges, fixed cost),
    /// the cost floors' top-ups (``CostFloor``), and the penalty of every unassigned job.
    func objective(_ data: SolverData) -> Int64 {
        var total = unassignedPenalty(data)
        var floors = data.floorMinimum.isEmpty ? [] : [Int64](repeating: 0, count: data.floorMinimum.count)
        var used = [Bool](repeating: false, count: floors.count)
        // By index: `for route in routes` would copy each route (ten arrays retained and released).
        for r in routes.indices where !routes[r].isEmpty {
            let cost = routes[r].objectiveCost(data)
            total += cost
            let f = floors.isEmpty ? -1 : data.vehicleFloor[routes[r].vehicle]
            if f >= 0 {
                floors[f] += cost
                used[f] = true
            }
        }
        // Cost floors are not separable by route: the local search's move deltas leave them out.
        for f in floors.indices where used[f] { total += max(0, data.floorMinimum[f] - floors[f]) }
        return total
    }

    /// The penalties of the jobs left out.
    func unassignedPenalty(_ data: SolverData) -> Int64 {
        unassigned.reduce(0) { $0 + data.unassignedPenalty[$1] }
    }

    /// Whether every job left out is optional.
    func servesEveryMandatoryJob(_ data: SolverData) -> Bool {
        unassigned.allSatisfy { data.isOptional[$0] }
    }

    /// Whether every vehicle serves the same jobs in the same order as in `other` (and so the same jobs are
    /// left out). O(jobs).
    func hasSameRoutes(as other: SearchState) -> Bool {
        routeOf == other.routeOf && routes.indices.allSatisfy { routes[$0].jobs == other.routes[$0].jobs }
    }

    /// Makes this state equal to `other` (a state of the same problem), rewriting in place only the routes
    /// whose jobs differ: a candidate reset to the current solution allocates nothing (every route's other
    /// arrays follow from its jobs). O(jobs).
    mutating func assignInPlace(_ other: SearchState) {
        for r in routes.indices where routes[r].jobs != other.routes[r].jobs { routes[r].assignInPlace(other.routes[r]) }
        routeOf.assignInPlace(other.routeOf)
        unassigned.assignInPlace(other.unassigned)
    }

    var solution: VRPSolution {
        VRPSolution(routes: routes.map { $0.jobs.map { JobIndex($0) } }, unassigned: unassigned.sorted().map { JobIndex($0) })
    }
}
