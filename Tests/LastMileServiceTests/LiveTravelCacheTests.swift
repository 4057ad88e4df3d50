import LastMileCore
import LastMileDomain
import LastMileLive
import LastMileSampleTown
@testable import LastMileService
import Testing

/// The live loop's travel times on real roads (the sample town's car network) under road conditions (issue
/// 12): a slowdown on the roads between two places makes that pair slower, a closure blocks the roads inside
/// its circle, and pairs whose roads stay clear of the circles keep their free-flow times.
@Suite struct LiveTravelCacheTests {
    static func place(east: Double, north: Double) -> Coordinate { SampleTown.coordinate(east: east, north: north) }

    @Test func conditionsSlowOrBlockTheRoadsInsideTheirCircleOnly() throws {
        let cache = try LiveTravelCache(graph: try RoadNetworks.sampleTown().car)
        // West and east of the centre on the same street, the centre itself, and two places far north-west.
        let targets = [Self.place(east: -1200, north: 0), Self.place(east: 1200, north: 0), Self.place(east: 0, north: 0),
                       Self.place(east: -2100, north: 2100), Self.place(east: -1650, north: 2100)]
        let free = cache.travel(LivePlaces(targets: targets, starts: []))
        let n = targets.count
        func seconds(_ travel: LiveTravelTimes, _ i: Int, _ j: Int) -> Int64 { travel.seconds[i * n + j] }
        #expect(seconds(free, 0, 1) < LiveTravelTimes.unreachable && seconds(free, 3, 4) < LiveTravelTimes.unreachable)

        let slowdown = RoadCondition(kind: .slowdown, centre: targets[2], radiusMetres: 400, from: TimeOfDay(hours: 8), until: TimeOfDay(hours: 12),
                                     speedPercent: 25, note: "market")
        let slowed = cache.travel(LivePlaces(targets: targets, starts: [], conditions: [slowdown]))
        #expect(seconds(slowed, 0, 1) > seconds(free, 0, 1) && seconds(slowed, 1, 0) > seconds(free, 1, 0))
        #expect(seconds(slowed, 3, 4) == seconds(free, 3, 4) && seconds(slowed, 4, 3) == seconds(free, 4, 3))
        for i in 0..<n {
            for j in 0..<n { #expect(seconds(slowed, i, j) >= seconds(free, i, j), "a slowdown never speeds up \(i) → \(j)") }
        }

        let closure = RoadCondition(kind: .closure, centre: targets[2], radiusMetres: 400, from: TimeOfDay(hours: 8), until: TimeOfDay(hours: 12),
                                    speedPercent: 0, note: "works")
        let closed = cache.travel(LivePlaces(targets: targets, starts: [], conditions: [closure]))
        #expect(seconds(closed, 0, 2) == LiveTravelTimes.unreachable && seconds(closed, 2, 1) == LiveTravelTimes.unreachable)
        #expect(seconds(closed, 0, 1) > seconds(free, 0, 1) && seconds(closed, 0, 1) < LiveTravelTimes.unreachable, "a detour around the closure")
        #expect(seconds(closed, 3, 4) == seconds(free, 3, 4))
        // Without conditions again: the free-flow times, as cached.
        #expect(cache.travel(LivePlaces(targets: targets, starts: [])).seconds == free.seconds)
    }
}
