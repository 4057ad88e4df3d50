import Foundation
import LastMileCore
import LastMileDomain
import LastMileGeo
import LastMileGraph
import LastMileLive
import LastMileModel
import LastMileSampleTown
@testable import LastMileService
import LastMileTestSupport
import Testing

/// The day simulator: a plan executed on free-flow roads keeps its promises; traffic costs time; on random
/// days, with noise, disturbances and a re-router (a test one and the live loop), no stop is served twice,
/// time never runs backwards, no load goes negative, and a seed repeats the day.
@Suite struct DaySimulatorTests {
    let date = "2026-11-23"

    // MARK: The demo day on the sample town

    @Test func aPlanOnFreeFlowRoadsArrivesNoLaterThanPlannedAndServesEveryStop() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lastmile-sim-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = DemoDay(folder: folder.path, date: date, orderCount: 40, map: nil, area: .sampleTown,
                           settings: PlanningSettings(seed: 3, timeLimit: 60, iterations: 800, threads: 1))
        _ = try demo.run()
        let service = try LastMileService.build(.init(databasePath: demo.databasePath, createsDatabase: false))
        let roads = try RoadNetworks.load(map: folder.appendingPathComponent("sample-town.osm.pbf").path)
        let plan = try service.storedPlan(date: date)
        let freeFlow = try RoadConditions.load(day: date, trafficFile: nil, closuresFile: nil)
        let report = try service.simulate(date: date, roads: roads, conditions: freeFlow, noise: .none)

        let planned = plan.runs.flatMap(\.stops)
        #expect(report.total.stopsServed == planned.count && report.total.lateStops == 0 && report.total.failedAttempts == 0)
        for run in report.runs {
            for visit in run.visits {
                let plannedArrival = try #require(visit.plannedArrival)
                #expect(visit.arrival <= plannedArrival, "\(run.vehicleID) \(visit.orderID)")
            }
        }
        let plannedMetres = plan.runs.reduce(Int64(0)) { $0 + $1.metres }
        #expect(abs(report.total.metres - plannedMetres) * 100 <= plannedMetres, "simulated \(report.total.metres) m, planned \(plannedMetres) m")
        #expect(Set(report.unserved.map(\.orderID)) == Set(plan.unassigned.map(\.orderID)))
        #expect(try service.simulate(date: date, roads: roads, conditions: freeFlow, noise: .none) == report)

        // The default urban profile slows the morning: more driving, the same stops.
        let traffic = try RoadConditions.load(day: date, trafficFile: SharedData.repositoryRoot.appendingPathComponent("profiles/traffic-urban-default.csv").path,
                                              closuresFile: nil)
        let busy = try service.simulate(date: date, roads: roads, conditions: traffic, noise: .none)
        #expect(busy.total.driveSeconds > report.total.driveSeconds && busy.total.stopsServed == report.total.stopsServed)

        // Noise is seeded: the same seed gives the same day, another seed another.
        let noisy = try service.simulate(date: date, roads: roads, conditions: freeFlow, noise: SimulationNoise(level: 0.2, seed: 5))
        #expect(try service.simulate(date: date, roads: roads, conditions: freeFlow, noise: SimulationNoise(level: 0.2, seed: 5)) == noisy)
        #expect(noisy.total.driveSeconds != report.total.driveSeconds)
        try expectInvariants(noisy, plan: plan, seed: 5)
    }

    // MARK: Random days

    @Test(arguments: 1...40 as ClosedRange<UInt64>)
    func randomDaysKeepTheInvariants(seed: UInt64) throws {
        let (plan, day, roads) = Self.randomDay(seed: seed)
        let simulator = DaySimulator(plan: plan, day: day, roads: roads, noise: SimulationNoise(level: 0.3, seed: seed))
        let disturbances = DisturbanceGenerator(delaysPerRun: 2, breakdowns: 1, absentPercent: 20, newOrderPercent: 20)
            .generate(plan: plan, day: day, seed: seed)
        let liveLoop = SimulationPolicy.liveLoop(LiveReoptimiser(settings: .init(iterations: 20, millisecondCap: nil, seed: seed)), on: roads)
        for policy in [SimulationPolicy.keepingThePlan, .rerouting(name: "test", Self.roundRobin), liveLoop] {
            let quiet = try simulator.run(policy: policy)
            try expectInvariants(quiet, plan: plan, seed: seed)
            // The live loop also serves the plan's unassigned orders when a vehicle can take them after all.
            let planned = plan.runs.reduce(0) { $0 + $1.stops.count }
            #expect(policy.reroutesCompletions ? (planned...(planned + plan.unassigned.count)).contains(quiet.total.stopsServed)
                : quiet.total.stopsServed == planned, "\(policy.name), seed \(seed): \(quiet.total.stopsServed) of \(planned) + \(plan.unassigned.count)")
            let disturbed = try simulator.run(disturbances: disturbances, policy: policy)
            try expectInvariants(disturbed, plan: plan, newOrders: disturbances, seed: seed)
            #expect(disturbed.disturbancesApplied + disturbed.disturbancesSkipped == disturbances.events.count, "seed \(seed)")
            #expect(try simulator.run(disturbances: disturbances, policy: policy) == disturbed, "\(policy.name) repeats (seed \(seed))")
        }
    }

    @Test func keepingThePlanLeavesABrokenDownVehiclesStopsAndNewOrdersUnserved() throws {
        let (plan, day, roads) = Self.randomDay(seed: 99)
        let run = try #require(plan.runs.first { $0.stops.count >= 3 })
        let breakdown = LiveEvent(key: "b", at: run.departure.adding(seconds: 1), kind: .breakdown(vehicleID: run.vehicleID, coordinate: nil))
        let order = day.orders[0]
        let newOrder = LiveEvent(key: "n", at: run.departure, kind: .newOrder(LiveOrder(
            id: "LATE-1", customer: "late", coordinate: order.coordinate, windowStart: run.departure, windowEnd: run.departure.adding(seconds: 7200),
            serviceSeconds: 60, load: order.load)))
        let disturbances = DayDisturbances(events: [breakdown, newOrder], absent: [:])
        let simulator = DaySimulator(plan: plan, day: day, roads: roads)
        let kept = try simulator.run(disturbances: disturbances)
        let unserved = Set(kept.unserved.map(\.orderID))
        #expect(unserved.isSuperset(of: run.stops.map(\.orderID) + ["LATE-1"]))
        #expect(kept.runs.first { $0.vehicleID == run.vehicleID }.map { $0.ending == .brokenDown && $0.visits.isEmpty } == true)
        #expect(kept.stability.reroutes == 0 && kept.disturbancesApplied == 2)

        let rerouted = try simulator.run(disturbances: disturbances, policy: .rerouting(name: "test", Self.roundRobin))
        let stillUnserved = Set(rerouted.unserved.map(\.orderID)).intersection(run.stops.map(\.orderID) + ["LATE-1"])
        #expect(stillUnserved.isEmpty || plan.runs.count == 1)
        #expect(rerouted.stability.reroutes == 2)
        try expectInvariants(rerouted, plan: plan, newOrders: disturbances, seed: 99)
    }

    @Test func stabilityCountsTheStopsARerouteMoves() throws {
        let (plan, day, roads) = Self.randomDay(seed: 99)
        let run = try #require(plan.runs.first { $0.stops.count >= 3 })
        let delay = LiveEvent(key: "d", at: run.departure.adding(seconds: 1), kind: .delay(vehicleID: run.vehicleID, minutes: 10, reason: "test"))
        let simulator = DaySimulator(plan: plan, day: day, roads: roads)
        let report = try simulator.run(disturbances: DayDisturbances(events: [delay], absent: [:]), policy: .rerouting(name: "test", Self.roundRobin))
        // The vehicle drives to its first stop; the re-router swaps its first two stops: those two and the third
        // (after another stop now) changed place, of all planned stops.
        let remaining = plan.runs.reduce(0) { $0 + $1.stops.count }
        #expect(report.stability.reroutes == 1 && report.stability.changedStops == 3)
        #expect(abs(report.stability.meanChangedShare - 3.0 / Double(remaining)) < 1e-9)
        #expect(report.runs.first { $0.vehicleID == run.vehicleID }?.visits.prefix(2).map(\.orderID) == run.stops.prefix(2).map(\.orderID))
    }

    @Test func heavyRainLengthensEveryServiceBy15Percent() throws {
        let (plan, day, roads) = Self.randomDay(seed: 12)
        let corners = [(409_000_000, -87_000_000), (413_000_000, -87_000_000), (413_000_000, -85_000_000), (409_000_000, -85_000_000),
                       (409_000_000, -87_000_000)].map { Coordinate(latitudeE7: Int32($0.0), longitudeE7: Int32($0.1)) }
        let rain = WeatherEvent(kind: .heavyRain, area: try #require(GeoPolygon(rings: [corners])), span: LocalMinute(0)..<LocalMinute(2880))
        let wet = SimulationRoads(places: roads.places, car: roads.car, bike: nil, weather: [rain], midnight: LocalMinute(0))
        let report = try DaySimulator(plan: plan, day: day, roads: wet).run()
        let service = Dictionary(uniqueKeysWithValues: day.orders.map { ($0.id, $0.serviceSeconds) })
        let visits = report.runs.flatMap(\.visits)
        #expect(!visits.isEmpty)
        for visit in visits {
            #expect(visit.departure.seconds - visit.serviceStart.seconds == Int((Double(service[visit.orderID]!) * 1.15).rounded()), "\(visit.orderID) at \(visit.serviceStart.withSeconds)")
        }
    }

    @Test func stabilityCountsStopsThatChangedVehicleOrPredecessor() {
        let before = [["a", "b", "c", "d"], ["e", "f"]]
        #expect(SimulationRun.changedStops(from: before, to: before) == 0)
        #expect(SimulationRun.changedStops(from: before, to: [["a", "x", "b", "c", "d"], ["e", "f"]]) == 0)  // an insertion moves nothing
        #expect(SimulationRun.changedStops(from: before, to: [["a", "c", "d"], ["e", "f", "b"]]) == 1)  // b changed vehicle
        #expect(SimulationRun.changedStops(from: before, to: [["c", "b", "a", "d"], ["e", "f"]]) == 4)  // a reversal moves a, b, c and d
        #expect(SimulationRun.changedStops(from: before, to: [["a", "b", "c"], []]) == 3)  // d left its vehicle, e and f every sequence
    }

    @Test func noiseHasMeanOneAndDependsOnlyOnItsKey() {
        let noise = SimulationNoise(level: 0.1, seed: 42)
        let factors = (0..<10_000).map { noise.travelFactor(from: $0 % 100, to: $0 / 100) }
        let mean = factors.reduce(0, +) / Double(factors.count)
        let deviation = (factors.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(factors.count)).squareRoot()
        #expect(abs(mean - 1) < 0.005 && abs(deviation - 0.1) < 0.01, "mean \(mean), deviation \(deviation) (seed 42)")
        #expect(noise.travelFactor(from: 3, to: 7) == factors[703] && noise.travelFactor(from: 7, to: 3) != factors[703])
        #expect(noise.serviceFactor(orderID: "O-1", attempt: 1) == SimulationNoise(level: 0.1, seed: 42).serviceFactor(orderID: "O-1", attempt: 1))
        #expect(noise.serviceFactor(orderID: "O-1", attempt: 1) != noise.serviceFactor(orderID: "O-1", attempt: 2))
        #expect(SimulationNoise.none.travelFactor(from: 1, to: 2) == 1)
    }

    @Test func disturbancesAreSeededSortedAndCountedAsAsked() throws {
        let (plan, day, _) = Self.randomDay(seed: 5)
        let generator = DisturbanceGenerator(delaysPerRun: 2, breakdowns: 1, absentPercent: 50, newOrderPercent: 20)
        let disturbances = generator.generate(plan: plan, day: day, seed: 5)
        #expect(generator.generate(plan: plan, day: day, seed: 5) == disturbances && generator.generate(plan: plan, day: day, seed: 6) != disturbances)
        #expect(zip(disturbances.events, disturbances.events.dropFirst()).allSatisfy { ($0.at, $0.key) < ($1.at, $1.key) })
        let runs = plan.runs.count, stops = plan.runs.reduce(0) { $0 + $1.stops.count }
        var delays = 0, breakdowns = 0, newOrders = 0
        for event in disturbances.events {
            switch event.kind {
            case .delay: delays += 1
            case .breakdown: breakdowns += 1
            case .newOrder: newOrders += 1
            default: Issue.record("unexpected \(event)")
            }
        }
        #expect(delays == 2 * runs && breakdowns == min(1, runs) && newOrders == stops * 20 / 100)
        #expect(Set(disturbances.absent.keys).isSubset(of: plan.runs.flatMap { $0.stops.map(\.orderID) }) && !disturbances.absent.isEmpty)
        #expect(disturbances.summary == "\(delays) delays, \(breakdowns) breakdown\(breakdowns == 1 ? "" : "s"), \(newOrders) new order\(newOrders == 1 ? "" : "s"), \(disturbances.absent.count) absent customer\(disturbances.absent.count == 1 ? "" : "s")")
    }

    // MARK: Helpers

    /// A test live-loop step: applies the event, then open orders go to the running vehicle with the fewest
    /// remaining stops and the vehicle the event is about swaps its next two stops (so places change).
    static let roundRobin: SimulationPolicy.Reroute = { state, event in
        var state = try state.apply(event).state
        let running = state.vehicles.indices.filter { state.vehicles[$0].status == .running }
        guard !running.isEmpty else { return state }
        for open in state.openOrders {
            let target = running.min { (state.vehicles[$0].remaining.count, $0) < (state.vehicles[$1].remaining.count, $1) }!
            state.vehicles[target].remaining.append(LiveStop(order: open.order, legSeconds: 0, eta: state.clock))
        }
        state.openOrders.removeAll()
        if let vehicleID = event.vehicleID, let index = running.first(where: { state.vehicles[$0].vehicleID == vehicleID }),
            state.vehicles[index].remaining.count >= 2 {
            state.vehicles[index].remaining.swapAt(0, 1)
        }
        return state
    }

    /// No order delivered twice; per run, time never runs backwards (start ≤ departure ≤ arrival ≤ service
    /// start ≤ leaving ≤ next arrival ≤ end); nothing on board below zero; every order delivered or unserved.
    func expectInvariants(_ report: SimulationReport, plan: StoredPlan, newOrders: DayDisturbances = .none, seed: UInt64) throws {
        let delivered = report.runs.flatMap { $0.visits.filter { $0.outcome == .delivered }.map(\.orderID) }
        #expect(Set(delivered).count == delivered.count, "an order was delivered twice (seed \(seed))")
        for run in report.runs {
            var clock = run.departure
            #expect(run.start <= run.departure, "seed \(seed)")
            for visit in run.visits {
                #expect(clock <= visit.arrival && visit.arrival <= visit.serviceStart && visit.serviceStart <= visit.departure,
                        "time ran backwards on \(run.vehicleID) at \(visit.orderID) (seed \(seed))")
                #expect(visit.onBoardGrams >= 0 && visit.onBoardMillilitres >= 0 && visit.onBoardParcels >= 0, "negative load (seed \(seed))")
                clock = visit.departure
            }
            #expect(clock <= run.end || run.ending == .brokenDown, "seed \(seed)")
        }
        let all = Set(plan.runs.flatMap { $0.stops.map(\.orderID) } + plan.unassigned.map(\.orderID) + newOrders.events.compactMap {
            if case .newOrder(let order) = $0.kind { order.id } else { nil }
        })
        let unserved = Set(report.unserved.map(\.orderID))
        #expect(unserved.isDisjoint(with: delivered) && unserved.union(delivered) == all, "seed \(seed)")
        #expect(report.total.stopsServed == delivered.count, "seed \(seed)")
    }

    /// A random day without a map: 1–2 depots, 8–30 orders, 1–4 vehicles (vans and cargo bikes, some with a
    /// break), a random plan over them, and random time-dependent travel between the places (06:00–22:00).
    static func randomDay(seed: UInt64) -> (StoredPlan, DispatchDay, SimulationRoads) {
        var random = SplitMix64(seed: seed)
        let date = "2026-11-23"
        let depotCount = Int.random(in: 1...2, using: &random), orderCount = Int.random(in: 8...30, using: &random)
        let places = (0..<(depotCount + orderCount)).map { Coordinate(latitudeE7: 411_000_000 + Int32($0) * 1000, longitudeE7: -86_000_000) }
        let depots = (0..<depotCount).map { k in
            DepotSite(id: "D\(k)", name: "depot \(k)", kind: .darkStore, coordinate: places[k], opens: TimeOfDay(hours: 6), closes: TimeOfDay(hours: 22),
                      loadingSeconds: 600, stock: [:])
        }
        let types = [
            VehicleType(id: "van", name: "van", mode: .car, capacity: Load(grams: 10_000_000, millilitres: 10_000_000, parcels: 1000), fixedCost: .zero,
                        centsPerKilometre: 30, centsPerHour: 2000, co2GramsPerKilometre: 150, speedFactor: 1),
            VehicleType(id: "bike", name: "bike", mode: .bike, capacity: Load(grams: 10_000_000, millilitres: 10_000_000, parcels: 1000), fixedCost: .zero,
                        centsPerKilometre: 5, centsPerHour: 1800, co2GramsPerKilometre: 0, speedFactor: 0.8),
        ]
        let vehicles = (0..<Int.random(in: 1...4, using: &random)).map { k in
            FleetVehicle(id: "V\(k)", typeID: Bool.random(using: &random) ? "van" : "bike", depotID: "D\(k % depotCount)", carrierID: "C", driver: "driver \(k)",
                         shiftStart: TimeOfDay(hours: 7), shiftEnd: TimeOfDay(hours: 15),
                         driverBreak: Bool.random(using: &random) ? DriverBreakRule(earliest: TimeOfDay(hours: 11), latest: TimeOfDay(hours: 14), minutes: 30) : nil)
        }
        let orders = (0..<orderCount).map { k in
            let start = Int.random(in: 7 * 60...14 * 60, using: &random)
            return Order(id: "O\(k)", date: date, customer: "customer \(k)", coordinate: places[depotCount + k], items: [],
                         load: Load(grams: Int64.random(in: 100...20_000, using: &random), millilitres: Int64.random(in: 100...50_000, using: &random), parcels: 1),
                         windowStart: TimeOfDay(seconds: start * 60), windowEnd: TimeOfDay(seconds: (start + Int.random(in: 60...180, using: &random)) * 60),
                         serviceSeconds: Int.random(in: 60...300, using: &random), priority: 50)
        }
        var assigned = [[String]](repeating: [], count: vehicles.count)
        var unassigned: [UnassignedOrder] = []
        for order in orders.shuffled(using: &random) {
            if Int.random(in: 0..<10, using: &random) == 0 {
                unassigned.append(UnassignedOrder(orderID: order.id, reason: "left out"))
            } else {
                assigned[Int.random(in: 0..<vehicles.count, using: &random)].append(order.id)
            }
        }
        let runs = vehicles.indices.filter { !assigned[$0].isEmpty }.map { v in
            let departure = TimeOfDay(hours: 8).adding(seconds: Int.random(in: 0...3600, using: &random))
            let stops = assigned[v].enumerated().map { k, id in
                let arrival = departure.adding(seconds: (k + 1) * 900)
                return DayPlan.Stop(orderID: id, arrival: arrival, serviceStart: arrival, departure: arrival.adding(seconds: 300), metresFromPrevious: 1000)
            }
            let breaks = vehicles[v].driverBreak == nil ? [] : [DayPlan.Break(afterStops: stops.count / 2, start: TimeOfDay(hours: 11), minutes: 30)]
            return StoredPlan.Run(vehicleID: vehicles[v].id, driver: vehicles[v].driver, depotID: vehicles[v].depotID, endDepotID: vehicles[v].depotID,
                                  departure: departure, end: stops.last!.departure.adding(seconds: 900), metres: Int64(stops.count + 1) * 1000, cost: .zero,
                                  stops: stops, breaks: breaks)
        }
        let plan = StoredPlan(version: PlanVersion(id: 1, date: date, version: 1, status: "active", cost: .zero, routes: runs.count,
                                                   stops: runs.reduce(0) { $0 + $1.stops.count }, unassigned: unassigned.count),
                              seed: seed, checked: true, runs: runs, unassigned: unassigned.sorted { $0.orderID < $1.orderID })
        let day = DispatchDay(date: date, depots: depots, vehicleTypes: types, vehicles: vehicles, carriers: [Carrier(id: "C", name: "carrier")], orders: orders)
        var builder = TimeDependentTravel.Builder(locationCount: places.count, firstBreakpoint: 6 * 3600 + 450, interval: 900, sliceCount: 64)
        for from in places.indices {
            for to in places.indices {
                let base = from == to ? 0 : Int.random(in: 60...900, using: &random)
                for slice in 0..<64 {
                    builder.set(from == to ? 0 : base + Int.random(in: 0...600, using: &random), pair: from * places.count + to, slice: slice)
                }
            }
        }
        let metres = places.indices.flatMap { from in places.indices.map { to in from == to ? 0 : 200 + abs(from - to) * 300 } }
        builder.setMeters { metres[$0] }
        let roads = SimulationRoads(places: places, car: builder.build(), bike: nil, midnight: LocalMinute(0))
        return (plan, day, roads)
    }
}
