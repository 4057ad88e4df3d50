import LastMileCore
import LastMileGraph
import LastMileModel
import LastMileRouting

/// The time-dependent travel between points for part of a day: one matrix per distinct 15-minute slice
/// situation, assembled into the model's FIFO ``TimeDependentTravel`` (breakpoints in the middle of each slice).
public struct DayMatrices: Sendable {
    /// Travel times in seconds since the day's midnight; distances (m) of the routes of the first slice.
    public var travel: TimeDependentTravel
    /// The slices covered, 0 ..< 96.
    public var slices: Range<Int>
    /// Distinct slice situations, each one customization and one matrix.
    public var distinctMatrices: Int
    /// Seconds spent ordering and contracting, and customizing plus querying all slices.
    public var preprocessSeconds: Double, slicesSeconds: Double
}

extension RoadQueries {
    /// The time-dependent matrices between `points` from `start` to `end` (minutes since midnight, on slice
    /// boundaries or rounded outward to them) under `conditions`.
    ///
    /// Memory: 2 bytes per pair and slice (512 MB for 2,000 points and 64 slices) plus one slice's matrix.
    public func dayMatrices(_ points: [SnappedPoint], conditions: RoadConditions, from start: Int, to end: Int) -> DayMatrices {
        let minutes = TrafficProfile.sliceMinutes
        let slices = RoadConditions.slice(ofMinute: start)..<max(RoadConditions.slice(ofMinute: start) + 1, (min(end, 1440) + minutes - 1) / minutes)
        let positions = points.map(RoadPosition.init)
        let clock = ContinuousClock()
        let started = clock.now
        let hierarchy = ContractionHierarchy(graph: graph)
        let contracted = clock.now
        var builder = TimeDependentTravel.Builder(
            locationCount: points.count, firstBreakpoint: slices.lowerBound * minutes * 60 + minutes * 30, interval: minutes * 60,
            sliceCount: slices.count
        )
        var distinct = 0
        conditions.day(on: graph).matrices(hierarchy: hierarchy, sources: positions, targets: positions, slices: slices) { served, matrix in
            let costs = matrix.costs
            builder.set(slices: served.map { $0 - slices.lowerBound }) { pair in
                costs[pair].isInfinite ? nil : Int((costs[pair].time + 500) / 1000)
            }
            if distinct == 0 { builder.setMeters { pair in costs[pair].isInfinite ? nil : Int((costs[pair].length + 500) / 1000) } }
            distinct += 1
        }
        return DayMatrices(
            travel: builder.build(), slices: slices, distinctMatrices: distinct,
            preprocessSeconds: (contracted - started).inSeconds, slicesSeconds: (clock.now - contracted).inSeconds
        )
    }
}
