import LastMileCore
import LastMileGraph

/// Plain Dijkstra on the road graph: the exact oracle every faster technique is tested against.
///
/// A reusable workspace (not `Sendable`): create one per task and run many searches with it.
public struct Dijkstra {
    public let graph: RoadGraph
    public let metric: RoadMetric
    private var cost: [PathCost]
    private var touched: [Int32] = []
    private var heap = BinaryHeap()

    public init(graph: RoadGraph, metric: RoadMetric) {
        precondition(metric.arcTime.count == graph.arcCount, "metric has \(metric.arcTime.count) arcs, graph \(graph.arcCount)")
        self.graph = graph
        self.metric = metric
        self.cost = [PathCost](repeating: .infinity, count: graph.nodeCount)
    }

    /// Costs from a set of start nodes (each with an initial cost) to every node; infinite where unreachable.
    public mutating func run(from starts: [(node: NodeIndex, cost: PathCost)]) -> [PathCost] {
        for node in touched { cost[Int(node)] = .infinity }
        touched.removeAll(keepingCapacity: true)
        heap.removeAll()
        for start in starts where start.cost < cost[start.node.position] {
            if cost[start.node.position].isInfinite { touched.append(start.node.rawValue) }
            cost[start.node.position] = start.cost
            heap.push(start.cost, Int32(start.node.rawValue))
        }
        while let (settled, node) = heap.pop() {
            let v = Int(node)
            if cost[v] < settled { continue }
            for arc in graph.outArcs(of: NodeIndex(node)) {
                let next = settled + metric.cost(of: arc, in: graph)
                let head = Int(graph.arcHead[arc])
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
