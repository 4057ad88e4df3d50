import LastMileCore
import LastMileGraph

/// Plain Dijkstra on the road graph with its positions split into real nodes (``SplitPositionGraph``): the
/// exact oracle every faster technique is tested against.
///
/// A reusable workspace (not `Sendable`): create one per task and run many searches with it.
struct Dijkstra {
    let graph: SplitPositionGraph
    private var cost: [PathCost]
    private var touched: [Int32] = []
    private var heap = BinaryHeap()

    init(graph: SplitPositionGraph) {
        self.graph = graph
        self.cost = [PathCost](repeating: .infinity, count: graph.nodeCount)
    }

    /// Costs from `source` to every node of the graph; infinite where unreachable.
    mutating func run(from source: Int) -> [PathCost] {
        for node in touched { cost[Int(node)] = .infinity }
        touched.removeAll(keepingCapacity: true)
        heap.removeAll()
        cost[source] = .zero
        touched.append(Int32(source))
        heap.push(.zero, Int32(source))
        while let (settled, node) = heap.pop() {
            if cost[Int(node)] < settled { continue }
            graph.forEachArc(from: Int(node)) { head, arcCost in
                let next = settled + arcCost
                if next < cost[head] {
                    if cost[head].isInfinite { touched.append(Int32(head)) }
                    cost[head] = next
                    heap.push(next, Int32(head))
                }
            }
        }
        return cost
    }
}

/// A binary min-heap of (cost, node) with lazy deletion.
struct BinaryHeap {
    private var keys: [PathCost] = []
    private var values: [Int32] = []

    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }

    mutating func push(_ key: PathCost, _ value: Int32) {
        keys.append(key)
        values.append(value)
        var child = keys.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard keys[child] < keys[parent] else { break }
            keys.swapAt(child, parent)
            values.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> (PathCost, Int32)? {
        guard let top = keys.first, let value = values.first else { return nil }
        let lastKey = keys.removeLast(), lastValue = values.removeLast()
        if !keys.isEmpty {
            keys[0] = lastKey
            values[0] = lastValue
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < keys.count, keys[left] < keys[smallest] { smallest = left }
                if right < keys.count, keys[right] < keys[smallest] { smallest = right }
                if smallest == parent { break }
                keys.swapAt(parent, smallest)
                values.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return (top, value)
    }
}
