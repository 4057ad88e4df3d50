import LastMileCore
import LastMileGraph
import LastMileModel
import LastMileRouting

/// The time-dependent travel between points for part of a day: the travel times of every distinct 15-minute
/// slice situation (16 per ``MultiMetricMatrix``), assembled into the model's FIFO ``TimeDependentTravel``
/// (breakpoints in the middle of each slice), and the distances of the first slice's routes.
public struct DayMatrices: Sendable {
    /// Travel times in seconds since the day's midnight; distances (m) of the routes of the first slice.
    public var travel: TimeDependentTravel
    /// The slices covered, 0 ..< 96.
    public var slices: Range<Int>
    /// Distinct slice situations, each one customization and one lane of a multi-metric query.
    public var distinctMatrices: Int
    /// Seconds spent ordering and contracting, and customizing plus querying all slices.
    public var preprocessSeconds: Double, slicesSeconds: Double
}

extension RoadQueries {
    /// The time-dependent matrices between `points` from `start` to `end` (minutes since midnight, on slice
    /// boundaries or rounded outward to them) under `conditions`.
    ///
    /// Memory: 2 bytes per pair and slice (512 MB for 2,000 points and 64 slices) plus one distance matrix and
    /// a block of multi-metric rows (256 sources × targets × 64 bytes).
    public func dayMatrices(_ points: [SnappedPoint], conditions: RoadConditions, from start: Int, to end: Int) -> DayMatrices {
        DayMatrices(graph: graph, positions: points.map(RoadPosition.init), conditions: conditions, from: start, to: end)
    }
}

extension DayMatrices {
    /// The time-dependent matrices between `positions` on `graph` (`nil`: not on this network, unreachable to
    /// and from everything) from `start` to `end` (minutes since midnight) under `conditions`. See
    /// ``RoadQueries/dayMatrices(_:conditions:from:to:)``.
    init(graph: RoadGraph, positions placed: [RoadPosition?], conditions: RoadConditions, from start: Int, to end: Int) {
        let minutes = TrafficProfile.sliceMinutes
        let slices = RoadConditions.slice(ofMinute: start)..<max(RoadConditions.slice(ofMinute: start) + 1, (min(end, 1440) + minutes - 1) / minutes)
        // The placed locations, queried as one table; `present[k]` is the location of the k-th.
        let present = placed.indices.filter { placed[$0] != nil }
        let positions = present.map { placed[$0]! }
        let n = placed.count
        let clock = ContinuousClock()
        let started = clock.now
        let hierarchy = ContractionHierarchy(graph: graph)
        let contracted = clock.now
        var builder = TimeDependentTravel.Builder(
            locationCount: n, firstBreakpoint: slices.lowerBound * minutes * 60 + minutes * 30, interval: minutes * 60,
            sliceCount: slices.count
        )
        let day = conditions.day(on: graph)
        day.travelTimes(hierarchy: hierarchy, sources: positions, targets: positions, slices: slices) { laneSlices, block, rows in
            // Every (lane, slice of the table) in one flat list: no nested arrays in the loop over 4 M pairs.
            let assignments = laneSlices.enumerated().flatMap { lane, served in served.map { (lane: lane, slice: $0 - slices.lowerBound) } }
            rows.withUnsafeBufferPointer { rows in
                for offset in rows.indices {
                    let (source, target) = (block.lowerBound + offset / positions.count, offset % positions.count)
                    let pair = present[source] * n + present[target]
                    for (lane, slice) in assignments {
                        let milliseconds = Int(rows[offset][lane])
                        builder.set(milliseconds >= Int(MultiMetricMatrix.unreachable) ? nil : (milliseconds + 500) / 1000, pair: pair, slice: slice)
                    }
                }
            }
        }
        let distances = RoutingEngine(hierarchy: hierarchy, metric: day.metric(slice: slices.lowerBound)).matrix(sources: positions, targets: positions).costs
        // Location pair → position in the queried table, -1 when a location is not placed.
        var rank = [Int](repeating: -1, count: n)
        for (k, location) in present.enumerated() { rank[location] = k }
        builder.setMeters { pair in
            let (a, b) = (rank[pair / n], rank[pair % n])
            guard a >= 0, b >= 0 else { return nil }
            let cost = distances[a * positions.count + b]
            return cost.isInfinite ? nil : Int((cost.length + 500) / 1000)
        }
        self.init(
            travel: builder.build(), slices: slices, distinctMatrices: day.distinctSituations(of: slices).count,
            preprocessSeconds: (contracted - started).inSeconds, slicesSeconds: (clock.now - contracted).inSeconds
        )
    }
}
