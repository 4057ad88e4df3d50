import LastMileCore

extension VRPProblem {
    /// For each vehicle, the lowest-numbered vehicle equal to it in everything but its id: vehicles with the same
    /// representative can swap routes without changing any cost or constraint.
    public var interchangeableVehicles: [Int] {
        var representatives: [Vehicle: Int] = [:]
        return vehicles.indices.map { v in
            var key = vehicles[v]
            key.id = ""
            if let representative = representatives[key] { return representative }
            representatives[key] = v
            return v
        }
    }
}

extension VRPSolution {
    /// The same solution with the used routes of each group of interchangeable vehicles moved to the group's
    /// lowest-numbered vehicles, in their order: same cost and feasibility, and the vehicles in use come first
    /// within each group (route lists of single-depot instances then number their routes 1…n without gaps).
    public func packed(for problem: VRPProblem) -> VRPSolution {
        let group = problem.interchangeableVehicles
        var members: [Int: [Int]] = [:]
        for v in routes.indices { members[group[v], default: []].append(v) }
        var packedRoutes = [[JobIndex]](repeating: [], count: routes.count)
        for vehicles in members.values {
            for (slot, route) in zip(vehicles, vehicles.map { routes[$0] }.filter { !$0.isEmpty }) { packedRoutes[slot] = route }
        }
        return VRPSolution(routes: packedRoutes, unassigned: unassigned)
    }
}
