/// Why a job cannot be served, found by checking it alone against every vehicle.
public enum UnassignedReason {
    /// The first reason that rules out every vehicle for `job`, or a generic one when each vehicle could serve
    /// it alone (then only the other jobs' windows and loads stand in the way).
    public static func explain(_ job: Int, in problem: VRPProblem) -> String {
        let j = problem.jobs[job]
        if !problem.vehicles.contains(where: { j.skills.isSubset(of: $0.skills) }) {
            return "no vehicle has its skills \(j.skills.sorted())"
        }
        if let allowed = j.allowedDepots, !problem.vehicles.contains(where: { allowed.contains($0.startLocation) }) {
            return "no vehicle starts at a depot allowed for it (locations \(allowed.sorted()))"
        }
        if !problem.vehicles.contains(where: { $0.canServe(j) }) {
            return "no vehicle that starts at an allowed depot has its skills \(j.skills.sorted())"
        }
        if problem.vehicles.allSatisfy({ vehicle in (0..<problem.dimensions).contains { j.demand[$0] > vehicle.capacity[$0] } }) {
            return "its demand \(j.demand) exceeds every vehicle's capacity"
        }
        let reachable = problem.vehicles.contains { vehicle in
            guard let start = j.earliestStart(arrivingAt: vehicle.shift.earliest + problem.time(vehicle.startLocation, j.location)) else {
                return false
            }
            return start + j.service + problem.time(j.location, vehicle.endLocation) <= vehicle.shift.latest
        }
        if !reachable {
            let windows = j.windows.map { "[\($0.earliest), \($0.latest)]" }.joined(separator: ", ")
            return "its time window \(windows) cannot be reached from any depot within a shift"
        }
        return "no vehicle has room for it in time and capacity next to the other jobs (add vehicles or widen windows)"
    }
}
