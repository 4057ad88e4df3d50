import LastMileCore
import LastMileGraph

/// The road graph with every position made a real node, for the Dijkstra oracle: built from the graph's own
/// arcs with its own partial-arc arithmetic, sharing nothing with ``PositionLinks``.
///
/// Each position's road piece is split at the snapped offset. The split point is two nodes: a *departure* node
/// with arcs to the ends of the road (the parts ahead in each direction) and to the arrival nodes of positions
/// ahead on the same road, and an *arrival* node with arcs from every approach to the road piece (the tail
/// intersection and its turn-restriction copies). Departures have no incoming arcs and
/// arrivals no outgoing ones, so no route passes through another position. The cost of driving `part` mm of
/// an arc is `round(arcTime × part / arcLength)` ms (halves up) and `part` mm.
///
/// The road's ends follow the engine's contract: at offset 0 the position stands on its arc's tail intersection
/// (departing from it costs nothing); at the full length it stands on the head intersection (arriving at it, or
/// at any of its turn-restriction copies, reaches the position at no extra cost).
struct SplitPositionGraph {
    /// A position that cannot lie on the graph.
    struct InvalidPosition: Error, CustomStringConvertible {
        var description: String
    }

    let graph: RoadGraph
    let metric: RoadMetric
    /// Extra arcs of every node (graph nodes, then departure and arrival nodes):
    /// `extraHead[extraFirst[v] ..< extraFirst[v + 1]]`, with their costs in `extraCost`.
    private let extraFirst: [Int]
    private let extraHead: [Int32]
    private let extraCost: [PathCost]
    private let positionCount: Int

    var nodeCount: Int { graph.nodeCount + 2 * positionCount }
    func departure(_ position: Int) -> Int { graph.nodeCount + position }
    func arrival(_ position: Int) -> Int { graph.nodeCount + positionCount + position }

    init(graph: RoadGraph, metric: RoadMetric, positions: [RoadPosition]) throws {
        let base = graph.nodeCount
        func departure(_ p: Int) -> Int { base + p }
        func arrival(_ p: Int) -> Int { base + positions.count + p }
        func partCost(of arc: Int, _ part: UInt64) -> PathCost? { Self.partCost(of: arc, part, graph: graph, metric: metric) }
        let tails = graph.arcTails()
        var copies: [UInt32: [Int]] = [:]  // intersection → its turn-restriction copies
        for node in 0..<graph.nodeCount where graph.nodePrimary[node] != UInt32(node) {
            copies[graph.nodePrimary[node], default: []].append(node)
        }
        /// The nodes standing for the intersection of `node`: the intersection itself and its copies.
        func approaches(_ node: UInt32) -> [Int] {
            let primary = graph.nodePrimary[Int(node)]
            return [Int(primary)] + (copies[primary] ?? [])
        }

        var arcs: [(tail: Int, head: Int, cost: PathCost)] = []
        func add(_ tail: Int, _ head: Int, _ cost: PathCost?) {
            if let cost { arcs.append((tail, head, cost)) }
        }
        /// Where each position lies, per directed arc: (position, offset from that arc's tail).
        var onArc: [Int: [(position: Int, offset: UInt64)]] = [:]
        for (p, position) in positions.enumerated() {
            let arc = position.arc.position
            guard arc >= 0, arc < graph.arcCount, position.offset.rawValue >= 0,
                position.offset.rawValue <= Int64(graph.arcLength[arc])
            else { throw InvalidPosition(description: "position \(p) (\(position)) is not on an arc of the graph") }
            let length = UInt64(graph.arcLength[arc])
            let offset = UInt64(position.offset.rawValue)
            var directions = [(arc: arc, offset: offset)]
            if let opposite = position.oppositeArc?.position {
                guard opposite >= 0, opposite < graph.arcCount, UInt64(graph.arcLength[opposite]) == length else {
                    throw InvalidPosition(description: "position \(p): opposite arc \(opposite) is not the same road")
                }
                directions.append((opposite, length - offset))
            }
            for (direction, along) in directions {
                onArc[direction, default: []].append((p, along))
                add(departure(p), Int(graph.arcHead[direction]), partCost(of: direction, length - along))
                for node in approaches(tails[direction]) {
                    for approach in graph.outArcs(of: NodeIndex(node))
                    where graph.arcHead[approach] == graph.arcHead[direction] && UInt64(graph.arcLength[approach]) == length {
                        add(node, arrival(p), partCost(of: approach, along))
                    }
                }
            }
            if offset == 0 { add(departure(p), Int(tails[arc]), .zero) }
            if offset == length {
                for node in approaches(graph.arcHead[arc]) { add(node, arrival(p), .zero) }
            }
        }
        for (arc, points) in onArc {
            for from in points {
                for to in points where to.offset >= from.offset {
                    add(departure(from.position), arrival(to.position), partCost(of: arc, to.offset - from.offset))
                }
            }
        }

        let total = graph.nodeCount + 2 * positions.count
        var first = [Int](repeating: 0, count: total + 1)
        for arc in arcs { first[arc.tail + 1] += 1 }
        for v in 0..<total { first[v + 1] += first[v] }
        var next = first
        var heads = [Int32](repeating: 0, count: arcs.count)
        var costs = [PathCost](repeating: .infinity, count: arcs.count)
        for arc in arcs {
            heads[next[arc.tail]] = Int32(arc.head)
            costs[next[arc.tail]] = arc.cost
            next[arc.tail] += 1
        }
        self.graph = graph
        self.metric = metric
        self.positionCount = positions.count
        self.extraFirst = first
        self.extraHead = heads
        self.extraCost = costs
    }

    /// The cost of driving the first `part` mm of `arc`; `nil` when the arc is closed.
    private static func partCost(of arc: Int, _ part: UInt64, graph: RoadGraph, metric: RoadMetric) -> PathCost? {
        let time = metric.arcTime[arc]
        guard time != RoadMetric.closed else { return nil }
        let length = UInt64(graph.arcLength[arc])
        let scaled = UInt64(time) * part
        return PathCost(time: (scaled + length / 2) / length, length: part)
    }

    /// Calls `body` with the head and cost of every open arc leaving `node`.
    @inline(__always)
    func forEachArc(from node: Int, _ body: (Int, PathCost) -> Void) {
        if node < graph.nodeCount {
            for arc in graph.outArcs(of: NodeIndex(node)) where metric.arcTime[arc] != RoadMetric.closed {
                body(Int(graph.arcHead[arc]), PathCost(time: UInt64(metric.arcTime[arc]), length: UInt64(graph.arcLength[arc])))
            }
        }
        for slot in extraFirst[node]..<extraFirst[node + 1] { body(Int(extraHead[slot]), extraCost[slot]) }
    }
}
