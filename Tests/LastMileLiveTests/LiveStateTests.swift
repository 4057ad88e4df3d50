import Foundation
import LastMileCore
import LastMileDomain
import LastMileLive
import Testing

/// A hand-checkable day: V1 leaves at 08:00 for A (window 08:00–09:00), B (09:00–10:00, 35 min of waiting
/// planned) and C (09:00–09:20), 5 min service each, back at 09:40; V2 serves D (08:00–12:00).
enum SmallDay {
    static func time(_ text: String) -> TimeOfDay { TimeOfDay(parsing: text)! }

    static let orders = [
        order("A", "08:00", "09:00", grams: 1000), order("B", "09:00", "10:00", grams: 2000), order("C", "09:00", "09:20", grams: 4000),
        order("D", "08:00", "12:00", grams: 500), order("E", "08:00", "12:00", grams: 700),
    ]

    static func order(_ id: String, _ start: String, _ end: String, grams: Int64) -> Order {
        Order(id: id, date: "2026-11-23", customer: "customer \(id)", coordinate: Coordinate(latitudeE7: 470_000_000, longitudeE7: 80_000_000),
              items: [], load: Load(grams: grams, millilitres: grams * 2, parcels: 1), windowStart: time(start), windowEnd: time(end),
              serviceSeconds: id == "D" ? 120 : 300, priority: 50)
    }

    static func stop(_ id: String, _ arrival: String, _ start: String, _ departure: String) -> DayPlan.Stop {
        DayPlan.Stop(orderID: id, arrival: time(arrival), serviceStart: time(start), departure: time(departure), metresFromPrevious: 0)
    }

    static let plan = StoredPlan(
        version: PlanVersion(id: 1, date: "2026-11-23", version: 1, status: "active", cost: Cents(0), routes: 2, stops: 4, unassigned: 1),
        seed: 1, checked: true,
        runs: [
            StoredPlan.Run(vehicleID: "V1", driver: "ann", depotID: "D1", endDepotID: "D1", departure: time("08:00"), end: time("09:40"), metres: 0,
                           cost: Cents(0), stops: [stop("A", "08:10", "08:10", "08:15"), stop("B", "08:25", "09:00", "09:05"),
                                                   stop("C", "09:15", "09:15", "09:20")], breaks: []),
            StoredPlan.Run(vehicleID: "V2", driver: "bob", depotID: "D1", endDepotID: "D1", departure: time("08:00"), end: time("08:40"), metres: 0,
                           cost: Cents(0), stops: [stop("D", "08:20", "08:20", "08:22")], breaks: []),
        ],
        unassigned: [UnassignedOrder(orderID: "E", reason: "no vehicle left")])

    static let day = DispatchDay(
        date: "2026-11-23", depots: [DepotSite(id: "D1", name: "depot", kind: .darkStore, coordinate: Coordinate(latitudeE7: 470_100_000, longitudeE7: 80_100_000),
                                               opens: time("06:00"), closes: time("22:00"), loadingSeconds: 0, stock: [:])],
        vehicleTypes: [], vehicles: [], carriers: [], orders: orders)

    static var state: LiveState { LiveState(plan: plan, day: day) }
}

@Suite struct LiveStateTests {
    typealias Kind = LiveEvent.Kind
    func time(_ text: String) -> TimeOfDay { SmallDay.time(text) }

    /// Applies `kinds` at `at` with keys k1, k2, … and returns the state and every action.
    func applying(_ events: [(String, Kind)], to start: LiveState = SmallDay.state) throws -> (LiveState, [LiveAction]) {
        var state = start
        var actions: [LiveAction] = []
        for (index, (at, kind)) in events.enumerated() {
            let step = try state.apply(LiveEvent(key: "k\(start.revision + index + 1)", at: time(at), kind: kind))
            state = step.state
            actions += step.actions
        }
        return (state, actions)
    }

    func etas(_ vehicle: LiveVehicle) -> [String] { vehicle.remaining.map { "\($0.order.id) \($0.eta.withSeconds) \($0.serviceStart.withSeconds)" } }

    @Test func theStartingStateIsThePlan() {
        let state = SmallDay.state
        let v1 = state.vehicles[0]
        #expect(state.revision == 0 && state.planVersion == 1 && state.vehicles.map(\.vehicleID) == ["V1", "V2"])
        #expect(etas(v1) == ["A 08:10:00 08:10:00", "B 08:25:00 09:00:00", "C 09:15:00 09:15:00"])
        #expect(v1.endETA == time("09:40") && v1.load == Load(grams: 7000, millilitres: 14000, parcels: 3))
        #expect(v1.position?.coordinate == SmallDay.day.depots[0].coordinate && v1.executed.isEmpty)
        #expect(state.openOrders.map(\.order.id) == ["E"] && state.atRisk.isEmpty)
    }

    @Test func waitingSlackAbsorbsADelayAndTheRestPutsWindowsAtRisk() throws {
        // 20 min: A later, B still waits for 09:00, C unchanged.
        let (absorbed, quiet) = try applying([("08:05", .delay(vehicleID: "V1", minutes: 20, reason: "traffic"))])
        #expect(etas(absorbed.vehicles[0]) == ["A 08:30:00 08:30:00", "B 08:45:00 09:00:00", "C 09:15:00 09:15:00"])
        #expect(quiet.isEmpty)
        // 45 min in all: B's 35 min of waiting are gone, C arrives 10 min late, 5 min after its window closes.
        let (late, actions) = try applying([("08:06", .delay(vehicleID: "V1", minutes: 25, reason: "accident"))], to: absorbed)
        #expect(etas(late.vehicles[0]) == ["A 08:55:00 08:55:00", "B 09:10:00 09:10:00", "C 09:25:00 09:25:00"])
        #expect(late.vehicles[0].endETA == time("09:50"))
        let risk = try #require(late.atRisk.first)
        #expect(actions == [.windowAtRisk(risk)] && late.atRisk.count == 1)
        #expect(risk.orderID == "C" && risk.customer == "customer C" && risk.reason == "ETA 09:25 after the window end 09:20")
    }

    @Test func arrivalsCompletionsAndFailuresMoveThePrefixAndTheLoad() throws {
        let (state, actions) = try applying([
            ("08:20", .arrived(vehicleID: "V1", orderID: "A")),
            ("08:24", .completed(vehicleID: "V1", orderID: "A")),
            ("09:01", .arrived(vehicleID: "V1", orderID: "B")),
            ("09:03", .failed(vehicleID: "V1", orderID: "B", reason: "customer absent", then: .reattempt)),
        ])
        let v1 = state.vehicles[0]
        #expect(v1.executed == [
            ExecutedStop(orderID: "A", arrival: time("08:20"), departure: time("08:24"), outcome: .delivered),
            ExecutedStop(orderID: "B", arrival: time("09:01"), departure: time("09:03"), outcome: .failed(reason: "customer absent", then: .reattempt)),
        ])
        // B goes again after C; its leg is the planned one until the re-optimiser routes it. C: 09:03 + 10 min.
        #expect(etas(v1) == ["C 09:13:00 09:13:00", "B 09:28:00 09:28:00"] && v1.remaining[1].attempt == 2)
        #expect(v1.load == Load(grams: 6000, millilitres: 12000, parcels: 2) && v1.time == time("09:03") && actions.isEmpty)

        let (returned, _) = try applying([("09:14", .arrived(vehicleID: "V1", orderID: "C")),
                                          ("09:15", .failed(vehicleID: "V1", orderID: "C", reason: "customer absent", then: .returnToDepot))], to: state)
        #expect(returned.vehicles[0].returning == ["C"] && returned.vehicles[0].load == v1.load)
        #expect(returned.vehicles[0].executed.prefix(2) == v1.executed[...])
    }

    @Test func aLateArrivalPutsItsOwnWindowAtRisk() throws {
        let (state, actions) = try applying([("09:10", .arrived(vehicleID: "V1", orderID: "A"))])
        let reasons = actions.compactMap { action -> String? in
            if case .windowAtRisk(let stop) = action { return "\(stop.orderID): \(stop.reason)" }
            return nil
        }
        #expect(reasons == ["A: ETA 09:10 after the window end 09:00", "C: ETA 09:40 after the window end 09:20"])
        #expect(state.vehicles[0].current?.order.id == "A")
    }

    @Test func breakdownsAndNewOrdersNeedAssignment() throws {
        let (state, actions) = try applying([
            ("08:12", .completed(vehicleID: "V1", orderID: "A")),
            ("08:30", .breakdown(vehicleID: "V1", coordinate: Coordinate(latitudeE7: 470_050_000, longitudeE7: 80_050_000))),
            ("08:31", .newOrder(LiveOrder(id: "N1", customer: "walk-in", coordinate: Coordinate(latitudeE7: 470_000_000, longitudeE7: 80_000_000),
                                         windowStart: time("10:00"), windowEnd: time("11:00"), serviceSeconds: 60,
                                         load: Load(grams: 10, millilitres: 10, parcels: 1)))),
        ])
        #expect(actions == [.needsAssignment(orderIDs: ["B", "C"], reason: "vehicle V1 broke down at 08:30"),
                            .needsAssignment(orderIDs: ["N1"], reason: "new order at 08:31")])
        #expect(state.openOrders.map(\.order.id) == ["E", "B", "C", "N1"])
        // The load at the breakdown point stays counted on the vehicle.
        #expect(state.vehicles[0].status == .brokenDown(at: time("08:30")) && state.vehicles[0].load.grams == 6000)
        #expect(state.vehicles[0].remaining.isEmpty && state.vehicles[0].current == nil)
        #expect(throws: LiveEventRejection(field: "vehicle", "vehicle V1 broke down at 08:30 and takes no more events",
                                           hint: "report its orders on the vehicle that takes them over")) {
            try state.apply(LiveEvent(key: "x", at: time("08:40"), kind: .delay(vehicleID: "V1", minutes: 5, reason: "")))
        }
    }

    @Test func cancellationsShiftsAndRoadConditions() throws {
        let closure = RoadCondition(kind: .closure, centre: Coordinate(latitudeE7: 470_000_000, longitudeE7: 80_000_000), radiusMetres: 100,
                                    from: time("08:05"), until: time("10:00"), speedPercent: 0, note: "works")
        let (state, actions) = try applying([
            ("08:05", .roadCondition(closure)),
            ("08:06", .cancelled(orderID: "B")),
            ("08:07", .cancelled(orderID: "E")),
            ("08:08", .shiftChange(vehicleID: "V2", driver: "cem", shiftEnd: time("12:00"))),
        ])
        #expect(actions == [.roadsChanged(closure)] && state.roadConditions == [closure] && state.cancelled == ["B", "E"])
        // C's leg now runs through B's place: 10 + 10 min after A's departure.
        #expect(etas(state.vehicles[0]) == ["A 08:10:00 08:10:00", "C 08:35:00 09:00:00"] && state.vehicles[0].returning == ["B"])
        #expect(state.openOrders.isEmpty && state.vehicles[1].driver == "cem" && state.vehicles[1].shiftEnd == time("12:00"))
        #expect(state.revision == 4 && state.clock == time("08:08"))
    }

    @Test func badEventsAreRejectedWithAReasonAndChangeNothing() throws {
        let (state, _) = try applying([("09:00", .completed(vehicleID: "V1", orderID: "A"))])
        let cases: [(Kind, String, String, String)] = [
            (.delay(vehicleID: "V9", minutes: 5, reason: ""), "09:00", "vehicle", "unknown vehicle 'V9': no run in version 1 of 2026-11-23"),
            (.arrived(vehicleID: "V1", orderID: "Z"), "09:00", "order", "unknown order 'Z' on 2026-11-23"),
            (.arrived(vehicleID: "V1", orderID: "D"), "09:00", "order", "order D is on vehicle V2, not V1"),
            (.completed(vehicleID: "V1", orderID: "A"), "09:01", "order", "order A was already completed at 09:00:00; a stop is completed once"),
            (.position(vehicleID: "V1", coordinate: Coordinate(latitudeE7: 0, longitudeE7: 0), headingDegrees: nil), "08:50", "at",
             "time 08:50:00 is 10 min before the live clock 09:00:00 (tolerance 5 min)"),
            (.cancelled(orderID: "A"), "09:00", "order", "order A was already served or is going back to the depot"),
        ]
        for (kind, at, field, message) in cases {
            var copy = state
            #expect { copy = try state.apply(LiveEvent(key: "bad", at: time(at), kind: kind)).state } throws: { error in
                let rejection = error as? LiveEventRejection
                return rejection?.field == field && rejection?.message == message && rejection?.hint.isEmpty == false
            }
            #expect(copy == state)
        }
        // Within the tolerance an event a little older than the clock applies; the vehicle's clock does not go back.
        let (tolerated, _) = try applying([("08:56", .position(vehicleID: "V1", coordinate: Coordinate(latitudeE7: 1, longitudeE7: 1), headingDegrees: 90))],
                                          to: state)
        #expect(tolerated.vehicles[0].time == time("09:00") && tolerated.clock == time("09:00"))
    }
}
