import LastMileCore

/// Why a job cannot be served, found by checking it alone (with its shipment partner) against every vehicle.
/// The numbers are in model units (the problem's time, distance and load units); ``description`` prints them
/// as they are, and an application renders them in its own units (clock times, kilograms).
public enum UnassignedReason: Hashable, Sendable, CustomStringConvertible {
    /// No vehicle has every skill the job (and its partner) needs.
    case missingSkills(Set<Int>)
    /// No vehicle starts at one of the depots (locations) allowed for the job.
    case noVehicleAtAllowedDepot(allowed: Set<LocationIndex>)
    /// Vehicles have the skills and vehicles start at allowed depots, but none does both.
    case noVehicleWithSkillsAtAllowedDepot(Set<Int>)
    /// The demand fits no suitable vehicle; `largestCapacity` is, per dimension, the largest capacity among them.
    case demandExceedsCapacity(demand: [Int64], largestCapacity: [Int64])
    /// No suitable vehicle serves the job inside one of `windows` and is back within its shift (with its
    /// breaks). `earliestArrival`: the earliest any of them can be there (leaving at the shift start), `nil`
    /// for a shipment (its partner's stop comes in between).
    case windowUnreachable(windows: [TimeWindow], earliestArrival: Int64?, withPartner: Bool)
    /// Serving the job alone already exceeds every suitable vehicle's route duration or distance limit.
    case exceedsRouteLimits
    /// Some vehicle could serve the job alone: only the other jobs' windows and loads stand in the way.
    case noRoomNextToOtherJobs

    /// The first reason that rules out every vehicle for `job`, or ``noRoomNextToOtherJobs`` when some vehicle
    /// could serve it alone.
    public init(job: JobIndex, in problem: VRPProblem) {
        let j = problem.job(job)
        let partner = problem.partners[job.position]
        let jobs = [job] + (partner.map { [$0] } ?? [])
        let route = partner.map { j.kind == .pickup ? [job, $0] : [$0, job] } ?? [job]
        if !problem.vehicles.contains(where: { vehicle in jobs.allSatisfy { problem.job($0).skills.isSubset(of: vehicle.skills) } }) {
            self = .missingSkills(j.skills)
            return
        }
        if let allowed = j.allowedDepots, !problem.vehicles.contains(where: { allowed.contains($0.startLocation) }) {
            self = .noVehicleAtAllowedDepot(allowed: allowed)
            return
        }
        var candidates = problem.vehicles.filter { vehicle in jobs.allSatisfy { vehicle.canServe(problem.job($0)) } }
        if candidates.isEmpty {
            self = .noVehicleWithSkillsAtAllowedDepot(j.skills)
            return
        }
        let dimensions = 0..<problem.dimensions
        let fitting = candidates.filter { vehicle in dimensions.allSatisfy { j.demand[$0] <= vehicle.capacity[$0] } }
        if fitting.isEmpty {
            self = .demandExceedsCapacity(
                demand: j.demand, largestCapacity: dimensions.map { d in candidates.map { $0.capacity[d] }.max() ?? 0 })
            return
        }
        candidates = fitting
        let schedules = candidates.compactMap { vehicle in RouteSchedule(route: route, vehicle: vehicle, problem: problem).map { (vehicle, $0) } }
        if schedules.isEmpty {
            let arrivals = candidates.map { $0.shift.earliest + $0.loadingTime + problem.time($0.startLocation, j.location, by: $0) }
            self = .windowUnreachable(windows: j.windows, earliestArrival: partner == nil ? arrivals.min() : nil, withPartner: partner != nil)
            return
        }
        let withinLimits = schedules.contains { vehicle, schedule in
            let duration = vehicle.breaks.isEmpty
                ? PlanChecker.shortestDuration(of: route, vehicle: vehicle, problem: problem) ?? schedule.duration : schedule.duration
            return duration <= (vehicle.maxDuration ?? .max) && schedule.distance <= (vehicle.maxDistance ?? .max)
        }
        self = withinLimits ? .noRoomNextToOtherJobs : .exceedsRouteLimits
    }

    /// The reason of ``init(job:in:)`` in model units.
    public static func explain(_ job: JobIndex, in problem: VRPProblem) -> String {
        UnassignedReason(job: job, in: problem).description
    }

    /// The reason with its numbers in model units, e.g. `its demand [5] exceeds the capacity of every vehicle …`.
    public var description: String {
        switch self {
        case .missingSkills(let skills):
            return "no vehicle has its skills \(skills.sorted())"
        case .noVehicleAtAllowedDepot(let allowed):
            return "no vehicle starts at a depot allowed for it (locations \(allowed.sorted().map(\.position)))"
        case .noVehicleWithSkillsAtAllowedDepot(let skills):
            return "no vehicle that starts at an allowed depot has its skills \(skills.sorted())"
        case .demandExceedsCapacity(let demand, _):
            return "its demand \(demand) exceeds the capacity of every vehicle that could serve it"
        case .windowUnreachable(let windows, _, let withPartner):
            let text = windows.map { "[\($0.earliest), \($0.latest)]" }.joined(separator: ", ")
            let what = withPartner ? "its time window \(text) with its shipment partner's" : "its time window \(text)"
            return "\(what) cannot be reached from any allowed depot within a shift (with the drivers' breaks)"
        case .exceedsRouteLimits:
            return "serving it alone already exceeds every suitable vehicle's route duration or distance limit"
        case .noRoomNextToOtherJobs:
            return "no vehicle has room for it in time and capacity next to the other jobs (add vehicles or widen windows)"
        }
    }
}
