import LastMileCore
import LastMileDomain
import LastMileLive
import LastMileModel
import Testing

/// What makes the live loop's promises hold on the road (issue 12): legs timed in the traffic of their
/// departure, an idle driver who leaves now, and late stops tried on the vehicle nearest to them.
@Suite struct LiveForecastTests {
    let reoptimiser = LiveReoptimiser(settings: .init(iterations: 60, millisecondCap: nil))

    func event(_ key: String, _ at: String, _ kind: LiveEvent.Kind) -> LiveEvent { LiveEvent(key: key, at: SpreadDay.time(at), kind: kind) }

    /// ``SpreadDay/travel(_:)`` with a forecast: as fast until 07:00, three times slower from 08:00 on (hourly
    /// breakpoints, linear in between).
    static func rushHour(_ places: LivePlaces) -> LiveTravelTimes {
        let free = SpreadDay.travel(places)
        let n = free.count
        var builder = TimeDependentTravel.Builder(locationCount: n, firstBreakpoint: 7 * 3600, interval: 3600, sliceCount: 12)
        for pair in 0..<n * n {
            for slice in 0..<12 { builder.set(Int(free.seconds[pair]) * (slice == 0 ? 1 : 3), pair: pair, slice: slice) }
        }
        builder.setMeters { Int(free.metres[$0]) }
        return LiveTravelTimes(count: n, seconds: free.seconds, metres: free.metres, timeDependent: builder.build())
    }

    @Test func eachLegIsTimedInTheTrafficOfItsDeparture() throws {
        let start = SpreadDay.state()
        let delay = event("d1", "08:05", .delay(vehicleID: "V1", minutes: 5, reason: "traffic"))
        var forecast: (places: LivePlaces, travel: LiveTravelTimes)?
        let step = try reoptimiser.step(start, delay) { places in
            let travel = Self.rushHour(places)
            forecast = (places, travel)
            return travel
        }
        let (places, travel) = try #require(forecast)
        let table = try #require(travel.timeDependent)
        let all = places.all
        for vehicle in step.state.vehicles {
            var from = try #require(vehicle.position?.coordinate), leaving = vehicle.readyAt
            for stop in vehicle.remaining {
                let i = try #require(all.firstIndex(of: from)), j = try #require(all.firstIndex(of: stop.order.coordinate))
                #expect(stop.legSeconds == table.travelSeconds(from: i, to: j, departingAt: leaving.seconds), "\(vehicle.vehicleID) to \(stop.order.id)")
                (from, leaving) = (stop.order.coordinate, stop.departure)
            }
        }
        // The same event on the static times promises the last stops far earlier: the forecast is not ignored.
        let calm = try reoptimiser.step(start, delay, travel: SpreadDay.travel)
        #expect(step.state.vehicles[0].remaining.last!.eta.seconds > calm.state.vehicles[0].remaining.last!.eta.seconds + 600)
    }

    /// ``LiveBreakTests/state()`` with V1's break allowed from 15:00 only: done with P1–P3 at 08:32, the driver
    /// waits for it there.
    static func waitingForTheBreak() throws -> LiveState {
        var state = LiveBreakTests.state()
        state.vehicles[0].breaks[0].earliest = SpreadDay.time("15:00")
        state.vehicles[0].breaks[0].latest = SpreadDay.time("15:30")
        return try LiveBreakTests.completingP1ToP3(state, from: "08:12", every: 600)
    }

    @Test func aDriverWaitingForABreakLeavesNowWhenStopsComeFirst() throws {
        let waiting = try Self.waitingForTheBreak()
        #expect(waiting.vehicles[0].readyAt == SpreadDay.time("08:32"))
        // Windows end at 16:00: P4–P6 and the new order cannot all wait for the break, so stops come first,
        // and the driver, idle since 08:32, can only leave at the event.
        let order = LiveOrder(id: "N1", customer: "new", coordinate: SpreadDay.place(5), windowStart: SpreadDay.time("08:00"),
                              windowEnd: SpreadDay.time("16:00"), serviceSeconds: 120, load: Load(grams: 1000, millilitres: 2000, parcels: 1))
        let step = try reoptimiser.step(waiting, event("n1", "10:00", .newOrder(order)), travel: SpreadDay.travel)
        let v1 = step.state.vehicles[0]
        #expect(v1.readyAt == SpreadDay.time("10:00"))
        #expect(v1.remaining.allSatisfy { $0.eta >= SpreadDay.time("10:00") })
        #expect(v1.pendingBreaks.first?.pending.afterAttempts ?? 0 > 3)
    }

    @Test func aLateStopBringsTheVehicleNearestToItIntoTheScope() throws {
        let local = LiveReoptimiser(settings: .init(iterations: 60, millisecondCap: nil, vehiclesPerEvent: 1))
        let start = SpreadDay.state()
        #expect(local.scope(of: start, vehicle: "V1", focus: SpreadDay.place(0)).vehicles == [0])
        // Eight hours late: every stop of V1 misses its 16:00 window, and V2 passes nearest to them.
        let late = try start.apply(event("d1", "08:05", .delay(vehicleID: "V1", minutes: 480, reason: "breakdown of the lift"))).state
        #expect(late.vehicles[0].remaining.allSatisfy { $0.isAtRisk })
        #expect(local.scope(of: late, vehicle: "V1", focus: SpreadDay.place(0)).vehicles == [0, 1])
    }

    @Test func theLatestLateStopsMoveWhereTheyAreOnTime() throws {
        let start = SpreadDay.state()
        let delay = event("d1", "08:05", .delay(vehicleID: "V1", minutes: 480, reason: "breakdown of the lift"))
        let step = try reoptimiser.step(start, delay, travel: SpreadDay.travel)
        // Four per event (the latest first): P3–P6 go to V2, on time; P1 and P2 wait for the next event.
        let v1 = step.state.vehicles[0], v2 = step.state.vehicles[1]
        #expect(v1.remaining.map(\.order.id) == ["P1", "P2"])
        #expect(Set(v2.remaining.map(\.order.id)) == Set(SpreadDay.v2 + ["P3", "P4", "P5", "P6"]))
        #expect(v2.remaining.allSatisfy { !$0.isAtRisk })
    }
}
