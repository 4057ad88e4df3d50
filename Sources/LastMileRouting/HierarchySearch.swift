import LastMileCore

/// Per-thread scratch space for searches in a ``CustomizedHierarchy``: an upward search along the elimination
/// tree, with no priority queue (every node reachable upward from a start is one of its ancestors, and is
/// settled once all lower ancestors are).
struct HierarchySearch {
    /// Cost per rank, valid for the ranks in ``visited``.
    private(set) var cost: [PathCost]
    /// The CCH edge that last improved each visited rank (-1 at starts).
    private(set) var predecessor: [Int32]
    /// Ranks reached, ascending.
    private(set) var visited: [Int32] = []
    private var stamp: [UInt32]
    private var generation: UInt32 = 0

    /// Whether the last search reached `rank`.
    func contains(_ rank: Int32) -> Bool { stamp[Int(rank)] == generation }

    init(rankCount: Int) {
        cost = [PathCost](repeating: .infinity, count: rankCount)
        predecessor = [Int32](repeating: -1, count: rankCount)
        stamp = [UInt32](repeating: 0, count: rankCount)
    }

    /// Searches from `starts` (ranks with initial costs), along upward costs (`upward`, from a source) or
    /// downward costs (towards a target).
    mutating func run(from starts: [(rank: Int32, cost: PathCost)], upward: Bool, in hierarchy: CustomizedHierarchy) {
        generation &+= 1
        if generation == 0 {
            stamp = [UInt32](repeating: 0, count: stamp.count)
            generation = 1
        }
        visited.removeAll(keepingCapacity: true)
        let parent = hierarchy.hierarchy.parent
        for start in starts {
            var r = start.rank
            while r >= 0, stamp[Int(r)] != generation {
                stamp[Int(r)] = generation
                visited.append(r)
                cost[Int(r)] = .infinity
                predecessor[Int(r)] = -1
                r = parent[Int(r)]
            }
        }
        visited.sort()
        for start in starts where start.cost < cost[Int(start.rank)] { cost[Int(start.rank)] = start.cost }
        let upFirst = hierarchy.hierarchy.upFirst, upHead = hierarchy.hierarchy.upHead
        let edgeCost = upward ? hierarchy.upCost : hierarchy.downCost
        for r in visited {
            let here = cost[Int(r)]
            if here.isInfinite { continue }
            for e in Int(upFirst[Int(r)])..<Int(upFirst[Int(r) + 1]) {
                let next = here + edgeCost[e]
                let w = Int(upHead[e])
                if next < cost[w] {
                    cost[w] = next
                    predecessor[w] = Int32(e)
                }
            }
        }
    }
}
