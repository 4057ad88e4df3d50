import LastMileCore
import LastMileGraph

/// A ``ContractionHierarchy`` with costs for one ``RoadMetric``: the result of customization.
///
/// Customization gives every CCH edge the cost of the best path between its ends through lower-ranked nodes,
/// in both directions (basic customization: lower triangles in increasing rank). It takes well under a second
/// on a city and leaves the hierarchy untouched, so a traffic slice or a closure is a new customization, not a
/// new preprocessing. Immutable and `Sendable`: all query threads share it.
public struct CustomizedHierarchy: Sendable {
    public let hierarchy: ContractionHierarchy
    public let metric: RoadMetric
    /// Cost of each edge from its lower to its higher end, and back.
    let upCost: [PathCost]
    let downCost: [PathCost]
    /// How each direction's cost arises: an original arc (`arc ≥ 0`, `middle == -1`) or a shortcut through the
    /// lower-ranked `middle` node (for unpacking routes).
    let upArc: [Int32]
    let downArc: [Int32]
    let upMiddle: [Int32]
    let downMiddle: [Int32]

    public init(hierarchy: ContractionHierarchy, metric: RoadMetric) {
        let graph = hierarchy.graph
        precondition(metric.arcTime.count == graph.arcCount, "metric has \(metric.arcTime.count) arcs, graph \(graph.arcCount)")
        let m = hierarchy.edgeCount
        var up = [PathCost](repeating: .infinity, count: m)
        var down = [PathCost](repeating: .infinity, count: m)
        var upArc = [Int32](repeating: -1, count: m)
        var downArc = [Int32](repeating: -1, count: m)
        for arc in 0..<graph.arcCount {
            let edge = Int(hierarchy.arcEdge[arc])
            guard edge >= 0 else { continue }
            let cost = metric.cost(of: arc, in: graph)
            if hierarchy.arcIsUpward[arc] {
                if cost < up[edge] { (up[edge], upArc[edge]) = (cost, Int32(arc)) }
            } else if cost < down[edge] {
                (down[edge], downArc[edge]) = (cost, Int32(arc))
            }
        }
        var upMiddle = [Int32](repeating: -1, count: m)
        var downMiddle = [Int32](repeating: -1, count: m)
        let upFirst = hierarchy.upFirst, upHead = hierarchy.upHead
        var edgeTo = [Int32](repeating: -1, count: hierarchy.rank.count)
        for v in 0..<hierarchy.rank.count {
            let range = Int(upFirst[v])..<Int(upFirst[v + 1])
            for e in range { edgeTo[Int(upHead[e])] = Int32(e) }
            for vu in range {
                let u = Int(upHead[vu])
                let uToV = down[vu], vToU = up[vu]
                for uw in Int(upFirst[u])..<Int(upFirst[u + 1]) {
                    let vw = edgeTo[Int(upHead[uw])]
                    guard vw >= 0 else { continue }
                    let viaUp = uToV + up[Int(vw)]  // u → v → w
                    if viaUp < up[uw] {
                        up[uw] = viaUp
                        upMiddle[uw] = Int32(v)
                    }
                    let viaDown = down[Int(vw)] + vToU  // w → v → u
                    if viaDown < down[uw] {
                        down[uw] = viaDown
                        downMiddle[uw] = Int32(v)
                    }
                }
            }
            for e in range { edgeTo[Int(upHead[e])] = -1 }
        }
        self.hierarchy = hierarchy
        self.metric = metric
        self.upCost = up
        self.downCost = down
        self.upArc = upArc
        self.downArc = downArc
        self.upMiddle = upMiddle
        self.downMiddle = downMiddle
    }

    /// The graph arcs of CCH edge `edge` walked upward (lower → higher rank) or downward, in driving order.
    func unpack(edge: Int32, upward: Bool, into arcs: inout [Int32]) {
        let e = Int(edge)
        let middle = upward ? upMiddle[e] : downMiddle[e]
        if middle < 0 {
            arcs.append(upward ? upArc[e] : downArc[e])
            return
        }
        // Edge {low, high} through `middle` (below both): low → middle → high, or the reverse.
        let low = lowEnd(of: edge)
        let high = hierarchy.upHead[e]
        let middleLow = hierarchy.edge(from: middle, to: low)
        let middleHigh = hierarchy.edge(from: middle, to: high)
        if upward {
            unpack(edge: middleLow, upward: false, into: &arcs)
            unpack(edge: middleHigh, upward: true, into: &arcs)
        } else {
            unpack(edge: middleHigh, upward: false, into: &arcs)
            unpack(edge: middleLow, upward: true, into: &arcs)
        }
    }

    /// The lower end (rank) of an edge, by binary search over `upFirst`.
    func lowEnd(of edge: Int32) -> Int32 {
        var low = 0, high = hierarchy.rank.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if hierarchy.upFirst[middle] <= edge { low = middle } else { high = middle - 1 }
        }
        return Int32(low)
    }
}
