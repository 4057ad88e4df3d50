import LastMileCore
import LastMileDomain
import LastMileLive
import LastMileTestSupport
import Testing

/// A day spread over a few kilometres for the re-optimiser (straight-line travel at 30 km/h): V1 serves
/// P1…P6, V2 serves Q1…Q4, both from the depot at the south-west corner; windows wide enough for anything.
enum SpreadDay {
    static func time(_ text: String) -> TimeOfDay { TimeOfDay(parsing: text)! }

    static func place(_ k: Int) -> Coordinate {
        Coordinate(latitudeE7: 470_000_000 + Int32(k % 4) * 40_000, longitudeE7: 80_000_000 + Int32(k / 4) * 50_000)
    }

    static let v1 = ["P1", "P2", "P3", "P4", "P5", "P6"]
    static let v2 = ["Q1", "Q2", "Q3", "Q4"]

    static let orders = (v1 + v2).enumerated().map { k, id in
        Order(id: id, date: "2026-11-23", customer: "customer \(id)", coordinate: place(k + 1), items: [],
              load: Load(grams: 1000, millilitres: 2000, parcels: 1), windowStart: time("08:00"), windowEnd: time("16:00"),
              serviceSeconds: 120, priority: 50)
    }

    /// `ids` planned 10 minutes apart from `departure` (the live state re-times them with the first reroute).
    static func run(_ vehicle: String, _ ids: [String]) -> StoredPlan.Run {
        let stops = ids.enumerated().map { k, id in
            let arrival = time("08:00").adding(seconds: 600 * (k + 1))
            return DayPlan.Stop(orderID: id, arrival: arrival, serviceStart: arrival, departure: arrival.adding(seconds: 120), metresFromPrevious: 0)
        }
        return StoredPlan.Run(vehicleID: vehicle, driver: "driver \(vehicle)", depotID: "D1", endDepotID: "D1", departure: time("08:00"),
                              end: time("08:00").adding(seconds: 600 * (ids.count + 1)), metres: 0, cost: Cents(0), stops: stops, breaks: [])
    }

    /// The day, optionally with both vans carrying at most `parcels` parcels.
    static func state(v1 order1: [String] = v1, v2 order2: [String] = v2, parcels: Int64? = nil) -> LiveState {
        let plan = StoredPlan(
            version: PlanVersion(id: 1, date: "2026-11-23", version: 1, status: "active", cost: Cents(0), routes: 2, stops: 10, unassigned: 0),
            seed: 1, checked: true, runs: [run("V1", order1), run("V2", order2)], unassigned: [])
        let day = DispatchDay(
            date: "2026-11-23", depots: [DepotSite(id: "D1", name: "depot", kind: .darkStore, coordinate: place(0), opens: time("06:00"),
                                                   closes: time("22:00"), loadingSeconds: 0, stock: [:])],
            vehicleTypes: parcels.map { [VehicleType(id: "van", name: "van", mode: .car, capacity: Load(grams: 1_000_000, millilitres: 1_000_000, parcels: $0),
                                                     fixedCost: Cents(0), centsPerKilometre: 0, centsPerHour: 0, co2GramsPerKilometre: 0, speedFactor: 1)] } ?? [],
            vehicles: parcels == nil ? [] : ["V1", "V2"].map {
                FleetVehicle(id: $0, typeID: "van", depotID: "D1", carrierID: "own", driver: "driver \($0)", shiftStart: time("08:00"), shiftEnd: time("18:00"))
            },
            carriers: [], orders: orders)
        return LiveState(plan: plan, day: day)
    }

    static func travel(_ places: LivePlaces) -> LiveTravelTimes { LiveTravelTimes(straightLineBetween: places.all, metresPerSecond: 30 / 3.6) }
}

@Suite struct LiveReoptimiserTests {
    let reoptimiser = LiveReoptimiser(settings: .init(iterations: 60, millisecondCap: nil))

    func event(_ key: String, _ at: String, _ kind: LiveEvent.Kind) -> LiveEvent { LiveEvent(key: key, at: SpreadDay.time(at), kind: kind) }

    /// Every order of the state where it is: remaining, current, open (each at most once among them).
    func placedOrders(_ state: LiveState) -> [String] {
        state.vehicles.flatMap { ($0.current.map { [$0] } ?? []) + $0.remaining }.map(\.order.id) + state.openOrders.map(\.order.id)
    }

    @Test func aBreakdownReassignsEveryStopToARunningVehicle() throws {
        let start = SpreadDay.state()
        let step = try reoptimiser.step(start, event("b1", "08:05", .breakdown(vehicleID: "V1", coordinate: nil)), travel: SpreadDay.travel)
        let v2 = step.state.vehicles[1]
        #expect(step.state.openOrders.isEmpty)
        #expect(Set(v2.remaining.map(\.order.id)) == Set(SpreadDay.v1 + SpreadDay.v2))
        #expect(step.state.vehicles[0].remaining.isEmpty)
        #expect(step.actions.contains { if case .rerouted(let vehicles, _, _) = $0 { vehicles == ["V2"] } else { false } })
    }

    @Test func aBreakdownWithNoVehicleLeftSaysWhyForEveryStop() throws {
        let first = try reoptimiser.step(SpreadDay.state(), event("b1", "08:05", .breakdown(vehicleID: "V1", coordinate: nil)), travel: SpreadDay.travel)
        let second = try reoptimiser.step(first.state, event("b2", "08:06", .breakdown(vehicleID: "V2", coordinate: nil)), travel: SpreadDay.travel)
        let reasons = second.actions.compactMap { action -> String? in
            if case .cannotServe(let order, let reason) = action { return "\(order): \(reason)" }
            return nil
        }
        #expect(reasons.count == 10)
        #expect(reasons.first == "P1: no vehicle is running")
        #expect(second.state.openOrders.count == 10)
    }

    /// V2 carries at most 5 parcels and has 4: after V1's breakdown it takes one of V1's six stops; the five
    /// others stay open, each with the reason, once.
    @Test func aBreakdownSaysWhyForTheStopsNoVehicleHasRoomFor() throws {
        let step = try reoptimiser.step(SpreadDay.state(parcels: 5), event("b1", "08:05", .breakdown(vehicleID: "V1", coordinate: nil)),
                                        travel: SpreadDay.travel)
        let v2 = step.state.vehicles[1]
        #expect(v2.remaining.count == 5 && v2.load.parcels == 5)
        #expect(step.state.openOrders.count == 5)
        #expect(step.state.openOrders.allSatisfy { $0.reason == "no running vehicle has room for it or reaches it before its shift ends and within 60 min of its window" })
        let cannot = step.actions.filter { if case .cannotServe = $0 { true } else { false } }
        #expect(cannot.count == 5)
        let next = try reoptimiser.step(step.state, event("d1", "08:06", .delay(vehicleID: "V2", minutes: 1, reason: "")), travel: SpreadDay.travel)
        #expect(!next.actions.contains { if case .cannotServe = $0 { true } else { false } }, "reported once")
        #expect(next.state.openOrders.count == 5)
    }

    /// The plan's V1 zigzags; with a stability cost beyond any gain the sequences stay, without one they change.
    @Test func theStabilityRuleKeepsSequencesUnlessTheGainPassesTheThreshold() throws {
        let zigzag = ["P1", "P6", "P2", "P5", "P3", "P4"]
        let start = SpreadDay.state(v1: zigzag)
        let delay = event("d1", "08:05", .delay(vehicleID: "V2", minutes: 5, reason: "traffic"))
        var sticky = reoptimiser
        sticky.settings.secondsPerChangedStop = 1_000_000
        let kept = try sticky.step(start, delay, travel: SpreadDay.travel)
        #expect(kept.reroute.changedStops == 0 && kept.reroute.gainSeconds == 0)
        #expect(kept.state.vehicles[0].remaining.map(\.order.id) == zigzag)

        var eager = reoptimiser
        (eager.settings.secondsPerChangedStop, eager.settings.minimumGainSeconds) = (0, 0)
        let changed = try eager.step(start, delay, travel: SpreadDay.travel)
        #expect(changed.reroute.changedStops > 0 && changed.reroute.gainSeconds > 0)
        #expect(changed.state.vehicles[0].remaining.map(\.order.id) != zigzag)
        #expect(changed.state.vehicles[0].endETA < kept.state.vehicles[0].endETA)
    }

    /// With one vehicle per event, a delay of V2 re-optimises V2 only: V1's zigzag stays although it would pay.
    @Test func anEventReoptimisesOnlyItsVehiclesNeighbourhood() throws {
        let zigzag = ["P1", "P6", "P2", "P5", "P3", "P4"]
        var local = reoptimiser
        (local.settings.secondsPerChangedStop, local.settings.minimumGainSeconds, local.settings.vehiclesPerEvent) = (0, 0, 1)
        let start = SpreadDay.state(v1: zigzag)
        #expect(local.scope(of: start, vehicle: "V2", focus: SpreadDay.place(0)).vehicles == [1])
        #expect(local.scope(of: start, vehicle: nil, focus: SpreadDay.place(0)).vehicles == [0])
        #expect(local.scope(of: start).vehicles == [0, 1])
        let step = try local.step(start, event("d1", "08:05", .delay(vehicleID: "V2", minutes: 5, reason: "")), travel: SpreadDay.travel)
        #expect(step.state.vehicles[0].remaining.map(\.order.id) == zigzag)
        #expect(step.reroute.routes.map(\.vehicle).allSatisfy { $0 == "V2" })
    }

    /// Seeded random days through the loop's step: the frozen prefix never changes, time never runs backwards,
    /// no order is in two places, and the log (event + recorded reroute) replays to the same state.
    @Test(arguments: [UInt64(1), 2, 3])
    func randomDaysKeepTheInvariantsAndReplayExactly(seed: UInt64) throws {
        var random = RandomLiveEvents(seed: seed, prefix: "r")
        let start = SpreadDay.state()
        var state = start
        var log: [(LiveEvent, LiveReroute)] = []
        while log.count < 40 {
            let event = random.next(for: state)
            guard let step = try? reoptimiser.step(state, event, travel: SpreadDay.travel) else { continue }
            for (before, after) in zip(state.vehicles, step.state.vehicles) {
                #expect(Array(after.executed.prefix(before.executed.count)) == before.executed, "seed \(seed), \(event.key)")
                #expect(after.time >= before.time, "seed \(seed), \(event.key)")
                #expect(after.load.grams >= 0, "seed \(seed), \(event.key)")
                if before.current != nil, after.current != nil { #expect(after.current?.order.id == before.current?.order.id) }
            }
            let placed = placedOrders(step.state)
            #expect(placed.count == Set(placed).count, "seed \(seed): an order is in two places after \(event.key)")
            state = step.state
            log.append((event, step.reroute))
        }
        var replayed = start
        for (event, reroute) in log { replayed = try replayed.apply(event).state.adopting(reroute) }
        #expect(replayed == state, "seed \(seed)")
    }

    @Test func aRerouteThatDoesNotBelongToTheStateIsRefused() throws {
        let foreign = LiveReroute(routes: [.init(vehicle: "V1", start: 28_800, stops: [.init(order: "NOPE", seconds: 60)], endLegSeconds: 60)],
                                  unplaced: [], changedStops: 0, stops: 0, gainSeconds: 0, iterations: 0)
        #expect(throws: LiveEventRejection.self) { try SpreadDay.state().adopting(foreign) }
    }
}

