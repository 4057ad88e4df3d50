import LastMileCore

/// A metric-independent contraction order by recursive nested dissection with inertial-flow separators
/// (Schild and Sommer, "On balanced separators in road networks", 2015).
///
/// For a connected piece, nodes are sorted along four directions (east, north, north-east, south-east); the
/// first and last quarter of each order become source and sink, and a minimum vertex cut between them is found
/// by max flow with unit vertex capacities. The smallest cut of the four separates the piece; the separator is
/// ordered last (contracted latest) and both sides recurse. Small pieces keep their order.
enum NestedDissection {
    /// Pieces up to this size are not split further.
    static let leafSize = 24
    /// Pieces from this size on compute their four candidate cuts in parallel.
    static let parallelPieceSize = 256
    /// Share of a piece used as source and as sink terminals.
    static let terminalShare = 0.25

    /// The order: `order[i]` is the node contracted `i`-th (rank `i`).
    ///
    /// - Parameters:
    ///   - x, y: node positions (any planar unit), used only to pick terminals.
    static func order(_ graph: UndirectedGraph, x: [Int32], y: [Int32]) -> [Int32] {
        var context = Context(graph: graph, x: x, y: y)
        var order: [Int32] = []
        order.reserveCapacity(graph.nodeCount)
        // Work stack: pieces to dissect, and separators to emit once both sides are done. Emitting in
        // post-order puts every separator after the nodes it separates.
        enum Work {
            case dissect([Int32])
            case emit([Int32])
        }
        var stack: [Work] = [.dissect(Array(0..<Int32(graph.nodeCount)))]
        while let work = stack.popLast() {
            switch work {
            case .emit(let nodes):
                order.append(contentsOf: nodes)
            case .dissect(let nodes):
                if nodes.count <= leafSize {
                    order.append(contentsOf: nodes)
                    continue
                }
                let components = context.components(of: nodes)
                if components.count > 1 {
                    for component in components.reversed() { stack.append(.dissect(component)) }
                    continue
                }
                let separator = context.separator(of: nodes)
                context.mark(separator)
                let rest = nodes.filter { !context.isMarked($0) }
                context.unmark(separator)
                stack.append(.emit(separator))
                stack.append(.dissect(rest))
            }
        }
        return order
    }

    /// Scratch space shared by all pieces: membership stamps and local numbering.
    private struct Context {
        let graph: UndirectedGraph
        let x: [Int32]
        let y: [Int32]
        /// `stamp[v] == generation` while `v` belongs to the piece being worked on.
        var stamp: [UInt32]
        var generation: UInt32 = 0
        var local: [Int32]
        var marked: [Bool]

        init(graph: UndirectedGraph, x: [Int32], y: [Int32]) {
            self.graph = graph
            self.x = x
            self.y = y
            stamp = [UInt32](repeating: 0, count: graph.nodeCount)
            local = [Int32](repeating: -1, count: graph.nodeCount)
            marked = [Bool](repeating: false, count: graph.nodeCount)
        }

        mutating func mark(_ nodes: [Int32]) { for v in nodes { marked[Int(v)] = true } }
        mutating func unmark(_ nodes: [Int32]) { for v in nodes { marked[Int(v)] = false } }
        func isMarked(_ v: Int32) -> Bool { marked[Int(v)] }

        mutating func enter(_ nodes: [Int32]) {
            generation &+= 1
            if generation == 0 {
                stamp = [UInt32](repeating: 0, count: stamp.count)
                generation = 1
            }
            for (index, v) in nodes.enumerated() {
                stamp[Int(v)] = generation
                local[Int(v)] = Int32(index)
            }
        }

        /// Connected components of the subgraph induced by `nodes`, in order of their first node.
        mutating func components(of nodes: [Int32]) -> [[Int32]] {
            enter(nodes)
            var seen = [Bool](repeating: false, count: nodes.count)
            var result: [[Int32]] = []
            var queue: [Int32] = []
            for start in nodes where !seen[Int(local[Int(start)])] {
                seen[Int(local[Int(start)])] = true
                queue = [start]
                var head = 0
                while head < queue.count {
                    let v = Int(queue[head])
                    head += 1
                    for w in graph.neighbors(of: v) where stamp[Int(w)] == generation && !seen[Int(local[Int(w)])] {
                        seen[Int(local[Int(w)])] = true
                        queue.append(w)
                    }
                }
                result.append(queue)
            }
            return result
        }

        /// The smallest of four inertial-flow vertex cuts of a connected piece. Big pieces compute the four cuts
        /// on all cores; the choice does not depend on scheduling (ties go to the earlier direction).
        mutating func separator(of nodes: [Int32]) -> [Int32] {
            enter(nodes)
            let directions: [(Int64, Int64)] = [(1, 0), (0, 1), (1, 1), (1, -1)]
            let context = self
            let terminals = max(1, Int(Double(nodes.count) * terminalShare))
            let cut: @Sendable (Int) -> (cut: [Int32], middle: Int32) = { index in
                let (dx, dy) = directions[index]
                let sorted = nodes.map { (dx * Int64(context.x[Int($0)]) + dy * Int64(context.y[Int($0)]), $0) }
                    .sorted { $0 < $1 }.map(\.1)
                let cut = context.minimumVertexCut(nodes: nodes, sources: sorted.prefix(terminals), sinks: sorted.suffix(terminals))
                return (cut, sorted[sorted.count / 2])
            }
            let cuts = nodes.count >= parallelPieceSize
                ? ((try? parallelMap(count: directions.count, cut)) ?? []) : directions.indices.map(cut)
            // No proper cut (terminals touch each other): removing the middle node still shrinks the piece.
            let best = cuts.filter { !$0.cut.isEmpty }.min { $0.cut.count < $1.cut.count }
            return best?.cut ?? [cuts[0].middle]
        }

        /// A minimum set of non-terminal nodes whose removal disconnects `sources` from `sinks`
        /// (Edmonds–Karp on the node-split graph: `in(v) → out(v)` has capacity 1, edges are unbounded).
        func minimumVertexCut(nodes: [Int32], sources: ArraySlice<Int32>, sinks: ArraySlice<Int32>) -> [Int32] {
            let n = nodes.count
            var role = [UInt8](repeating: 0, count: n)  // 1 source, 2 sink
            for v in sources { role[Int(local[Int(v)])] = 1 }
            for v in sinks { role[Int(local[Int(v)])] = 2 }
            // A sink next to a source could never be cut off: it becomes an ordinary, cuttable node.
            for v in sinks {
                let i = Int(local[Int(v)])
                if graph.neighbors(of: Int(v)).contains(where: { stamp[Int($0)] == generation && role[Int(local[Int($0)])] == 1 }) {
                    role[i] = 0
                }
            }
            // Flow state: vertex arcs carry 0 or 1; edge arcs (out(v) → in(w)) carry an integer flow, stored per
            // directed adjacency entry of the piece.
            var vertexFlow = [Bool](repeating: false, count: n)
            var edgeStart = [Int32](repeating: 0, count: n + 1)
            var edgeHead: [Int32] = []
            for (i, v) in nodes.enumerated() {
                let start = edgeHead.count
                for w in graph.neighbors(of: Int(v)) where stamp[Int(w)] == generation {
                    edgeHead.append(local[Int(w)])
                }
                edgeHead[start...].sort()  // by local index, for the reverse-entry search below
                edgeStart[i + 1] = Int32(edgeHead.count)
            }
            var edgeFlow = [Int32](repeating: 0, count: edgeHead.count)
            // Reverse lookup: the entry of (w → v) for the entry of (v → w).
            var reverseEntry = [Int32](repeating: -1, count: edgeHead.count)
            for v in 0..<n {
                for e in Int(edgeStart[v])..<Int(edgeStart[v + 1]) {
                    let w = Int(edgeHead[e])
                    var low = Int(edgeStart[w]), high = Int(edgeStart[w + 1]) - 1
                    while low < high {
                        let middle = (low + high) / 2
                        if edgeHead[middle] < Int32(v) { low = middle + 1 } else { high = middle }
                    }
                    reverseEntry[e] = Int32(low)
                }
            }

            // BFS state over split nodes: index 2v = in(v), 2v + 1 = out(v).
            var parent = [Int32](repeating: -1, count: 2 * n)
            var parentEdge = [Int32](repeating: -1, count: 2 * n)
            var visited = [UInt32](repeating: 0, count: 2 * n)
            var round: UInt32 = 0
            var queue: [Int32] = []

            /// Searches an augmenting path; returns the split node in the sink set reached, or nil.
            func search() -> Int32? {
                round += 1
                queue.removeAll(keepingCapacity: true)
                for v in 0..<n where role[v] == 1 {
                    // Terminals: their in and out are one node with unbounded capacity.
                    visited[2 * v] = round
                    visited[2 * v + 1] = round
                    parent[2 * v + 1] = -1
                    queue.append(Int32(2 * v + 1))
                }
                var head = 0
                while head < queue.count {
                    let node = Int(queue[head])
                    head += 1
                    let v = node / 2
                    if node % 2 == 1 {
                        // out(v): along edges with spare (unbounded) capacity, and back along in(v) → out(v) if used.
                        for e in Int(edgeStart[v])..<Int(edgeStart[v + 1]) {
                            let target = 2 * Int(edgeHead[e])
                            guard visited[target] != round else { continue }
                            visited[target] = round
                            parent[target] = Int32(node)
                            parentEdge[target] = Int32(e)
                            if role[target / 2] == 2 { return Int32(target) }
                            queue.append(Int32(target))
                        }
                        if role[v] == 0, vertexFlow[v], visited[2 * v] != round {
                            visited[2 * v] = round
                            parent[2 * v] = Int32(node)
                            parentEdge[2 * v] = -1
                            queue.append(Int32(2 * v))
                        }
                    } else {
                        // in(v): through the vertex if unused, and back along edges carrying flow into v.
                        if role[v] != 0 || !vertexFlow[v], visited[2 * v + 1] != round {
                            visited[2 * v + 1] = round
                            parent[2 * v + 1] = Int32(node)
                            parentEdge[2 * v + 1] = -1
                            queue.append(Int32(2 * v + 1))
                        }
                        for e in Int(edgeStart[v])..<Int(edgeStart[v + 1]) {
                            // Flow w → v sits on entry (w → v) = reverseEntry[e] where e = (v → w).
                            let back = Int(reverseEntry[e])
                            guard edgeFlow[back] > 0 else { continue }
                            let target = 2 * Int(edgeHead[e]) + 1
                            guard visited[target] != round else { continue }
                            visited[target] = round
                            parent[target] = Int32(node)
                            parentEdge[target] = -Int32(back) - 2
                            queue.append(Int32(target))
                        }
                    }
                }
                return nil
            }

            while let end = search() {
                var node = Int(end)
                while parent[node] >= 0 {
                    let previous = Int(parent[node])
                    let edge = Int(parentEdge[node])
                    if edge >= 0 {
                        edgeFlow[edge] += 1
                    } else if edge <= -2 {
                        edgeFlow[-edge - 2] -= 1
                    } else if node == previous + 1 {
                        vertexFlow[node / 2] = true  // in(v) → out(v)
                    } else {
                        vertexFlow[node / 2] = false  // back along in(v) → out(v)
                    }
                    node = previous
                }
            }
            // The cut: vertices whose in-node is reachable from the sources in the residual graph but whose
            // out-node is not.
            return (0..<n).filter { v in role[v] == 0 && visited[2 * v] == round && visited[2 * v + 1] != round }
                .map { nodes[$0] }
        }
    }
}
