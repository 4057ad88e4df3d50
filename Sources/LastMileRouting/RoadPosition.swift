import LastMileCore
import LastMileGraph

/// A position on the road network: a point on an arc, as snapping returns it.
public struct RoadPosition: Hashable, Sendable {
    /// The arc the point lies on (its tail is an intersection, never a turn-restriction copy).
    public var arc: ArcIndex
    /// Distance from the arc's tail, mm (0 ≤ offset ≤ arc length).
    public var offset: Millimeters
    /// The same road in the other direction, when two-way.
    public var oppositeArc: ArcIndex?

    public init(arc: ArcIndex, offset: Millimeters, oppositeArc: ArcIndex?) {
        self.arc = arc
        self.offset = offset
        self.oppositeArc = oppositeArc
    }

    public init(_ snapped: SnappedPoint) {
        self.init(arc: snapped.arc, offset: snapped.offset, oppositeArc: snapped.oppositeArc)
    }
}

/// How positions enter and leave the graph: the nodes a vehicle at a position can drive to (access) and the
/// nodes from which it can drive onto a position (egress), with the partial-arc costs.
///
/// Partial costs are proportional to the distance driven on the arc: `time = round(arcTime × part / arcLength)`.
struct PositionLinks {
    let graph: RoadGraph
    let metric: RoadMetric
    /// Turn-restriction copies of each intersection: `copies[copyFirst[v] ..< copyFirst[v + 1]]`.
    private let copyFirst: [Int32]
    private let copies: [Int32]

    init(graph: RoadGraph, metric: RoadMetric) {
        self.graph = graph
        self.metric = metric
        var first = [Int32](repeating: 0, count: graph.nodeCount + 1)
        for v in 0..<graph.nodeCount where graph.nodePrimary[v] != UInt32(v) { first[Int(graph.nodePrimary[v]) + 1] += 1 }
        for v in 0..<graph.nodeCount { first[v + 1] += first[v] }
        var next = first
        var copies = [Int32](repeating: 0, count: Int(first[graph.nodeCount]))
        for v in 0..<graph.nodeCount where graph.nodePrimary[v] != UInt32(v) {
            let primary = Int(graph.nodePrimary[v])
            copies[Int(next[primary])] = Int32(v)
            next[primary] += 1
        }
        self.copyFirst = first
        self.copies = copies
    }

    /// The cost of driving `part` mm of `arc`.
    func partial(_ arc: Int, _ part: Int64) -> PathCost {
        let time = metric.arcTime[arc]
        guard time != RoadMetric.closed else { return .infinity }
        let length = UInt64(graph.arcLength[arc])
        let driven = UInt64(part)
        return PathCost(time: (UInt64(time) * driven + length / 2) / length, length: driven)
    }

    /// A way onto or off the graph: `node`, reached at `cost` by driving arc `arc` from (access) or to (egress)
    /// the position, which lies `offset` mm from the arc's tail.
    struct Link {
        var node: Int32
        var cost: PathCost
        var arc: Int32
        var offset: Int64
    }

    /// The arcs a position lies on, with its offset on each: its own arc and the opposite one.
    private func directions(of position: RoadPosition) -> [(arc: ArcIndex, offset: Int64)] {
        let length = Int64(graph.arcLength[position.arc.position])
        var result = [(position.arc, position.offset.rawValue)]
        if let opposite = position.oppositeArc { result.append((opposite, length - position.offset.rawValue)) }
        return result
    }

    /// Nodes a vehicle standing at `position` can reach by driving to the end of its arc, with the cost. A
    /// position at the very start of its arc stands on the tail intersection, which it reaches at no cost.
    func access(_ position: RoadPosition) -> [Link] {
        var links = directions(of: position).compactMap { arc, offset -> Link? in
            let cost = partial(arc.position, Int64(graph.arcLength[arc.position]) - offset)
            return cost.isInfinite ? nil : Link(node: Int32(graph.arcHead[arc.position]), cost: cost, arc: arc.rawValue, offset: offset)
        }
        if position.offset == .zero {
            links.append(Link(node: graph.tail(of: position.arc).rawValue, cost: .zero, arc: position.arc.rawValue, offset: 0))
        }
        return links
    }

    /// Nodes from which a vehicle can drive onto `position`, with the cost of the last partial arc. Includes the
    /// copies of the arc that leave turn-restriction copies of its tail.
    ///
    /// A position at the very end of its arc stands on the head intersection, which every arc into it (or into
    /// one of its turn-restriction copies) reaches at no extra cost.
    func egress(_ position: RoadPosition) -> [Link] {
        var links: [Link] = []
        let length = Int64(graph.arcLength[position.arc.position])
        if position.offset.rawValue == length {
            let head = Int(graph.nodePrimary[Int(graph.arcHead[position.arc.position])])
            for node in [Int32(head)] + copies[Int(copyFirst[head])..<Int(copyFirst[head + 1])] {
                links.append(Link(node: node, cost: .zero, arc: position.arc.rawValue, offset: length))
            }
        }
        for (arc, offset) in directions(of: position) {
            for sibling in siblings(of: arc) {
                let cost = partial(sibling, offset)
                if !cost.isInfinite {
                    links.append(Link(node: graph.tail(of: ArcIndex(sibling)).rawValue, cost: cost, arc: Int32(sibling), offset: offset))
                }
            }
        }
        return links
    }

    /// The cost of driving from `source` straight to `target` when both lie on the same road and `target` is
    /// ahead in one of its directions; infinity otherwise.
    func direct(from source: RoadPosition, to target: RoadPosition) -> (cost: PathCost, arc: Int32, from: Int64, to: Int64) {
        let length = Int64(graph.arcLength[source.arc.position])
        var best = (cost: PathCost.infinity, arc: Int32(-1), from: Int64(0), to: Int64(0))
        for (arc, sourceOffset) in directions(of: source) {
            let targetOffset: Int64
            if target.arc == arc {
                targetOffset = target.offset.rawValue
            } else if target.oppositeArc == arc {
                targetOffset = length - target.offset.rawValue
            } else {
                continue
            }
            let cost = targetOffset >= sourceOffset ? partial(arc.position, targetOffset - sourceOffset) : .infinity
            if cost < best.cost { best = (cost, arc.rawValue, sourceOffset, targetOffset) }
        }
        return best
    }

    /// `arc` and its copies leaving the turn-restriction copies of its tail (same road piece, same head).
    func siblings(of arc: ArcIndex) -> [Int] {
        let tail = Int(graph.tail(of: arc).rawValue)
        let head = graph.arcHead[arc.position]
        var result = [arc.position]
        for copy in copies[Int(copyFirst[tail])..<Int(copyFirst[tail + 1])] {
            for candidate in graph.outArcs(of: NodeIndex(copy)) where graph.arcHead[candidate] == head
                && graph.arcLength[candidate] == graph.arcLength[arc.position]
            {
                result.append(candidate)
            }
        }
        return result
    }
}
