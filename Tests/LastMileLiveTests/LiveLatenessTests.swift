import LastMileCore
import LastMileDomain
@testable import LastMileLive
import LastMileModel
import Testing

/// Fewer late stops after a delay: one late stop traded for the others, stops on time kept on time when a break
/// could go before them, and a break the driver has begun left where it is.
@Suite struct LiveLatenessTests {
    let reoptimiser = LiveReoptimiser(settings: .init(iterations: 60, millisecondCap: nil))

    /// ``SpreadDay/state(v1:v2:parcels:)`` with V1's stops due one minute before the current sequence reaches
    /// them (windows from 07:00): all six are late, each by a minute.
    func allOneMinuteLate() throws -> (state: LiveState, live: LiveProblem) {
        var state = SpreadDay.state()
        let scope = LiveScope(vehicles: [0], openOrders: [])
        let places = LiveProblem.places(of: state, scope: scope)
        let onTime = LiveProblem(state: state, scope: scope, places: places, travel: SpreadDay.travel(places))
        let schedule = try #require(RouteSchedule(route: onTime.current[0], vehicle: onTime.problem.vehicles[0], problem: onTime.problem))
        for (k, visit) in schedule.visits.enumerated() {
            state.vehicles[0].remaining[k].order.windowStart = SpreadDay.time("07:00")
            state.vehicles[0].remaining[k].order.windowEnd = TimeOfDay(seconds: Int(visit.start) - 60)
        }
        return (state, LiveProblem(state: state, scope: scope, places: places, travel: SpreadDay.travel(places)))
    }

    /// Starts of `route` on V1 with no window binding, s.
    func starts(_ route: [JobIndex], _ live: LiveProblem) throws -> [Int64] {
        var open = live.problem
        for job in open.jobs.indices { open.jobs[job].windows[0].latest = LiveProblem.horizon }
        return try #require(RouteSchedule(route: route, vehicle: open.vehicles[0], problem: open)).visits.map(\.start)
    }

    @Test func aDelayedVanServesOneStopLaterAndTheOthersOnTime() throws {
        let (_, live) = try allOneMinuteLate()
        #expect(live.lateStarts.count == 6)
        let traded = try #require(live.tradingLateStop(in: live.current, on: live.problem, allowance: 3600, candidates: 4))
        #expect(Set(traded[0]) == Set(live.current[0]))
        let late = try zip(traded[0], starts(traded[0], live)).filter { $0.1 > Int64(live.jobOrders[$0.0.position].windowEnd.seconds) }
        // P1 (first: leaving it out brings every other stop a few minutes earlier) goes to the end, late; the
        // five others are on time.
        #expect(late.map { live.jobOrders[$0.0.position].id } == ["P1"])
        #expect(traded[0].last.map { live.jobOrders[$0.position].id } == "P1")
        #expect(late.allSatisfy { $0.1 <= Int64(live.jobOrders[$0.0.position].windowEnd.seconds) + 3600 })
        // One late stop left: nothing more to trade.
        #expect(live.tradingLateStop(in: traded, on: live.problem, allowance: 3600, candidates: 4) == nil)
        // P1 is later than the live problem allows (its current start): the reroute times the route on the
        // loosened windows, so the state's ETAs are the trade's, not the static legs of a route without schedule.
        #expect(live.schedule(of: traded[0], vehicle: 0, loose: nil) == nil)
        let loose = live.loosened(margin: 300, allowance: 3600)
        let timed = try #require(live.schedule(of: traded[0], vehicle: 0, loose: loose))
        #expect(timed.visits.map(\.start) == (try starts(traded[0], live)))
    }

    @Test func noTradeWhenTheLateStopWouldBeLaterThanTheAllowance() throws {
        let (_, live) = try allOneMinuteLate()
        #expect(live.tradingLateStop(in: live.current, on: live.problem, allowance: 60, candidates: 4) == nil)
    }

    @Test func aStopOnTimeStaysOnTimeWhenTheBreakCouldGoBeforeIt() throws {
        // V1's break (08:30–09:00, 30 min) after P4, P1–P3 done by 08:35, P4 due by 08:50: P4 then the break, or
        // the break then P4, bring V1 back at the same time. The current sequence keeps P4 on time.
        var state = LiveBreakTests.state()
        state.vehicles[0].breaks[0].afterAttempts = 4
        state = try LiveBreakTests.completingP1ToP3(state, from: "08:25", every: 300)
        state.vehicles[0].remaining[0].order.windowEnd = SpreadDay.time("08:50")
        #expect(!state.vehicles[0].remaining[0].isAtRisk)
        let scope = LiveScope(vehicles: [0], openOrders: [])
        let places = LiveProblem.places(of: state, scope: scope)
        let live = LiveProblem(state: state, scope: scope, places: places, travel: SpreadDay.travel(places))
        #expect(live.lateStarts.isEmpty)
        #expect(live.breakPlacements(of: live.current[0], vehicle: 0) == [1])
    }

    /// ``LiveBreakTests/state()`` with P1–P3 done at 08:20, 08:30 and 08:40: V1's break (08:30–09:00, after P3)
    /// is due and its window open, so the driver has begun it.
    static func onTheBreak() throws -> LiveState {
        try LiveBreakTests.completingP1ToP3(LiveBreakTests.state(), from: "08:20", every: 600)
    }

    @Test func aBreakTheDriverHasBegunStaysFirst() throws {
        let state = try Self.onTheBreak()
        // A new order next to V1 due by 09:20: with the margin, on time only before the break; the driver is on
        // the break, so it comes after it (or goes to V2).
        let order = LiveOrder(id: "N1", customer: "new", coordinate: SpreadDay.place(3), windowStart: SpreadDay.time("08:00"),
                              windowEnd: SpreadDay.time("09:20"), serviceSeconds: 120, load: Load(grams: 1000, millilitres: 2000, parcels: 1))
        let step = try reoptimiser.step(state, LiveEvent(key: "n1", at: SpreadDay.time("08:41"), kind: .newOrder(order)), travel: SpreadDay.travel)
        let v1 = step.state.vehicles[0]
        #expect(v1.pendingBreaks.first?.pending.afterAttempts == 3)
        #expect(v1.remaining.allSatisfy { $0.eta >= SpreadDay.time("09:10") })
    }
}
