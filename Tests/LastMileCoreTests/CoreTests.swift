import Foundation
import LastMileCore
import Testing

@Suite struct CoreTests {
    @Test func unitsRoundAtTheEdges() {
        #expect(Millimeters(meters: 1.2345) == Millimeters(1235))
        #expect(Milliseconds(seconds: 0.0004) == .zero)
        #expect(Millimeters(5) + Millimeters(7) - Millimeters(2) == Millimeters(10))
        #expect(KilometersPerHour(36).travelTime(over: Millimeters(10_000)) == Milliseconds(1_000))
    }

    @Test func coordinatesAreFixedPoint() throws {
        let c = try #require(Coordinate(latitude: -33.8688, longitude: 151.2093))
        #expect(c.latitudeE7 == -338_688_000)
        #expect(c.description == "(-33.8688000, 151.2093000)")
        #expect(Coordinate(latitude: 91, longitude: 0) == nil)
        #expect(Coordinate(latitude: .nan, longitude: 0) == nil)
        #expect(formatDegrees(-5) == "-0.0000005")
    }

    @Test func seededGeneratorIsRepeatable() {
        var a = SplitMix64(seed: 42)
        var b = SplitMix64(seed: 42)
        #expect((0..<5).map { _ in a.next() } == (0..<5).map { _ in b.next() })
        var c = SplitMix64(seed: 43)
        #expect(a.next() != c.next())
    }

    @Test(arguments: [0, 1, 2, 17, 1000])
    func skippingEqualsDrawing(count: Int) {
        var drawn = SplitMix64(seed: 7)
        var skipped = SplitMix64(seed: 7)
        for _ in 0..<count { _ = drawn.next() }
        skipped.skip(count)
        #expect((0..<3).map { _ in drawn.next() } == (0..<3).map { _ in skipped.next() })
    }

    @Test func parallelMapKeepsOrderAndRethrowsTheLowestError() throws {
        let squares = try parallelMap(count: 1000) { $0 * $0 }
        #expect(squares == (0..<1000).map { $0 * $0 })
        struct Boom: Error, Equatable { var index: Int }
        #expect(throws: Boom(index: 3)) {
            try parallelMap(count: 100) { index in
                if index == 3 || index == 70 { throw Boom(index: index) }
                return index
            }
        }
    }

    /// Eight items, more than this machine's cores, each waiting until all have started: every item runs at
    /// once on a thread of its own, so none waits forever; the results keep the items' order.
    @Test func threadPerItemMapRunsItemsThatWaitForEachOther() {
        let started = DispatchSemaphore(value: 0)
        let go = DispatchSemaphore(value: 0)
        let count = 8
        let waiter = Thread {
            for _ in 0..<count { started.wait() }
            for _ in 0..<count { go.signal() }
        }
        waiter.start()
        let doubled = threadPerItemMap(count: count) { index -> Int in
            started.signal()
            go.wait()
            return 2 * index
        }
        #expect(doubled == (0..<count).map { 2 * $0 })
    }
}
