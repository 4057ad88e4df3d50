import LastMileCore
import LastMileGraph

/// Matrices and routes between road positions, on a customized hierarchy. Immutable and `Sendable`; queries
/// allocate their own scratch space, and matrices use all cores.
///
/// ```swift
/// let hierarchy = ContractionHierarchy(graph: graph)                  // once per graph
/// let engine = RoutingEngine(hierarchy: hierarchy, metric: RoadMetric(freeFlowOf: graph))
/// let matrix = engine.matrix(sources: positions, targets: positions)
/// ```
public struct RoutingEngine: Sendable {
    public let customized: CustomizedHierarchy
    let links: PositionLinks

    /// Customizes `hierarchy` for `metric`.
    public init(hierarchy: ContractionHierarchy, metric: RoadMetric) {
        self.init(customized: CustomizedHierarchy(hierarchy: hierarchy, metric: metric))
    }

    public init(customized: CustomizedHierarchy) {
        self.customized = customized
        self.links = PositionLinks(graph: customized.hierarchy.graph, metric: customized.metric)
    }

    var graph: RoadGraph { customized.hierarchy.graph }
    var rank: [Int32] { customized.hierarchy.rank }

    /// The fastest-route costs from every source to every target (bucket-based many-to-many, Knopp et al. 2007,
    /// on elimination-tree searches): one downward search per target fills buckets, one upward search per
    /// source scans them. Sources run in parallel.
    public func matrix(sources: [RoadPosition], targets: [RoadPosition]) -> TravelMatrix {
        let rankCount = rank.count
        // Buckets: for every rank, the targets whose downward search reached it, with the cost to them.
        var entries: [(rank: Int32, target: Int32, value: PathCost)] = []
        var search = HierarchySearch(rankCount: rankCount)
        for (j, target) in targets.enumerated() {
            search.run(from: links.egress(target).map { (rank[Int($0.node)], $0.cost) }, upward: false, in: customized)
            for r in search.visited where !search.cost[Int(r)].isInfinite {
                entries.append((r, Int32(j), search.cost[Int(r)]))
            }
        }
        let buckets = TargetBuckets(entries: entries, rankCount: rankCount, filler: PathCost.infinity)
        entries = []

        // Targets by the arcs they lie on, for routes that stay on one road.
        var onArc: [Int32: [Int32]] = [:]
        for (j, target) in targets.enumerated() {
            onArc[target.arc.rawValue, default: []].append(Int32(j))
            if let opposite = target.oppositeArc { onArc[opposite.rawValue, default: []].append(Int32(j)) }
        }
        let targetsOnArc = onArc

        let columns = targets.count
        let chunk = 16
        let rows: [[PathCost]] = (try? parallelMap(count: (sources.count + chunk - 1) / chunk) { c in
            var search = HierarchySearch(rankCount: rankCount)
            var block: [PathCost] = []
            block.reserveCapacity(chunk * columns)
            for i in c * chunk..<min(sources.count, (c + 1) * chunk) {
                var row = [PathCost](repeating: .infinity, count: columns)
                search.run(from: links.access(sources[i]).map { (rank[Int($0.node)], $0.cost) }, upward: true, in: customized)
                for r in search.visited {
                    let here = search.cost[Int(r)]
                    if here.isInfinite { continue }
                    for slot in Int(buckets.first[Int(r)])..<Int(buckets.first[Int(r) + 1]) {
                        let total = here + buckets.value[slot]
                        let j = Int(buckets.target[slot])
                        if total < row[j] { row[j] = total }
                    }
                }
                var candidates = targetsOnArc[sources[i].arc.rawValue] ?? []
                if let opposite = sources[i].oppositeArc { candidates += targetsOnArc[opposite.rawValue] ?? [] }
                for j in candidates {
                    let direct = links.direct(from: sources[i], to: targets[Int(j)]).cost
                    if direct < row[Int(j)] { row[Int(j)] = direct }
                }
                block.append(contentsOf: row)
            }
            return block
        }) ?? []
        // One allocation of the final size (`flatMap` would grow and copy it several times: 16 MB at 1000×1000).
        var costs: [PathCost] = []
        costs.reserveCapacity(sources.count * columns)
        for block in rows { costs.append(contentsOf: block) }
        return TravelMatrix(rows: sources.count, columns: columns, costs: costs)
    }

    /// Read-only bucket arrays shared by the source tasks.
}
