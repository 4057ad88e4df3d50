import LastMileCore
import LastMileDomain
import LastMileLive
import Testing

/// Drivers' breaks on the live day (issue 12): the plan's breaks stay in the remaining routes, the
/// re-optimiser schedules the ones not yet taken inside their windows, and a taken break is not planned again.
@Suite struct LiveBreakTests {
    let reoptimiser = LiveReoptimiser(settings: .init(iterations: 60, millisecondCap: nil))

    /// ``SpreadDay`` with a 30-minute break for V1 between P3 and P4 (rule: start 08:30–09:00): P1 08:10, P2
    /// 08:20, P3 08:30 (leaves 08:32), break 08:32–09:02, P4 09:10, P5 09:20, P6 09:30, back 09:40.
    static func state() -> LiveState {
        var run = SpreadDay.run("V1", SpreadDay.v1)
        run.stops = SpreadDay.v1.enumerated().map { k, id in
            let arrival = SpreadDay.time("08:10").adding(seconds: 600 * k + (k >= 3 ? 1800 : 0))
            return DayPlan.Stop(orderID: id, arrival: arrival, serviceStart: arrival, departure: arrival.adding(seconds: 120), metresFromPrevious: 0)
        }
        run.breaks = [DayPlan.Break(afterStops: 3, start: SpreadDay.time("08:32"), minutes: 30)]
        run.end = SpreadDay.time("09:40")
        let plan = StoredPlan(
            version: PlanVersion(id: 1, date: "2026-11-23", version: 1, status: "active", cost: Cents(0), routes: 2, stops: 10, unassigned: 0),
            seed: 1, checked: true, runs: [run, SpreadDay.run("V2", SpreadDay.v2)], unassigned: [])
        let rule = DriverBreakRule(earliest: SpreadDay.time("08:30"), latest: SpreadDay.time("09:00"), minutes: 30)
        let day = DispatchDay(
            date: "2026-11-23", depots: [DepotSite(id: "D1", name: "depot", kind: .darkStore, coordinate: SpreadDay.place(0), opens: SpreadDay.time("06:00"),
                                                   closes: SpreadDay.time("22:00"), loadingSeconds: 0, stock: [:])],
            vehicleTypes: [], vehicles: ["V1", "V2"].map {
                FleetVehicle(id: $0, typeID: "van", depotID: "D1", carrierID: "own", driver: "driver \($0)", shiftStart: SpreadDay.time("08:00"),
                             shiftEnd: SpreadDay.time("18:00"), driverBreak: $0 == "V1" ? rule : nil)
            },
            carriers: [], orders: SpreadDay.orders)
        return LiveState(plan: plan, day: day)
    }

    func event(_ key: String, _ at: String, _ kind: LiveEvent.Kind) -> LiveEvent { LiveEvent(key: key, at: SpreadDay.time(at), kind: kind) }

    /// `state` after V1 completed P1, P2 and P3, the first at `first` and each next `every` seconds later.
    static func completingP1ToP3(_ state: LiveState, from first: String, every seconds: Int) throws -> LiveState {
        var state = state
        for (k, id) in ["P1", "P2", "P3"].enumerated() {
            let at = SpreadDay.time(first).adding(seconds: seconds * k)
            state = try state.apply(LiveEvent(key: "c\(k)", at: at, kind: .completed(vehicleID: "V1", orderID: id))).state
        }
        return state
    }

    /// Seconds between leaving the stop before each pending break and arriving at the stop after it, less the leg.
    func breakGaps(_ vehicle: LiveVehicle) -> [Int] {
        vehicle.pendingBreaks.map { entry in
            let k = entry.pending.afterAttempts - vehicle.executed.count - (vehicle.current == nil ? 0 : 1)
            let left = k == 0 ? (vehicle.current?.departure ?? vehicle.readyAt) : vehicle.remaining[k - 1].departure
            let arrival = k < vehicle.remaining.count ? vehicle.remaining[k].eta.seconds - vehicle.remaining[k].legSeconds
                : vehicle.endETA.seconds - vehicle.endLegSeconds
            return arrival - left.seconds
        }
    }

    @Test func theStartingStateKeepsThePlansBreakAndItsETAs() {
        let v1 = Self.state().vehicles[0]
        #expect(v1.breaks == [LiveBreak(afterAttempts: 3, earliest: SpreadDay.time("08:30"), latest: SpreadDay.time("09:00"), minutes: 30)])
        #expect(v1.remaining.map(\.eta) == ["08:10", "08:20", "08:30", "09:10", "09:20", "09:30"].map(SpreadDay.time))
        #expect(v1.endETA == SpreadDay.time("09:40"))
        #expect(breakGaps(v1) == [1800])
        #expect(Self.state().vehicles[1].breaks.isEmpty)
    }

    @Test func theReoptimiserKeepsAPendingBreakInItsWindowAndTheReplayAdoptsIt() throws {
        let start = Self.state()
        let delay = event("d1", "08:05", .delay(vehicleID: "V1", minutes: 20, reason: "traffic"))
        let step = try reoptimiser.step(start, delay, travel: SpreadDay.travel)
        let v1 = step.state.vehicles[0]
        try #require(v1.pendingBreaks.count == 1)
        // The break starts inside its window: after the stop before it, never before 08:30 nor after 09:00; the
        // ETAs hold it (and any wait for 08:30) between the stops around it, beyond the leg.
        let k = v1.pendingBreaks[0].pending.afterAttempts
        let before = k == 0 ? v1.readyAt : v1.remaining[k - 1].departure
        let breakStart = max(before, SpreadDay.time("08:30"))
        #expect(breakStart <= SpreadDay.time("09:00"), "break at \(breakStart) after \(k) stops")
        #expect(breakGaps(v1) == [breakStart.seconds - before.seconds + 1800])
        #expect(step.reroute.routes.first { $0.vehicle == "V1" }?.breaksAfterStops == [k])
        #expect(try start.apply(delay).state.adopting(step.reroute) == step.state)
    }

    @Test func aTakenBreakIsNotPlannedAgain() throws {
        var state = Self.state()
        for (k, id) in SpreadDay.v1.prefix(3).enumerated() {
            state = try state.apply(event("a\(k)", "08:\(10 + 10 * k)", .arrived(vehicleID: "V1", orderID: id))).state
            state = try state.apply(event("c\(k)", "08:\(12 + 10 * k)", .completed(vehicleID: "V1", orderID: id))).state
        }
        #expect(state.vehicles[0].pendingBreaks.count == 1, "between P3 and P4 the break is still ahead")
        state = try state.apply(event("a4", "09:10", .arrived(vehicleID: "V1", orderID: "P4"))).state
        #expect(state.vehicles[0].pendingBreaks.isEmpty)
        let step = try reoptimiser.step(state, event("d1", "09:11", .delay(vehicleID: "V1", minutes: 5, reason: "")), travel: SpreadDay.travel)
        let v1 = step.state.vehicles[0]
        #expect(v1.breaks.count == 1 && v1.pendingBreaks.isEmpty)
        var left = try #require(v1.current).departure
        for stop in v1.remaining {
            #expect(stop.eta == left.adding(seconds: stop.legSeconds), "no break left before \(stop.order.id)")
            left = stop.departure
        }
    }
}
