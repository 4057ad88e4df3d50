import LastMileGraph

/// The road graph with directions forgotten: simple (no loops, no parallel edges), in CSR form. The
/// metric-independent preprocessing works on this.
struct UndirectedGraph {
    /// Neighbours of `v` are `neighbors[first[v] ..< first[v + 1]]`, ascending.
    var first: [Int32]
    var neighbors: [Int32]

    var nodeCount: Int { first.count - 1 }

    init(_ graph: RoadGraph) {
        var pairs: [(Int32, Int32)] = []
        pairs.reserveCapacity(graph.arcCount * 2)
        for v in 0..<graph.nodeCount {
            for arc in Int(graph.firstOut[v])..<Int(graph.firstOut[v + 1]) {
                let w = Int32(graph.arcHead[arc])
                if w == Int32(v) { continue }
                pairs.append((Int32(v), w))
                pairs.append((w, Int32(v)))
            }
        }
        pairs.sort { $0 < $1 }
        var first = [Int32](repeating: 0, count: graph.nodeCount + 1)
        var neighbors: [Int32] = []
        neighbors.reserveCapacity(pairs.count)
        var previous: (Int32, Int32)? = nil
        for pair in pairs where previous.map({ $0 != pair }) ?? true {
            neighbors.append(pair.1)
            first[Int(pair.0) + 1] += 1
            previous = pair
        }
        for v in 0..<graph.nodeCount { first[v + 1] += first[v] }
        self.first = first
        self.neighbors = neighbors
    }

    @inline(__always)
    func neighbors(of v: Int) -> ArraySlice<Int32> { neighbors[Int(first[v])..<Int(first[v + 1])] }
}
