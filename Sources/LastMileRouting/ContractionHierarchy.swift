import LastMileCore
import LastMileGraph

/// The metric-independent part of a customizable contraction hierarchy (Dibbelt, Strasser, Wagner 2016).
///
/// Built once per graph: a nested-dissection order, the chordal supergraph obtained by contracting nodes in
/// that order, and its elimination tree. Everything is in *rank space*: node `r` is the `r`-th contracted.
/// Each CCH edge `{low, high}` is stored once, at its lower end; ``CustomizedHierarchy`` gives it an upward and
/// a downward cost for a particular metric.
public struct ContractionHierarchy: Sendable {
    public let graph: RoadGraph
    /// `rank[v]` of graph node `v`; `node[r]` is the graph node of rank `r`.
    public let rank: [Int32]
    public let node: [Int32]
    /// Upward edges of rank `r` are `upHead[upFirst[r] ..< upFirst[r + 1]]`, ascending by rank.
    public let upFirst: [Int32]
    public let upHead: [Int32]
    /// The elimination-tree parent of each rank (its lowest upward neighbour), or -1 for roots.
    public let parent: [Int32]
    /// For each graph arc: the CCH edge it lies on, and whether it runs upward (from the lower to the higher rank).
    let arcEdge: [Int32]
    let arcIsUpward: [Bool]

    public var edgeCount: Int { upHead.count }

    /// The nested-dissection order of a graph (metric-independent): store it with
    /// `graph.withRoutingOrder(_:)` so that building the hierarchy later skips this, its most expensive step.
    public static func nestedDissectionOrder(of graph: RoadGraph) -> [UInt32] {
        NestedDissection.order(UndirectedGraph(graph), x: graph.nodeX, y: graph.nodeY).map { UInt32($0) }
    }

    /// Contracts the graph in its stored ``RoadGraph/routingOrder``, computing a nested-dissection order first
    /// when none is stored. Costs grow with the separators, not with the metric.
    public init(graph: RoadGraph) {
        self.graph = graph
        let undirected = UndirectedGraph(graph)
        let order = graph.routingOrder.isEmpty
            ? NestedDissection.order(undirected, x: graph.nodeX, y: graph.nodeY)
            : graph.routingOrder.map { Int32($0) }
        let n = graph.nodeCount
        var rank = [Int32](repeating: 0, count: n)
        for (position, v) in order.enumerated() { rank[Int(v)] = Int32(position) }

        // Contraction: the upward neighbours of each node become a clique, which is merged into the parent.
        var upward = [[Int32]](repeating: [], count: n)
        for v in 0..<n {
            for w in undirected.neighbors(of: v) where rank[Int(w)] > rank[v] { upward[Int(rank[v])].append(rank[Int(w)]) }
        }
        var parent = [Int32](repeating: -1, count: n)
        for r in 0..<n {
            var list = upward[r]
            list.sort()
            var unique: [Int32] = []
            unique.reserveCapacity(list.count)
            for value in list where unique.last != value { unique.append(value) }
            upward[r] = unique
            guard let lowest = unique.first else { continue }
            parent[r] = lowest
            upward[Int(lowest)].append(contentsOf: unique.dropFirst())
        }
        var upFirst = [Int32](repeating: 0, count: n + 1)
        var upHead: [Int32] = []
        upHead.reserveCapacity(upward.reduce(0) { $0 + $1.count })
        for r in 0..<n {
            upHead.append(contentsOf: upward[r])
            upFirst[r + 1] = Int32(upHead.count)
        }

        // Each arc on its edge.
        var arcEdge = [Int32](repeating: -1, count: graph.arcCount)
        var arcIsUpward = [Bool](repeating: false, count: graph.arcCount)
        for v in 0..<n {
            for arc in graph.outArcs(of: NodeIndex(v)) {
                let w = Int(graph.arcHead[arc])
                let (rv, rw) = (rank[v], rank[w])
                guard rv != rw else { continue }
                let (low, high) = rv < rw ? (rv, rw) : (rw, rv)
                arcEdge[arc] = Self.edge(from: low, to: high, upFirst: upFirst, upHead: upHead)
                arcIsUpward[arc] = rv < rw
            }
        }
        self.rank = rank
        self.node = order
        self.upFirst = upFirst
        self.upHead = upHead
        self.parent = parent
        self.arcEdge = arcEdge
        self.arcIsUpward = arcIsUpward
    }

    /// The edge `{low, high}` (ranks, `low < high`), which must exist.
    @inlinable
    func edge(from low: Int32, to high: Int32) -> Int32 {
        Self.edge(from: low, to: high, upFirst: upFirst, upHead: upHead)
    }

    @usableFromInline
    static func edge(from low: Int32, to high: Int32, upFirst: [Int32], upHead: [Int32]) -> Int32 {
        var lower = Int(upFirst[Int(low)]), upper = Int(upFirst[Int(low) + 1])
        while lower < upper {
            let middle = (lower + upper) / 2
            if upHead[middle] < high { lower = middle + 1 } else { upper = middle }
        }
        precondition(lower < Int(upFirst[Int(low) + 1]) && upHead[lower] == high, "no CCH edge {\(low), \(high)}")
        return Int32(lower)
    }

    /// The height of the elimination tree: the longest chain of ancestors, which bounds every search.
    public var eliminationTreeHeight: Int {
        var depth = [Int32](repeating: 0, count: parent.count)
        var height: Int32 = 0
        for r in stride(from: parent.count - 1, through: 0, by: -1) {
            if parent[r] >= 0 { depth[r] = depth[Int(parent[r])] + 1 }
            height = max(height, depth[r])
        }
        return Int(height) + 1
    }
}
