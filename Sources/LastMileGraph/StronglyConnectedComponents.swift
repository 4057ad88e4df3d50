/// Strongly connected components of a directed graph in CSR form (Tarjan's algorithm, iterative so deep
/// graphs cannot overflow the stack).
enum StronglyConnectedComponents {
    /// Component number of every node, numbered 0, 1, … in the order Tarjan completes them.
    ///
    /// - Parameters:
    ///   - firstOut: CSR offsets, `nodeCount + 1` entries.
    ///   - head: the head of every arc.
    static func label(firstOut: [Int], head: [UInt32]) -> (component: [Int32], count: Int) {
        let n = firstOut.count - 1
        let unvisited = Int32(-1)
        var index = [Int32](repeating: unvisited, count: n)
        var lowLink = [Int32](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var component = [Int32](repeating: -1, count: n)
        var stack: [Int32] = []
        var callStack: [(node: Int32, nextArc: Int)] = []
        var counter: Int32 = 0
        var components = 0

        for root in 0..<n where index[root] == unvisited {
            callStack.append((Int32(root), firstOut[root]))
            index[root] = counter
            lowLink[root] = counter
            counter += 1
            stack.append(Int32(root))
            onStack[root] = true
            while let (node, nextArc) = callStack.last {
                let v = Int(node)
                if nextArc < firstOut[v + 1] {
                    callStack[callStack.count - 1].nextArc += 1
                    let w = Int(head[nextArc])
                    if index[w] == unvisited {
                        index[w] = counter
                        lowLink[w] = counter
                        counter += 1
                        stack.append(Int32(w))
                        onStack[w] = true
                        callStack.append((Int32(w), firstOut[w]))
                    } else if onStack[w] {
                        lowLink[v] = min(lowLink[v], index[w])
                    }
                    continue
                }
                callStack.removeLast()
                if let parent = callStack.last {
                    lowLink[Int(parent.node)] = min(lowLink[Int(parent.node)], lowLink[v])
                }
                if lowLink[v] == index[v] {
                    while let w = stack.popLast() {
                        onStack[Int(w)] = false
                        component[Int(w)] = Int32(components)
                        if Int(w) == v { break }
                    }
                    components += 1
                }
            }
        }
        return (component, components)
    }
}
