import LastMileCore

/// Why a job cannot be served, found by checking it alone (with its shipment partner) against every vehicle.
public enum UnassignedReason {
    /// The first reason that rules out every vehicle for `job`, or a generic one when some vehicle could
    /// serve it alone (then only the other jobs' windows and loads stand in the way).
    public static func explain(_ job: JobIndex, in problem: VRPProblem) -> String {
        let j = problem.job(job)
        let partner = problem.partners[job.position]
        let jobs = [job] + (partner.map { [$0] } ?? [])
        let route = partner.map { j.kind == .pickup ? [job, $0] : [$0, job] } ?? [job]
        if !problem.vehicles.contains(where: { vehicle in jobs.allSatisfy { problem.job($0).skills.isSubset(of: vehicle.skills) } }) {
            return "no vehicle has its skills \(j.skills.sorted())"
        }
        if let allowed = j.allowedDepots, !problem.vehicles.contains(where: { allowed.contains($0.startLocation) }) {
            return "no vehicle starts at a depot allowed for it (locations \(allowed.sorted()))"
        }
        var candidates = problem.vehicles.filter { vehicle in jobs.allSatisfy { vehicle.canServe(problem.job($0)) } }
        if candidates.isEmpty {
            return "no vehicle that starts at an allowed depot has its skills \(j.skills.sorted())"
        }
        candidates = candidates.filter { vehicle in (0..<problem.dimensions).allSatisfy { j.demand[$0] <= vehicle.capacity[$0] } }
        if candidates.isEmpty {
            return "its demand \(j.demand) exceeds the capacity of every vehicle that could serve it"
        }
        let schedules = candidates.compactMap { vehicle in RouteSchedule(route: route, vehicle: vehicle, problem: problem).map { (vehicle, $0) } }
        if schedules.isEmpty {
            let windows = j.windows.map { "[\($0.earliest), \($0.latest)]" }.joined(separator: ", ")
            let what = partner == nil ? "its time window \(windows)" : "its time window \(windows) with its shipment partner's"
            return "\(what) cannot be reached from any allowed depot within a shift (with the drivers' breaks)"
        }
        let withinLimits = schedules.contains { vehicle, schedule in
            let duration = vehicle.breaks.isEmpty
                ? PlanChecker.shortestDuration(of: route, vehicle: vehicle, problem: problem) ?? schedule.duration : schedule.duration
            return duration <= (vehicle.maxDuration ?? .max) && schedule.distance <= (vehicle.maxDistance ?? .max)
        }
        if !withinLimits {
            return "serving it alone already exceeds every suitable vehicle's route duration or distance limit"
        }
        return "no vehicle has room for it in time and capacity next to the other jobs (add vehicles or widen windows)"
    }
}
