import LastMileCore
import LastMileModel
import Testing

/// The FIFO property and the breakpoints of ``TimeDependentTravel``.
@Suite struct TimeDependentTravelTests {
    /// 15-minute slices from 06:00, breakpoints in the middle of each slice.
    static let interval = 900
    static let firstBreakpoint = 6 * 3600 + 450

    /// Random travel times (some unreachable, some dropping by far more than a slice) for `locations`².
    static func random(locations: Int, slices: Int, seed: UInt64) -> TimeDependentTravel {
        var random = SplitMix64(seed: seed)
        var builder = TimeDependentTravel.Builder(
            locationCount: locations, firstBreakpoint: firstBreakpoint, interval: interval, sliceCount: slices
        )
        for slice in 0..<slices {
            for pair in 0..<locations * locations {
                let draw = random.next() % 100
                let seconds = draw < 3 ? nil : pair % (locations + 1) == 0 ? 0 : Int(random.next() % (draw < 20 ? 7200 : 1500))
                builder.set(seconds, pair: pair, slice: slice)
            }
        }
        builder.setMeters { $0 * 10 }
        return builder.build()
    }

    @Test(arguments: [1, 2, 7, 64])
    func leavingLaterNeverArrivesEarlier(slices: Int) {
        let seed = UInt64(0x7D1 + slices)
        let travel = Self.random(locations: 6, slices: slices, seed: seed)
        var random = SplitMix64(seed: seed ^ 0xFF)
        var checked = 0
        for _ in 0..<5_000 {
            let from = Int(random.next() % 6), to = Int(random.next() % 6)
            let departure = Self.firstBreakpoint - 3600 + Int(random.next() % UInt64((slices + 2) * Self.interval))
            let later = departure + 1 + Int(random.next() % 1200)
            guard let early = travel.arrival(from: from, to: to, departingAt: departure),
                  let late = travel.arrival(from: from, to: to, departingAt: later) else { continue }
            #expect(late >= early, "seed \(seed): \(from)→\(to) leaving \(departure) arrives \(early), leaving \(later) arrives \(late)")
            // Also second by second, where integer rounding could break it.
            if let next = travel.arrival(from: from, to: to, departingAt: departure + 1) {
                #expect(next >= early, "seed \(seed): \(from)→\(to) at \(departure)")
            }
            checked += 1
        }
        #expect(checked > 3_000, "seed \(seed)")
    }

    @Test func breakpointsAreExactAndInterpolatedLinearlyInBetween() throws {
        var builder = TimeDependentTravel.Builder(locationCount: 1, firstBreakpoint: 1000, interval: 100, sliceCount: 3)
        builder.set(60, pair: 0, slice: 0)
        builder.set(160, pair: 0, slice: 1)
        builder.set(10, pair: 0, slice: 2)  // a drop of 150 s over 100 s: lowered to 110 for FIFO
        let travel = builder.build()
        #expect(travel.breakpointSeconds(from: 0, to: 0, slice: 1) == 110)
        #expect(travel.travelSeconds(from: 0, to: 0, departingAt: 0) == 60)  // before the first: constant
        #expect(travel.travelSeconds(from: 0, to: 0, departingAt: 1000) == 60)
        #expect(travel.travelSeconds(from: 0, to: 0, departingAt: 1050) == 85)
        #expect(travel.travelSeconds(from: 0, to: 0, departingAt: 1100) == 110)
        #expect(travel.travelSeconds(from: 0, to: 0, departingAt: 1199) == 11)  // 110 − 99: slope exactly −1
        #expect(travel.arrival(from: 0, to: 0, departingAt: 1199) == 1210)
        #expect(travel.arrival(from: 0, to: 0, departingAt: 1100) == 1210)  // waiting for the drop pays nothing more
        #expect(travel.travelSeconds(from: 0, to: 0, departingAt: 1200) == 10)
        #expect(travel.travelSeconds(from: 0, to: 0, departingAt: 99_999) == 10)  // after the last: constant
    }

    @Test func unreachableBreakpointsAndTheLatestDeparture() throws {
        var builder = TimeDependentTravel.Builder(locationCount: 2, firstBreakpoint: 0, interval: 900, sliceCount: 4)
        for pair in 0..<4 {
            for slice in 0..<4 { builder.set(pair == 1 ? (slice < 2 ? nil : 600) : 300, pair: pair, slice: slice) }
        }
        builder.setMeters { $0 == 2 ? nil : 1234 }
        let travel = builder.build()
        // Closed until the third breakpoint: leaving before it means waiting for it.
        #expect(travel.breakpointSeconds(from: 0, to: 1, slice: 1) == 1500)
        #expect(travel.arrival(from: 0, to: 1, departingAt: 0) == 2400)
        #expect(travel.meters(from: 0, to: 1) == 1234 && travel.meters(from: 1, to: 0) == nil)
        let seed: UInt64 = 99
        let random = Self.random(locations: 4, slices: 16, seed: seed)
        var generator = SplitMix64(seed: seed)
        for _ in 0..<5000 {
            let from = Int(generator.next() % 4), to = Int(generator.next() % 4)
            let deadline = Self.firstBreakpoint - 2 * Self.interval + Int(generator.next() % UInt64(28 * Self.interval))
            guard let latest = random.latestDeparture(from: from, to: to, arrivingBy: deadline) else { continue }
            #expect(try #require(random.arrival(from: from, to: to, departingAt: latest)) <= deadline, "seed \(seed)")
            if let after = random.arrival(from: from, to: to, departingAt: latest + 1) {
                #expect(after > deadline, "seed \(seed): \(from)→\(to) by \(deadline)")
            }
        }
    }

    /// Scaled storage is the table built from the same values: every pair at every departure, the latest
    /// departures too, with pairs long enough (up to 18 h) for the waiting rule to lower them and unreachable ones.
    @Test(arguments: [1, 2, 9, 24])
    func scaledTimesAreTheTableOfTheirValues(slices: Int) {
        let seed = UInt64(0x5CA1E + slices)
        var random = SplitMix64(seed: seed)
        let locations = 9
        let permille = (0..<slices).map { _ in 400 + Int(random.next() % 2600) }
        let base = (0..<locations * locations).map { pair -> Int in
            let draw = random.next() % 100
            return draw < 5 ? -1 : pair % (locations + 1) == 0 ? 0 : Int(random.next() % (draw < 30 ? 60_000 : 3_000))
        }
        let metres = base.indices.map { $0 * 7 }
        let scaled = TimeDependentTravel(scaling: base, metres: metres, firstBreakpoint: Self.firstBreakpoint, interval: Self.interval, permille: permille)
        var builder = TimeDependentTravel.Builder(locationCount: locations, firstBreakpoint: Self.firstBreakpoint, interval: Self.interval, sliceCount: slices)
        for (pair, seconds) in base.enumerated() {
            for slice in 0..<slices { builder.set(seconds < 0 ? nil : (seconds * permille[slice] + 500) / 1000, pair: pair, slice: slice) }
        }
        builder.setMeters { base[$0] < 0 ? nil : metres[$0] }
        let table = builder.build()
        for from in 0..<locations {
            for to in 0..<locations {
                #expect(scaled.meters(from: from, to: to) == table.meters(from: from, to: to), "seed \(seed)")
                for slice in 0..<slices {
                    #expect(scaled.breakpointSeconds(from: from, to: to, slice: slice) == table.breakpointSeconds(from: from, to: to, slice: slice),
                            "seed \(seed), \(from) → \(to) at breakpoint \(slice), base \(base[from * locations + to]) s")
                }
                for departure in stride(from: Self.firstBreakpoint - 1000, through: Self.firstBreakpoint + slices * Self.interval + 1000, by: 137) {
                    #expect(scaled.travelSeconds(from: from, to: to, departingAt: departure) == table.travelSeconds(from: from, to: to, departingAt: departure))
                    #expect(scaled.latestDeparture(from: from, to: to, arrivingBy: departure + 4000)
                            == table.latestDeparture(from: from, to: to, arrivingBy: departure + 4000))
                }
            }
        }
    }
}
