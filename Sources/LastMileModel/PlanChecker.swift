/// Checks a solution from scratch, independently of the solver: every job at most once, capacities, time
/// windows, shifts; and recomputes its cost. Used by tests, benchmarks and `lastmile solve --check`.
public enum PlanChecker {
    /// What the checker found.
    public struct Report: Sendable {
        /// Broken constraints, each naming the vehicle or job; empty when the solution is feasible.
        public var violations: [String]
        /// Travel cost plus fixed costs of used vehicles.
        public var cost: Int64
        /// Travel cost only.
        public var travelCost: Int64
        public var usedVehicles: Int

        public var isFeasible: Bool { violations.isEmpty }
    }

    public static func check(_ solution: VRPSolution, for problem: VRPProblem) -> Report {
        var violations: [String] = []
        var seen = [Int](repeating: 0, count: problem.jobs.count)
        var travelCost: Int64 = 0
        var fixed: Int64 = 0
        if solution.routes.count != problem.vehicles.count {
            violations.append("\(solution.routes.count) routes for \(problem.vehicles.count) vehicles")
        }
        for (v, route) in solution.routes.enumerated() where v < problem.vehicles.count && !route.isEmpty {
            let vehicle = problem.vehicles[v]
            fixed += vehicle.fixedCost
            var load = [Int64](repeating: 0, count: problem.dimensions)
            var time = vehicle.shift.earliest
            var location = vehicle.startLocation
            for job in route {
                guard job >= 0, job < problem.jobs.count else {
                    violations.append("vehicle \(vehicle.id): unknown job index \(job)")
                    continue
                }
                seen[job] += 1
                let j = problem.jobs[job]
                if !j.skills.isSubset(of: vehicle.skills) {
                    violations.append("vehicle \(vehicle.id): lacks skills \(j.skills.subtracting(vehicle.skills).sorted()) of job \(j.id)")
                }
                if let allowed = j.allowedDepots, !allowed.contains(vehicle.startLocation) {
                    violations.append("vehicle \(vehicle.id): starts at location \(vehicle.startLocation), not a depot allowed for job \(j.id)")
                }
                for d in 0..<problem.dimensions { load[d] += j.demand[d] }
                travelCost += problem.cost(location, j.location)
                let arrival = time + problem.time(location, j.location)
                if let start = j.earliestStart(arrivingAt: arrival) {
                    time = start
                } else {
                    violations.append("vehicle \(vehicle.id): job \(j.id) is reached at \(arrival), after its window ends at \(j.windows.last!.latest)")
                    time = arrival
                }
                time += j.service
                location = j.location
            }
            travelCost += problem.cost(location, vehicle.endLocation)
            time += problem.time(location, vehicle.endLocation)
            if let limit = vehicle.maxDuration, let duration = shortestDuration(of: route, vehicle: vehicle, problem: problem),
                duration > limit
            {
                violations.append("vehicle \(vehicle.id): the route takes \(duration) even when leaving as late as helps, over its limit \(limit)")
            }
            if time > vehicle.shift.latest {
                violations.append("vehicle \(vehicle.id): returns at \(time), after its shift ends at \(vehicle.shift.latest)")
            }
            for d in 0..<problem.dimensions where load[d] > vehicle.capacity[d] {
                violations.append("vehicle \(vehicle.id): load \(load[d]) exceeds capacity \(vehicle.capacity[d]) in dimension \(d)")
            }
        }
        for job in solution.unassigned where job >= 0 && job < seen.count { seen[job] += 1 }
        for (job, count) in seen.enumerated() where count != 1 {
            violations.append(count == 0 ? "job \(problem.jobs[job].id) is neither served nor reported unassigned"
                : "job \(problem.jobs[job].id) appears \(count) times")
        }
        return Report(
            violations: violations, cost: travelCost + fixed, travelCost: travelCost,
            usedVehicles: solution.usedVehicles
        )
    }

    /// The route's duration when the vehicle leaves as late as helps: the latest departure, found by binary
    /// search over simulations, that serves every job in the same window as leaving at the shift start and
    /// returns within the shift; later departures than the total waiting cannot shorten the route.
    public static func shortestDuration(of route: [Int], vehicle: Vehicle, problem: VRPProblem) -> Int64? {
        /// Duration and the window index of each job when leaving at `departure`, or nil if a job is missed.
        func simulate(leaving departure: Int64) -> (duration: Int64, windows: [Int], end: Int64)? {
            var time = departure
            var location = vehicle.startLocation
            var windows: [Int] = []
            for job in route {
                let j = problem.jobs[job]
                let arrival = time + problem.time(location, j.location)
                guard let index = j.windowIndex(arrivingAt: arrival) else { return nil }
                windows.append(index)
                time = max(arrival, j.windows[index].earliest) + j.service
                location = j.location
            }
            let end = time + problem.time(location, vehicle.endLocation)
            return (end - departure, windows, end)
        }
        guard let first = simulate(leaving: vehicle.shift.earliest) else { return nil }
        var low: Int64 = 0
        var high = first.duration  // no delay beyond the whole duration can help
        while low < high {
            let middle = (low + high + 1) / 2
            if let trial = simulate(leaving: vehicle.shift.earliest + middle), trial.windows == first.windows,
                trial.end <= vehicle.shift.latest
            {
                low = middle
            } else {
                high = middle - 1
            }
        }
        return min(first.duration, simulate(leaving: vehicle.shift.earliest + low)?.duration ?? first.duration)
    }
}
