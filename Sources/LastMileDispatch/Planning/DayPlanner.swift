import Foundation
import LastMileCore
import LastMileDomain
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
        /// A solver run ended after `iterations` (all chains) in `seconds`.
        case solved(iterations: Int, seconds: Double)
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
    /// still overdraws after that is left out with the reason). Snapping and matrices are computed once.
    ///
    /// With `traffic`, cars and vans drive every leg at its departure time (``DayTraffic``: the day's 15-minute
    /// slices from the earliest shift start to the latest shift end); without it, at free-flow speeds. Costs
    /// are priced on free-flow times either way.
    public func plan(
        _ day: DispatchDay, configuration: SolverConfiguration, traffic: (any DayTraffic)? = nil,
        progress: @escaping @Sendable (Step) -> Void = { _ in }
    ) throws -> DayPlan {
        guard !day.orders.isEmpty else { throw DispatchError.nothingToPlan(date: day.date) }
        let started = ContinuousClock.now
        let geometry = try DayGeometry(day: day, networks: networks, traffic: traffic)
        progress(.matrix(locations: geometry.locationCount, seconds: (ContinuousClock.now - started).inSeconds))
        var allowed = Self.stockingDepots(day)
        var forcedOut: [OrderIndex: String] = [:]
        var round = 0
        while true {
            let built = try DayProblem(day: day, geometry: geometry, networkNames: networks.map(\.graph.profileName), allowedDepots: allowed)
            let scale = built.problem.costScale
            let result = Solver.solve(built.problem, configuration: configuration) { progress(.solving($0, costScale: scale)) }
            progress(.solved(iterations: result.iterations, seconds: result.seconds))
            let overdrawn = overdraws(result.solution, built, geometry, day)
            if overdrawn.isEmpty || round == 3 {
                for overdraw in overdrawn {
                    forcedOut[overdraw.order] = "depot \(day.depot(overdraw.depot).id) has no \(overdraw.sku) left for it after the other orders"
                }
                return makePlan(day, geometry, built, solution: result.solution, solverSeconds: result.seconds, forcedOut: forcedOut, seed: configuration.seed)
            }
            round += 1
            progress(.stockRepair(round: round, overdrawn: overdrawn.count))
            for overdraw in overdrawn {
                allowed[overdraw.order.position].remove(overdraw.depot)
                if allowed[overdraw.order.position].isEmpty {
                    forcedOut[overdraw.order] = "every depot that stocked its items ran out of them for other orders"
                }
            }
        }
    }

    /// Per order, the depots whose stock holds all its items.
    static func stockingDepots(_ day: DispatchDay) -> [Set<DepotIndex>] {
        let depots = DepotIndex.all(day.depots.count)
        return day.orders.map { order in Set(depots.filter { day.depot($0).stocks(order.items) }) }
    }

    /// An order that takes more of a SKU from a depot than the depot holds.
    private struct Overdraw {
        let order: OrderIndex
        let sku: String
        let depot: DepotIndex
    }

    /// Orders that take more of a SKU from a depot than it holds: per depot and SKU, the orders beyond the
    /// stock, lowest priority first, latest in the route first.
    private func overdraws(_ solution: VRPSolution, _ built: DayProblem, _ geometry: DayGeometry, _ day: DispatchDay) -> [Overdraw] {
        var served: [DepotIndex: [OrderIndex]] = [:]  // in route order
        for (v, route) in solution.routes.enumerated() {
            guard let depot = geometry.depot(at: built.problem.vehicle(VehicleIndex(v)).startLocation) else { continue }
            served[depot, default: []] += route.map(built.order(of:))
        }
        var overdrawn: [Overdraw] = []
        for (depot, routeOrders) in served.sorted(by: { $0.key < $1.key }) {
            let orders = routeOrders.sorted {
                (day.order($0).priority, -$0.position) > (day.order($1).priority, -$1.position)
            }
            var left = day.depot(depot).stock
            for order in orders {
                for item in day.order(order).items {
                    let available = left[item.sku] ?? 0
                    if available >= item.quantity {
                        left[item.sku] = available - item.quantity
                    } else {
                        overdrawn.append(Overdraw(order: order, sku: item.sku, depot: depot))
                        break
                    }
                }
            }
        }
        return overdrawn
    }

    /// Units of a SKU taken from a depot, the key of the plan's reservations.
    private struct DepotSKU: Hashable, Comparable {
        let depotID: String
        let sku: String

        static func < (a: Self, b: Self) -> Bool { (a.depotID, a.sku) < (b.depotID, b.sku) }
    }

    func makePlan(
        _ day: DispatchDay, _ geometry: DayGeometry, _ built: DayProblem, solution: VRPSolution, solverSeconds: Double,
        forcedOut: [OrderIndex: String], seed: UInt64
    ) -> DayPlan {
        let problem = built.problem
        var solution = solution
        // Orders forced out for stock leave their routes (removing a stop keeps a route feasible: the
        // matrices are shortest paths, so skipping a stop never arrives later; with time-dependent travel the
        // slices are shortest paths too, and the checker below confirms the result).
        let forcedJobs = Set(JobIndex.all(problem.jobs.count).filter { forcedOut[built.order(of: $0)] != nil })
        for v in solution.routes.indices {
            solution.unassigned += solution.routes[v].filter { forcedJobs.contains($0) }
            solution.routes[v].removeAll { forcedJobs.contains($0) }
        }
        solution.unassigned = Array(Set(solution.unassigned)).sorted()
        let check = PlanChecker.check(solution, for: problem)
        let types = Dictionary(uniqueKeysWithValues: day.vehicleTypes.map { ($0.id, $0) })
        let orders = Dictionary(uniqueKeysWithValues: day.orders.map { ($0.id, $0) })
        var runs: [DayPlan.Run] = []
        var reservations: [DepotSKU: Int] = [:]
        for (v, route) in solution.routes.enumerated() where !route.isEmpty {
            guard let run = makeRun(vehicle: VehicleIndex(v), route: route, day, geometry, built, types) else { continue }
            runs.append(run)
            for stop in run.stops {
                for item in orders[stop.orderID]?.items ?? [] {
                    reservations[DepotSKU(depotID: run.depotID, sku: item.sku), default: 0] += item.quantity
                }
            }
        }
        var unassigned = geometry.rejected.map { UnassignedOrder(orderID: day.order($0.order).id, reason: $0.reason) }
        for job in solution.unassigned {
            let order = day.order(built.order(of: job))
            let reason: String
            if let forced = forcedOut[built.order(of: job)] {
                reason = forced
            } else if problem.job(job).allowedDepots?.isEmpty == true {
                reason = "no depot has all its items in stock (\(order.items.map { "\($0.sku)×\($0.quantity)" }.joined(separator: ", ")))"
            } else {
                reason = UnassignedReason(job: job, in: problem).dispatcherText(depotIDs: day.depots.map(\.id))
            }
            unassigned.append(UnassignedOrder(orderID: order.id, reason: reason))
        }
        unassigned.sort { $0.orderID < $1.orderID }
        let reserved = reservations.sorted { $0.key < $1.key }.map { key, quantity in
            StockReservation(depotID: key.depotID, sku: key.sku, quantity: quantity)
        }
        return DayPlan(
            date: day.date, runs: runs, unassigned: unassigned, unusableVehicles: built.unusableVehicles, reservations: reserved,
            seed: seed, solverSeconds: solverSeconds, checked: check.isFeasible
        )
    }

    /// One vehicle's run as people read it: times from the schedule (leaving as late as helps), loads, cost in
    /// cents, CO₂, and the path along the roads.
    private func makeRun(
        vehicle v: VehicleIndex, route: [JobIndex], _ day: DispatchDay, _ geometry: DayGeometry, _ built: DayProblem,
        _ types: [String: VehicleType]
    ) -> DayPlan.Run? {
        let problem = built.problem
        let vehicle = problem.vehicle(v)
        let fleet = day.vehicle(built.fleetVehicle(of: v))
        // DayProblem made a vehicle only for a fleet vehicle with a known type, based at two depots.
        guard let type = types[fleet.typeID], let startDepot = geometry.depot(at: vehicle.startLocation),
            let endDepot = geometry.depot(at: vehicle.endLocation),
            let schedule = RouteSchedule(route: route, vehicle: vehicle, problem: problem, leavingAsLateAsHelps: true) else { return nil }
        var stops: [DayPlan.Stop] = []
        var previous = vehicle.startLocation
        var load = Load(grams: 0, millilitres: 0, parcels: 0)
        for visit in schedule.visits {
            let job = problem.job(visit.job)
            let order = day.order(built.order(of: visit.job))
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
        let service = schedule.visits.reduce(Int64(0)) { $0 + problem.job($1.job).service }
        let breakSeconds = schedule.breaks.reduce(Int64(0)) { $0 + vehicle.breaks[$1.index].duration }
        let waiting = schedule.end - schedule.departure - schedule.travelTime - service - breakSeconds
        // Every stop is placed on the vehicle's network: its matrix entries were reachable.
        let placed = geometry.positions[built.network(of: vehicle)]
        let path = [vehicle.startLocation] + route.map { problem.job($0).location } + [vehicle.endLocation]
        let roads = networks[built.network(of: vehicle)].engine.route(through: path.compactMap { placed[$0.position] })?.geometry ?? []
        let costUnits = vehicle.fixedCost + schedule.travelCost
        var run = DayPlan.Run(
            vehicleID: fleet.id, typeID: fleet.typeID, carrierID: fleet.carrierID, driver: fleet.driver,
            depotID: day.depot(startDepot).id, endDepotID: day.depot(endDepot).id,
            loadingStart: TimeOfDay(seconds: Int(schedule.loadingStart)), departure: TimeOfDay(seconds: Int(schedule.departure)),
            end: TimeOfDay(seconds: Int(schedule.end)), stops: stops,
            breaks: schedule.breaks.map { DayPlan.Break(afterStops: $0.afterVisits, start: TimeOfDay(seconds: Int($0.start)),
                                                        minutes: Int(vehicle.breaks[$0.index].duration / 60)) },
            metres: schedule.distance, driveSeconds: schedule.travelTime, serviceSeconds: service, waitSeconds: waiting,
            cost: Cents((costUnits + DayProblem.costUnitsPerCent / 2) / DayProblem.costUnitsPerCent), load: load,
            capacity: type.capacity, co2Grams: type.wellToWheelGrams(metres: schedule.distance), geometry: roads
        )
        // With a rate card the run costs what the carrier charges for it.
        if let card = day.rateCard(for: fleet) { run.cost = card.charge(RunMeasures(run: run, day: day)).total }
        return run
    }
}
