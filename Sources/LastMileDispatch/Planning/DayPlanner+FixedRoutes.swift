import LastMileCore
import LastMileDomain
import LastMileModel

extension DayPlanner {
    /// What the independent checker says of routes given by hand.
    public enum FixedRoutesOutcome: Sendable {
        /// The routes hold: the plan they make, checked (`plan.checked`), with times from the schedule.
        case feasible(DayPlan)
        /// The routes break the day's rules: the checker's violations (or why a route cannot be built), each
        /// naming the vehicle or order.
        case infeasible([String])
    }

    /// Lays `routes` (per fleet vehicle id, its orders in visiting order; vehicles not named stay home, orders
    /// not named stay unassigned) on the roads and checks them with ``PlanChecker`` — no solving. This is how a
    /// dispatcher's hand edit (a stop moved to another run or position) becomes a plan, or is refused with the
    /// checker's reason. Snapping and matrices are computed as ``plan(_:configuration:traffic:progress:)`` does.
    ///
    /// - Parameter seed: recorded in the plan (the seed of the plan the edit started from).
    public func plan(_ day: DispatchDay, routes: [(vehicleID: String, orderIDs: [String])], seed: UInt64, traffic: (any DayTraffic)? = nil)
        throws -> FixedRoutesOutcome
    {
        let geometry = try DayGeometry(day: day, networks: networks, traffic: traffic)
        let built = try DayProblem(day: day, geometry: geometry, networkNames: networks.map(\.graph.profileName), allowedDepots: Self.stockingDepots(day))
        var vehicleOf: [String: VehicleIndex] = [:]
        for v in VehicleIndex.all(built.problem.vehicles.count) { vehicleOf[day.vehicle(built.fleetVehicle(of: v)).id] = v }
        var jobOf: [String: JobIndex] = [:]
        for j in JobIndex.all(built.problem.jobs.count) { jobOf[day.order(built.order(of: j)).id] = j }
        var solution = VRPSolution(routes: Array(repeating: [], count: built.problem.vehicles.count), unassigned: [])
        var problems: [String] = []
        for (vehicleID, orderIDs) in routes where !orderIDs.isEmpty {
            guard let v = vehicleOf[vehicleID] else {
                let reason = built.unusableVehicles.first { $0.vehicleID == vehicleID }?.reason ?? "it is not in the day's fleet"
                problems.append("vehicle \(vehicleID) cannot run: \(reason)")
                continue
            }
            for orderID in orderIDs {
                guard let job = jobOf[orderID] else {
                    let reason = geometry.rejected.first { day.order($0.order).id == orderID }?.reason ?? "it is not an order of \(day.date)"
                    problems.append("order \(orderID) cannot be served: \(reason)")
                    continue
                }
                solution.routes[v.position].append(job)
            }
        }
        guard problems.isEmpty else { return .infeasible(problems) }
        let routed = Set(solution.routes.joined())
        solution.unassigned = JobIndex.all(built.problem.jobs.count).filter { !routed.contains($0) }
        let report = PlanChecker.check(solution, for: built.problem)
        guard report.isFeasible else { return .infeasible(report.violations) }
        return .feasible(makePlan(day, geometry, built, solution: solution, solverSeconds: 0, forcedOut: [:], seed: seed))
    }
}
