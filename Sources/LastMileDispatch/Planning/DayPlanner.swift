import Foundation
import LastMileCore
import LastMileGraph
import LastMileModel
import LastMileRouting
import LastMileSolver

/// Plans a day on a road graph: snap, matrix, solve with the depots that stock each order, keep depot stock
/// within what is there, check the plan independently, and lay every run along the roads.
public struct DayPlanner {
    /// What the planner is doing, for a progress line.
    public enum Step: Sendable {
        case matrix(locations: Int, seconds: Double)
        case solving(Solver.Progress, costScale: Int64)
        case stockRepair(round: Int, overdrawn: Int)
    }

    /// The car network's graph (the map's background).
    public var graph: RoadGraph { networks[0].graph }
    /// Profile 0: cars and vans; profile 1 (optional): cargo bikes.
    let networks: [RoadNetwork]

    /// A planner on the car roads of `graph`; with `bikeGraph` (the same map under the bicycle profile), cargo
    /// bikes ride their own network, otherwise the car roads at ``DayProblem/bikeShareOfCarSpeed``.
    public init(graph: RoadGraph, bikeGraph: RoadGraph? = nil) throws {
        networks = try [graph].map(RoadNetwork.init) + (bikeGraph.map { [try RoadNetwork(graph: $0)] } ?? [])
    }

    /// Plans `day`. Orders whose SKUs no depot holds, addresses off the roads, and orders that do not fit come
    /// back unassigned with the reason. When the solver's choice of depots overdraws a depot's stock of a SKU,
    /// the orders that overdraw it lose that depot and the day is planned again (at most three rounds; what
    /// still overdraws after that is left out with the reason).
    public func plan(_ day: DispatchDay, configuration: SolverConfiguration, progress: @escaping @Sendable (Step) -> Void = { _ in })
        throws -> DayPlan
    {
        guard !day.orders.isEmpty else { throw DispatchError.nothingToPlan(date: day.date) }
        var allowed = day.orders.map { order in Set(day.depots.indices.filter { day.depots[$0].stocks(order.items) }) }
        var forcedOut: [Int: String] = [:]
        var round = 0
        while true {
            let started = Date()
            let built = try DayProblem(day: day, networks: networks, allowedDepots: allowed)
            var problem = built.problem
            // Orders forced out by exhausted stock have no depot left.
            for (job, k) in built.jobOrder.enumerated() where forcedOut[k] != nil { problem.jobs[job].allowedDepots = [] }
            progress(.matrix(locations: problem.locationCount, seconds: Date().timeIntervalSince(started)))
            let scale = problem.costScale
            let result = Solver.solve(problem, configuration: configuration) { progress(.solving($0, costScale: scale)) }
            let overdrawn = overdraws(result.solution, built, day)
            if overdrawn.isEmpty || round == 3 {
                for (k, sku, depot) in overdrawn {
                    forcedOut[k] = "depot \(day.depots[depot].id) has no \(sku) left for it after the other orders"
                }
                return makePlan(day, built, problem, result, forcedOut: forcedOut, configuration: configuration)
            }
            round += 1
            progress(.stockRepair(round: round, overdrawn: overdrawn.count))
            for (k, _, depot) in overdrawn {
                allowed[k].remove(depot)
                if allowed[k].isEmpty { forcedOut[k] = "every depot that stocked its items ran out of them for other orders" }
            }
        }
    }

    /// Orders (index into `day.orders`, SKU, depot) that take more of a SKU from a depot than it holds: per
    /// depot and SKU, the orders beyond the stock, lowest priority first, latest in the route first.
    private func overdraws(_ solution: VRPSolution, _ built: DayProblem, _ day: DispatchDay) -> [(Int, String, Int)] {
        var served: [Int: [Int]] = [:]  // depot → orders in route order
        for (v, route) in solution.routes.enumerated() {
            let depot = built.problem.vehicles[v].startLocation
            served[depot, default: []] += route.map { built.jobOrder[$0] }
        }
        var overdrawn: [(Int, String, Int)] = []
        for depot in served.keys.sorted() {
            let orders = served[depot]!.sorted { (day.orders[$0].priority, -$0) > (day.orders[$1].priority, -$1) }
            var left = day.depots[depot].stock
            for k in orders {
                for item in day.orders[k].items {
                    let available = left[item.sku] ?? 0
                    if available >= item.quantity {
                        left[item.sku] = available - item.quantity
                    } else {
                        overdrawn.append((k, item.sku, depot))
                        break
                    }
                }
            }
        }
        return overdrawn
    }

    private func makePlan(
        _ day: DispatchDay, _ built: DayProblem, _ problem: VRPProblem, _ result: Solver.Result, forcedOut: [Int: String],
        configuration: SolverConfiguration
    ) -> DayPlan {
        var solution = result.solution
        // Orders forced out for stock leave their routes (removing a stop keeps a route feasible: the
        // matrices are shortest paths, so skipping a stop never arrives later).
        let forcedJobs = Set(built.jobOrder.indices.filter { forcedOut[built.jobOrder[$0]] != nil })
        for v in solution.routes.indices {
            let kept = solution.routes[v].filter { !forcedJobs.contains($0) }
            solution.unassigned += solution.routes[v].filter { forcedJobs.contains($0) }
            solution.routes[v] = kept
        }
        solution.unassigned = Array(Set(solution.unassigned)).sorted()
        let check = PlanChecker.check(solution, for: problem)
        let types = Dictionary(uniqueKeysWithValues: day.vehicleTypes.map { ($0.id, $0) })
        let orders = Dictionary(uniqueKeysWithValues: day.orders.map { ($0.id, $0) })
        var runs: [DayPlan.Run] = []
        var reservations: [[String]: Int] = [:]  // [depot id, SKU] → units
        for (v, route) in solution.routes.enumerated() where !route.isEmpty {
            guard let run = makeRun(vehicle: v, route: route, day, built, problem, types) else { continue }
            runs.append(run)
            for stop in run.stops {
                for item in orders[stop.orderID]!.items { reservations[[run.depotID, item.sku], default: 0] += item.quantity }
            }
        }
        var unassigned: [(String, String)] = built.rejected.map { (day.orders[$0.order].id, $0.reason) }
        for job in solution.unassigned {
            let k = built.jobOrder[job]
            let reason: String
            if let forced = forcedOut[k] {
                reason = forced
            } else if problem.jobs[job].allowedDepots?.isEmpty == true {
                reason = "no depot has all its items in stock (\(day.orders[k].items.map { "\($0.sku)×\($0.quantity)" }.joined(separator: ", ")))"
            } else {
                reason = UnassignedReason(job: job, in: problem).dispatcherText(depotIDs: day.depots.map(\.id))
            }
            unassigned.append((day.orders[k].id, reason))
        }
        unassigned.sort { $0.0 < $1.0 }
        let reserved = reservations.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { key in
            (depotID: key[0], sku: key[1], quantity: reservations[key]!)
        }
        return DayPlan(
            date: day.date, runs: runs, unassigned: unassigned, unusableVehicles: built.unusableVehicles, reservations: reserved,
            seed: configuration.seed, solverSeconds: result.seconds, checked: check.isFeasible
        )
    }

    /// One vehicle's run as people read it: times from the schedule (leaving as late as helps), loads, cost in
    /// cents, CO₂, and the path along the roads.
    private func makeRun(
        vehicle v: Int, route: [Int], _ day: DispatchDay, _ built: DayProblem, _ problem: VRPProblem, _ types: [String: VehicleType]
    ) -> DayPlan.Run? {
        let vehicle = problem.vehicles[v]
        let fleet = day.vehicles[built.vehicleFleetIndex[v]]
        let type = types[fleet.typeID]!
        guard let schedule = RouteSchedule(route: route, vehicle: vehicle, problem: problem, leavingAsLateAsHelps: true) else { return nil }
        var stops: [DayPlan.Stop] = []
        var previous = vehicle.startLocation
        var load = Load(grams: 0, millilitres: 0, parcels: 0)
        for visit in schedule.visits {
            let job = problem.jobs[visit.job]
            let order = day.orders[built.jobOrder[visit.job]]
            stops.append(DayPlan.Stop(
                orderID: order.id, arrival: TimeOfDay(seconds: Int(visit.arrival)), serviceStart: TimeOfDay(seconds: Int(visit.start)),
                departure: TimeOfDay(seconds: Int(visit.start + job.service)),
                metresFromPrevious: problem.distance(previous, job.location, by: vehicle)
            ))
            previous = job.location
            load.grams += order.load.grams
            load.millilitres += order.load.millilitres
            load.parcels += order.load.parcels
        }
        let service = schedule.visits.reduce(Int64(0)) { $0 + problem.jobs[$1.job].service }
        let breakSeconds = schedule.breaks.reduce(Int64(0)) { $0 + vehicle.breaks[$1.index].duration }
        let waiting = schedule.end - schedule.departure - schedule.travelTime - service - breakSeconds
        // Every stop is placed on the vehicle's network: its matrix entries were reachable.
        let placed = built.positions[vehicle.profile]
        let path = [vehicle.startLocation] + route.map { problem.jobs[$0].location } + [vehicle.endLocation]
        let geometry = networks[vehicle.profile].engine.route(through: path.compactMap { placed[$0] })?.geometry ?? []
        let costUnits = vehicle.fixedCost + schedule.travelCost
        return DayPlan.Run(
            vehicleID: fleet.id, typeID: fleet.typeID, carrierID: fleet.carrierID, driver: fleet.driver,
            depotID: day.depots[vehicle.startLocation].id, endDepotID: day.depots[vehicle.endLocation].id,
            loadingStart: TimeOfDay(seconds: Int(schedule.loadingStart)), departure: TimeOfDay(seconds: Int(schedule.departure)),
            end: TimeOfDay(seconds: Int(schedule.end)), stops: stops,
            breaks: schedule.breaks.map { DayPlan.Break(afterStops: $0.afterVisits, start: TimeOfDay(seconds: Int($0.start)),
                                                        minutes: Int(vehicle.breaks[$0.index].duration / 60)) },
            metres: schedule.distance, driveSeconds: schedule.travelTime, serviceSeconds: service, waitSeconds: waiting,
            cost: Cents((costUnits + DayProblem.costUnitsPerCent / 2) / DayProblem.costUnitsPerCent), load: load,
            capacity: type.capacity, co2Grams: schedule.distance * type.co2GramsPerKilometre / 1000, geometry: geometry
        )
    }
}
