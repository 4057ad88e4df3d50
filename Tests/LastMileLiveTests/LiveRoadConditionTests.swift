import LastMileCore
import LastMileDomain
import LastMileLive
import Testing

/// Road conditions reach the re-optimiser's travel times (issue 12): a slowdown or closure on a leg a route
/// drives changes its ETAs, one elsewhere or out of its span changes nothing. Straight-line travel at 30 km/h
/// over ``SpreadDay``.
@Suite struct LiveRoadConditionTests {
    let reoptimiser = LiveReoptimiser(settings: .init(iterations: 60, millisecondCap: nil))

    func condition(_ kind: RoadCondition.Kind, at centre: Coordinate, radius: Int = 100, percent: Int, until: String = "12:00") -> RoadCondition {
        RoadCondition(kind: kind, centre: centre, radiusMetres: radius, from: SpreadDay.time("08:00"), until: SpreadDay.time(until),
                      speedPercent: percent, note: "test")
    }

    /// Travel the way the live loop routes without roads: straight lines under the conditions in force.
    static func travel(_ places: LivePlaces) -> LiveTravelTimes {
        LiveTravelTimes(straightLineBetween: places.all, metresPerSecond: 30 / 3.6, conditions: places.conditions)
    }

    @Test func aSlowdownSlowsOnlyTheLegsThroughItsCircleAndAClosureBlocksThem() {
        let places = [SpreadDay.place(0), SpreadDay.place(1), SpreadDay.place(2), SpreadDay.place(7)]
        let free = LiveTravelTimes(straightLineBetween: places, metresPerSecond: 10)
        // 10 % speed inside 100 m around place 1: a leg ending there drives its last 100 m ten times slower (+90 s).
        let slowed = LiveTravelTimes(straightLineBetween: places, metresPerSecond: 10, conditions: [condition(.slowdown, at: places[1], percent: 10)])
        #expect(slowed.seconds[0 * 4 + 1] == free.seconds[0 * 4 + 1] + 90)
        #expect(slowed.seconds[1 * 4 + 2] == free.seconds[1 * 4 + 2] + 90)
        // Place 0 → 2 runs straight through place 1 (same longitude): 200 m inside the circle, +180 s.
        #expect(slowed.seconds[0 * 4 + 2] == free.seconds[0 * 4 + 2] + 180)
        #expect(slowed.seconds[3 * 4 + 0] == free.seconds[3 * 4 + 0], "a leg that passes more than 100 m away is not slowed")
        #expect(slowed.metres == free.metres)
        let closed = LiveTravelTimes(straightLineBetween: places, metresPerSecond: 10, conditions: [condition(.closure, at: places[1], percent: 0)])
        #expect(closed.seconds[0 * 4 + 2] == LiveTravelTimes.unreachable && closed.seconds[1 * 4 + 3] == LiveTravelTimes.unreachable)
        #expect(closed.seconds[3 * 4 + 0] == free.seconds[3 * 4 + 0])
    }

    @Test func aConditionOnARouteChangesItsETAsAndOneElsewhereOrOverDoesNot() throws {
        let start = SpreadDay.state()
        /// The event's step with the conditions in force applied to the travel times, or ignored (the reference).
        func step(_ condition: RoadCondition, applied: Bool) throws -> LiveState {
            try reoptimiser.step(start, LiveEvent(key: "e1", at: SpreadDay.time("08:05"), kind: .roadCondition(condition)),
                                 travel: applied ? Self.travel : SpreadDay.travel).state
        }
        let far = Coordinate(latitudeE7: 469_000_000, longitudeE7: 79_000_000)
        let elsewhere = condition(.slowdown, at: far, radius: 500, percent: 10)
        let over = condition(.slowdown, at: SpreadDay.place(1), percent: 10, until: "08:04")
        for unrelated in [elsewhere, over] {
            let (state, reference) = (try step(unrelated, applied: true), try step(unrelated, applied: false))
            #expect(state.vehicles.map { $0.remaining.map(\.eta) } == reference.vehicles.map { $0.remaining.map(\.eta) })
            #expect(state.vehicles.map(\.endETA) == reference.vehicles.map(\.endETA))
        }
        // V1 serves P1 (place 1) whatever its order: a slowdown there makes its day longer; V2's stays as it was.
        let slowdown = condition(.slowdown, at: SpreadDay.place(1), percent: 10)
        let (slowed, reference) = (try step(slowdown, applied: true), try step(slowdown, applied: false))
        #expect(slowed.vehicles[0].endETA > reference.vehicles[0].endETA)
        #expect(slowed.vehicles[0].remaining.map(\.eta) != reference.vehicles[0].remaining.map(\.eta))
        #expect(slowed.vehicles[1].remaining.map(\.eta) == reference.vehicles[1].remaining.map(\.eta))
        // A closure there: P1 cannot be reached, so it leaves V1 with the reason.
        let closed = try reoptimiser.step(start, LiveEvent(key: "e1", at: SpreadDay.time("08:05"),
                                                           kind: .roadCondition(condition(.closure, at: SpreadDay.place(1), percent: 0))), travel: Self.travel)
        #expect(!closed.state.vehicles.contains { $0.remaining.contains { $0.order.id == "P1" } })
        #expect(closed.state.openOrders.map(\.order.id) == ["P1"])
    }
}
