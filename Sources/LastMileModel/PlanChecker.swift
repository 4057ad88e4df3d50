import LastMileCore

/// Checks a solution from scratch, independently of the solver and of ``RouteSchedule``: every job exactly
/// once (served or reported unassigned), skills and depots, shipments (same vehicle, pickup first), the load
/// on board after every stop, time windows, breaks (every placement enumerated), shifts, duration and
/// distance limits; and recomputes the cost. Used by the day planner on every plan before it is stored, by
/// `lastmile solve --check` and `lastmile check`, and by tests and benchmarks.
///
/// Shares no arithmetic with the solver: travel times (speed factor included), arc costs, window search and
/// shipment pairing are computed here from the raw profile matrices (see `PlanCheckerArithmetic.swift`).
/// Time-dependent travel is recomputed here too: every leg at its departure, interpolated from the stored
/// breakpoints by the checker's own code (``Legs/arrival(_:_:leaving:)``).
public enum PlanChecker {
    /// What the checker found.
    public struct Report: Sendable {
        /// Broken constraints, each naming the vehicle or job; empty when the solution is feasible.
        public var violations: [String]
        /// Travel cost plus paid time plus job charges plus fixed costs of used vehicles plus cost-floor top-ups.
        public var cost: Int64
        /// Travel cost only.
        public var travelCost: Int64
        /// What vehicles with ``Vehicle/paidTime`` pay beyond their arcs: paid duration, overtime and the top-up
        /// to their minimum, cost units (0 without paid time).
        public var paidTimeCost: Int64
        /// What the served jobs cost on their vehicles beyond the routes (``Vehicle/jobCharges``), cost units.
        public var jobChargeCost: Int64
        /// What the problem's ``CostFloor``s add to reach their minimums, cost units.
        public var floorTopUpCost: Int64
        /// Distance driven, distance units.
        public var distance: Int64
        public var usedVehicles: Int

        public var isFeasible: Bool { violations.isEmpty }
    }

    public static func check(_ solution: VRPSolution, for problem: VRPProblem) -> Report {
        var violations: [String] = []
        var seen = [Int](repeating: 0, count: problem.jobs.count)
        var servedBy = [Int](repeating: -1, count: problem.jobs.count)
        var positionOf = [Int](repeating: -1, count: problem.jobs.count)
        var travelCost: Int64 = 0
        var totalDistance: Int64 = 0
        var fixed: Int64 = 0
        var paidTimeCost: Int64 = 0
        var jobChargeCost: Int64 = 0
        var routeCosts = [Int64](repeating: 0, count: problem.vehicles.count)
        let shipmentHalves = shipmentHalves(of: problem)
        if solution.routes.count != problem.vehicles.count {
            violations.append("\(solution.routes.count) routes for \(problem.vehicles.count) vehicles")
        }
        for (v, typedRoute) in solution.routes.enumerated() where v < problem.vehicles.count && !typedRoute.isEmpty {
            let route = typedRoute.map(\.position)
            let vehicle = problem.vehicles[v]
            guard route.allSatisfy({ $0 >= 0 && $0 < problem.jobs.count }) else {
                violations.append("vehicle \(vehicle.id): unknown job index in \(route)")
                continue
            }
            fixed += vehicle.fixedCost
            let routeCharges = route.reduce(0) { $0 + (vehicle.jobCharges?[$1] ?? 0) }
            jobChargeCost += routeCharges
            routeCosts[v] = vehicle.fixedCost + routeCharges
            let legs = Legs(of: vehicle, in: problem)
            var location = vehicle.startLocation.position
            var distance: Int64 = 0
            var routeTravel: Int64 = 0
            for (position, job) in route.enumerated() {
                seen[job] += 1
                servedBy[job] = v
                positionOf[job] = position
                let j = problem.jobs[job]
                if !j.skills.isSubset(of: vehicle.skills) {
                    violations.append("vehicle \(vehicle.id): lacks skills \(j.skills.subtracting(vehicle.skills).sorted()) of job \(j.id)")
                }
                if let allowed = j.allowedDepots, !allowed.contains(vehicle.startLocation) {
                    violations.append("vehicle \(vehicle.id): starts at location \(vehicle.startLocation.position), not a depot allowed for job \(j.id)")
                }
                routeTravel += legs.cost(location, j.location.position)
                distance += legs.distance(location, j.location.position)
                location = j.location.position
            }
            routeTravel += legs.cost(location, vehicle.endLocation.position)
            travelCost += routeTravel
            routeCosts[v] += routeTravel
            distance += legs.distance(location, vehicle.endLocation.position)
            if let paid = vehicle.paidTime {
                let duration = paidDuration(route, vehicle: vehicle, problem: problem, legs: legs) ?? 0
                let paidExtra = variableCost(travel: routeTravel, paidDuration: duration, paid: paid) - routeTravel
                paidTimeCost += paidExtra
                routeCosts[v] += paidExtra
            }
            totalDistance += distance
            if let limit = vehicle.maxDistance, distance > limit {
                violations.append("vehicle \(vehicle.id): drives \(distance), over its distance limit \(limit)")
            }
            violations += loadViolations(route, vehicle: vehicle, problem: problem, shipmentHalves: shipmentHalves)

            if vehicle.breaks.isEmpty {
                violations += timeViolations(route, vehicle: vehicle, problem: problem, legs: legs)
                if let limit = vehicle.maxDuration, let duration = shortestDuration(of: typedRoute, vehicle: vehicle, problem: problem),
                    duration > limit
                {
                    violations.append("vehicle \(vehicle.id): the route takes \(duration) even when leaving as late as helps, over its limit \(limit)")
                }
            } else if let end = earliestEndWithBreaks(route, vehicle: vehicle, problem: problem, legs: legs, loadingFrom: vehicle.shift.earliest) {
                if end > vehicle.shift.latest {
                    violations.append("vehicle \(vehicle.id): returns at \(end) at the earliest with its breaks, after its shift ends at \(vehicle.shift.latest)")
                }
                if let limit = vehicle.maxDuration, end - vehicle.shift.earliest > limit {
                    violations.append("vehicle \(vehicle.id): the route with its breaks takes \(end - vehicle.shift.earliest), over its limit \(limit)")
                }
            } else {
                violations.append("vehicle \(vehicle.id): no placement of its breaks keeps every job in its windows")
            }
        }
        for job in solution.unassigned.map(\.position) where job >= 0 && job < seen.count { seen[job] += 1 }
        for (job, count) in seen.enumerated() where count != 1 {
            violations.append(count == 0 ? "job \(problem.jobs[job].id) is neither served nor reported unassigned"
                : "job \(problem.jobs[job].id) appears \(count) times")
        }
        for shipment in problem.shipments {
            let (p, d) = (shipment.pickup.position, shipment.delivery.position)
            let label = "shipment \(problem.jobs[p].id) → \(problem.jobs[d].id)"
            if servedBy[p] != servedBy[d] {
                violations.append("\(label): pickup and delivery are not on the same vehicle (or one is unassigned)")
            } else if servedBy[p] >= 0, positionOf[p] > positionOf[d] {
                violations.append("\(label): delivered before it is picked up")
            }
        }
        let floorTopUpCost = problem.costFloors.reduce(Int64(0)) { sum, floor in
            let members = floor.vehicles.map(\.position).filter { $0 < solution.routes.count }
            return sum + floor.topUp(total: members.reduce(Int64(0)) { $0 + routeCosts[$1] }, used: members.contains { !solution.routes[$0].isEmpty })
        }
        return Report(
            violations: violations, cost: travelCost + paidTimeCost + jobChargeCost + fixed + floorTopUpCost, travelCost: travelCost,
            paidTimeCost: paidTimeCost, jobChargeCost: jobChargeCost, floorTopUpCost: floorTopUpCost, distance: totalDistance,
            usedVehicles: solution.usedVehicles
        )
    }

    /// Load on board when leaving the start and after each stop: unpaired deliveries are all on board at the
    /// start, pickups are added where they happen, shipment deliveries remove what their pickup added.
    private static func loadViolations(_ route: [Int], vehicle: Vehicle, problem: VRPProblem, shipmentHalves: Set<Int>) -> [String] {
        var load = [Int64](repeating: 0, count: problem.dimensions)
        for job in route where !shipmentHalves.contains(job) && problem.jobs[job].kind == .delivery {
            for d in load.indices { load[d] += problem.jobs[job].demand[d] }
        }
        var violations: [String] = []
        func check(_ place: String) {
            for d in load.indices where load[d] > vehicle.capacity[d] {
                violations.append("vehicle \(vehicle.id): load \(load[d]) exceeds capacity \(vehicle.capacity[d]) in dimension \(d) \(place)")
            }
        }
        check("when leaving the start")
        for job in route {
            let j = problem.jobs[job]
            let sign: Int64 = j.kind == .pickup ? 1 : -1
            for d in load.indices { load[d] += sign * j.demand[d] }
            check("after job \(j.id)")
        }
        return violations
    }

    /// Windows and shift for a vehicle without breaks, leaving after loading at its shift start.
    private static func timeViolations(
        _ route: [Int], vehicle: Vehicle, problem: VRPProblem, legs: Legs
    ) -> [String] {
        var violations: [String] = []
        var clock = vehicle.shift.earliest + vehicle.loadingTime
        var location = vehicle.startLocation.position
        for job in route {
            let j = problem.jobs[job]
            let arrival = legs.arrival(location, j.location.position, leaving: clock)
            if let (start, _) = serviceStart(in: j.windows, arrivingAt: arrival) {
                clock = start
            } else {
                violations.append("vehicle \(vehicle.id): job \(j.id) is reached at \(arrival), after its window ends at \(j.windows.last!.latest)")
                clock = arrival
            }
            clock += j.service
            location = j.location.position
        }
        clock = legs.arrival(location, vehicle.endLocation.position, leaving: clock)
        if clock > vehicle.shift.latest {
            violations.append("vehicle \(vehicle.id): returns at \(clock), after its shift ends at \(vehicle.shift.latest)")
        }
        return violations
    }

    /// The earliest return when loading starts at `loadingStart`, over every placement of the breaks (in order,
    /// each between two stops), enumerated one by one; `nil` when every placement misses a window. Without
    /// breaks, the one simulation.
    private static func earliestEndWithBreaks(
        _ route: [Int], vehicle: Vehicle, problem: VRPProblem, legs: Legs, loadingFrom loadingStart: Int64
    ) -> Int64? {
        let breaks = vehicle.breaks
        func explore(stop k: Int, breaksTaken b: Int, clock: Int64) -> Int64? {
            let here = k == 0 ? vehicle.startLocation.position : problem.jobs[route[k - 1]].location.position
            var best: Int64? = nil
            if b < breaks.count, let window = breaks[b].windows.first(where: { clock <= $0.latest }) {
                best = explore(stop: k, breaksTaken: b + 1, clock: max(clock, window.earliest) + breaks[b].duration)
            }
            if k == route.count {
                if b == breaks.count { best = min(best ?? .max, legs.arrival(here, vehicle.endLocation.position, leaving: clock)) }
            } else {
                let job = problem.jobs[route[k]]
                if let (start, _) = serviceStart(in: job.windows, arrivingAt: legs.arrival(here, job.location.position, leaving: clock)),
                    let end = explore(stop: k + 1, breaksTaken: b, clock: start + job.service)
                {
                    best = min(best ?? .max, end)
                }
            }
            return best
        }
        return explore(stop: 0, breaksTaken: 0, clock: loadingStart + vehicle.loadingTime)
    }

    /// The paid duration of a route (``PaidTime``): from the latest start of loading that brings the vehicle
    /// back no later than loading at the shift start does, to the return, less its breaks; `nil` when the
    /// route misses a window or cannot place its breaks. Binary search over simulations (every break
    /// placement enumerated; the return is never earlier for a later start, so the starts that keep it form
    /// an interval).
    static func paidDuration(_ route: [Int], vehicle: Vehicle, problem: VRPProblem, legs: Legs) -> Int64? {
        let earliest = vehicle.shift.earliest
        guard let end = earliestEndWithBreaks(route, vehicle: vehicle, problem: problem, legs: legs, loadingFrom: earliest) else { return nil }
        var (low, high) = (Int64(0), end - earliest)
        while low < high {
            let delay = (low + high + 1) / 2
            if earliestEndWithBreaks(route, vehicle: vehicle, problem: problem, legs: legs, loadingFrom: earliest + delay) == end {
                low = delay
            } else {
                high = delay - 1
            }
        }
        return end - earliest - low - vehicle.breaks.reduce(0) { $0 + $1.duration }
    }

    /// The route's duration (loading included) when the vehicle leaves as late as helps: the latest departure,
    /// found by binary search over simulations, that serves every job in the same window as leaving at the
    /// shift start and returns within the shift; later departures than the total waiting cannot shorten it.
    public static func shortestDuration(of typedRoute: [JobIndex], vehicle: Vehicle, problem: VRPProblem) -> Int64? {
        let route = typedRoute.map(\.position)
        let legs = Legs(of: vehicle, in: problem)
        /// Duration and the window index of each job when loading starts at `loadingStart`, or nil if a job
        /// is missed.
        func simulate(loadingFrom loadingStart: Int64) -> (duration: Int64, windows: [Int], end: Int64)? {
            var time = loadingStart + vehicle.loadingTime
            var location = vehicle.startLocation.position
            var windows: [Int] = []
            for job in route {
                let j = problem.jobs[job]
                let arrival = legs.arrival(location, j.location.position, leaving: time)
                guard let (start, index) = serviceStart(in: j.windows, arrivingAt: arrival) else { return nil }
                windows.append(index)
                time = start + j.service
                location = j.location.position
            }
            let end = legs.arrival(location, vehicle.endLocation.position, leaving: time)
            return (end - loadingStart, windows, end)
        }
        guard let first = simulate(loadingFrom: vehicle.shift.earliest) else { return nil }
        var low: Int64 = 0
        var high = first.duration  // no delay beyond the whole duration can help
        while low < high {
            let middle = (low + high + 1) / 2
            if let trial = simulate(loadingFrom: vehicle.shift.earliest + middle), trial.windows == first.windows,
                trial.end <= vehicle.shift.latest
            {
                low = middle
            } else {
                high = middle - 1
            }
        }
        return min(first.duration, simulate(loadingFrom: vehicle.shift.earliest + low)?.duration ?? first.duration)
    }
}
