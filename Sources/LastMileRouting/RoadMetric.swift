import LastMileGraph

/// Travel times per arc for one situation: free flow, a traffic time slice, a weather penalty, or closures.
///
/// Lengths never change, times do. A closed arc has time ``closed``. A metric is applied to a
/// ``ContractionHierarchy`` by ``CustomizedHierarchy/init(hierarchy:metric:)`` in well under a second, without
/// redoing the preprocessing.
public struct RoadMetric: Sendable {
    /// Travel time of each arc, ms; ``closed`` for an arc that cannot be used.
    public var arcTime: [UInt32]

    /// The time of a closed arc.
    public static let closed = UInt32.max

    public init(arcTime: [UInt32]) { self.arcTime = arcTime }

    /// The graph's own travel times (the profile's speeds).
    public init(freeFlowOf graph: RoadGraph) { self.arcTime = graph.arcTime }

    /// This metric with some arcs closed.
    public func closing(_ arcs: some Sequence<Int>) -> RoadMetric {
        var copy = self
        for arc in arcs { copy.arcTime[arc] = Self.closed }
        return copy
    }

    /// This metric with every time multiplied by `factor` (e.g. 1.3 for rush hour), rounded, at least 1 ms.
    public func scaled(by factor: Double) -> RoadMetric {
        precondition(factor > 0, "a time factor must be positive")
        return RoadMetric(arcTime: arcTime.map { time in
            time == Self.closed ? time : UInt32(clamping: max(1, Int64((Double(time) * factor).rounded())))
        })
    }

    /// The cost of arc `arc` of `graph`, or infinity when closed.
    @inlinable
    func cost(of arc: Int, in graph: RoadGraph) -> PathCost {
        let time = arcTime[arc]
        return time == Self.closed ? .infinity : PathCost(time: UInt64(time), length: UInt64(graph.arcLength[arc]))
    }
}
