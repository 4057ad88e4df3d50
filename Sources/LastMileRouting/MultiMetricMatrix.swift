import LastMileCore
import LastMileGraph

/// Travel times for up to 16 metrics of one hierarchy at once (e.g. the traffic slices of a day): the bucket
/// many-to-many query of ``RoutingEngine/matrix(sources:targets:)`` with one SIMD lane per metric, so one
/// elimination-tree walk per source or target and one bucket sweep serve every metric.
///
/// Times only, in ms: the fastest time of a pair does not depend on how lengths break ties, so each lane equals
/// the time of the single-metric engine exactly. Lanes are `Int32` with ``unreachable`` = 2³⁰ − 1 ms (12.4
/// days), so a sum of two never overflows and no route is that long. Memory: 64 bytes per hierarchy edge and
/// direction, per bucket entry and per (source, target) of the row block being computed.
public struct MultiMetricMatrix: Sendable {
    public typealias Lanes = SIMD16<Int32>
    public static let laneCount = Lanes.scalarCount
    /// A lane's time when there is no route (and the cap of every sum).
    public static let unreachable: Int32 = (1 << 30) - 1

    let hierarchy: ContractionHierarchy
    /// The position links of each lane's metric.
    let links: [PositionLinks]
    /// Upward and downward time of every hierarchy edge, per lane.
    let upTime: [Lanes], downTime: [Lanes]
    /// How many lanes carry a metric of their own (the rest repeat the last).
    public let metricCount: Int

    /// Customizes `hierarchy` for each of `metrics` (1…16, on both cores) and keeps only the edge times.
    public init(hierarchy: ContractionHierarchy, metrics: [RoadMetric]) {
        precondition((1...Self.laneCount).contains(metrics.count), "1 to \(Self.laneCount) metrics")
        let edgeTimes: [(up: [Int32], down: [Int32])] = (try? parallelMap(count: metrics.count) { index in
            let customized = CustomizedHierarchy(hierarchy: hierarchy, metric: metrics[index])
            return (up: customized.upCost.map(Self.lane), down: customized.downCost.map(Self.lane))
        }) ?? []
        var up = [Lanes](repeating: Lanes(repeating: Self.unreachable), count: hierarchy.edgeCount)
        var down = up
        for lane in 0..<Self.laneCount {
            let times = edgeTimes[min(lane, metrics.count - 1)]
            for edge in 0..<hierarchy.edgeCount {
                up[edge][lane] = times.up[edge]
                down[edge][lane] = times.down[edge]
            }
        }
        self.hierarchy = hierarchy
        self.links = (0..<Self.laneCount).map { PositionLinks(graph: hierarchy.graph, metric: metrics[min($0, metrics.count - 1)]) }
        self.upTime = up
        self.downTime = down
        self.metricCount = metrics.count
    }

    /// The time of a path cost as a lane value.
    static func lane(_ cost: PathCost) -> Int32 { Int32(min(cost.time, UInt64(unreachable))) }

    /// The times from every source to every target, handed to `body` in blocks of consecutive sources:
    /// `rows[(source − block.lowerBound) × targets.count + target]` holds one lane per metric. Blocks arrive in
    /// order; each is computed on all cores and then released.
    public func times(
        sources: [RoadPosition], targets: [RoadPosition], blockSize: Int = 256, _ body: (_ block: Range<Int>, _ rows: [Lanes]) throws -> Void
    ) rethrows {
        let rankCount = hierarchy.rank.count
        let rank = hierarchy.rank
        var entries: [(rank: Int32, target: Int32, value: Lanes)] = []
        var search = LaneSearch(rankCount: rankCount)
        for (j, target) in targets.enumerated() {
            search.run(from: starts(links.map { $0.egress(target) }, rank: rank), edgeTime: downTime, in: hierarchy)
            for r in search.visited where any(search.time[Int(r)] .< Lanes(repeating: Self.unreachable)) {
                entries.append((r, Int32(j), search.time[Int(r)]))
            }
        }
        let buckets = TargetBuckets(entries: entries, rankCount: rankCount, filler: Lanes(repeating: Self.unreachable))
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
        let infinity = Lanes(repeating: Self.unreachable)
        for blockStart in stride(from: 0, to: sources.count, by: blockSize) {
            let block = blockStart..<min(sources.count, blockStart + blockSize)
            let chunks: [[Lanes]] = (try? parallelMap(count: (block.count + chunk - 1) / chunk) { c in
                var search = LaneSearch(rankCount: rankCount)
                var rows: [Lanes] = []
                rows.reserveCapacity(chunk * columns)
                for i in block.lowerBound + c * chunk..<min(block.upperBound, block.lowerBound + (c + 1) * chunk) {
                    var row = [Lanes](repeating: infinity, count: columns)
                    search.run(from: starts(links.map { $0.access(sources[i]) }, rank: rank), edgeTime: upTime, in: hierarchy)
                    buckets.scan(search, into: &row)
                    var candidates = targetsOnArc[sources[i].arc.rawValue] ?? []
                    if let opposite = sources[i].oppositeArc { candidates += targetsOnArc[opposite.rawValue] ?? [] }
                    for j in candidates {
                        var direct = infinity
                        for lane in 0..<Self.laneCount { direct[lane] = Self.lane(links[lane].direct(from: sources[i], to: targets[Int(j)]).cost) }
                        row[Int(j)] = pointwiseMin(row[Int(j)], direct)
                    }
                    rows.append(contentsOf: row)
                }
                return rows
            }) ?? []
            var rows: [Lanes] = []
            rows.reserveCapacity(block.count * columns)
            for part in chunks { rows.append(contentsOf: part) }
            try body(block, rows)
        }
    }

    /// The search starts of one position: each node linked in any lane, with every lane's cost to it.
    private func starts(_ laneLinks: [[PositionLinks.Link]], rank: [Int32]) -> [(rank: Int32, time: Lanes)] {
        var starts: [(rank: Int32, time: Lanes)] = []
        for (lane, links) in laneLinks.enumerated() {
            for link in links {
                let r = rank[Int(link.node)]
                if let index = starts.firstIndex(where: { $0.rank == r }) {
                    starts[index].time[lane] = min(starts[index].time[lane], Self.lane(link.cost))
                } else {
                    var time = Lanes(repeating: Self.unreachable)
                    time[lane] = Self.lane(link.cost)
                    starts.append((r, time))
                }
            }
        }
        return starts
    }
}

/// ``HierarchySearch`` with a lane of times per metric: per-thread scratch space for upward searches along the
/// elimination tree (no priority queue; the ranks visited do not depend on the metric).
struct LaneSearch {
    typealias Lanes = MultiMetricMatrix.Lanes
    /// Times per rank, valid for the ranks in ``visited``.
    private(set) var time: [Lanes]
    /// Ranks reached, ascending.
    private(set) var visited: [Int32] = []
    private var stamp: [UInt32]
    private var generation: UInt32 = 0

    init(rankCount: Int) {
        time = [Lanes](repeating: Lanes(repeating: MultiMetricMatrix.unreachable), count: rankCount)
        stamp = [UInt32](repeating: 0, count: rankCount)
    }

    /// Searches from `starts` along `edgeTime` (upward times from a source, downward towards a target). Times
    /// only ever decrease from ``MultiMetricMatrix/unreachable``, so no sum of two exceeds `Int32`.
    mutating func run(from starts: [(rank: Int32, time: Lanes)], edgeTime: [Lanes], in hierarchy: ContractionHierarchy) {
        generation &+= 1
        if generation == 0 {
            stamp = [UInt32](repeating: 0, count: stamp.count)
            generation = 1
        }
        visited.removeAll(keepingCapacity: true)
        let infinity = Lanes(repeating: MultiMetricMatrix.unreachable)
        let parent = hierarchy.parent
        for start in starts {
            var r = start.rank
            while r >= 0, stamp[Int(r)] != generation {
                stamp[Int(r)] = generation
                visited.append(r)
                time[Int(r)] = infinity
                r = parent[Int(r)]
            }
        }
        visited.sort()
        for start in starts { time[Int(start.rank)] = pointwiseMin(time[Int(start.rank)], start.time) }
        let visited = visited
        hierarchy.upFirst.withUnsafeBufferPointer { upFirst in
            hierarchy.upHead.withUnsafeBufferPointer { upHead in
                edgeTime.withUnsafeBufferPointer { edgeTime in
                    time.withUnsafeMutableBufferPointer { time in
                        for r in visited {
                            let here = time[Int(r)]
                            guard any(here .< infinity) else { continue }
                            for e in Int(upFirst[Int(r)])..<Int(upFirst[Int(r) + 1]) {
                                let w = Int(upHead[e])
                                let through = here &+ edgeTime[e]
                                time[w].replace(with: through, where: through .< time[w])
                            }
                        }
                    }
                }
            }
        }
    }
}

extension TargetBuckets where Value == MultiMetricMatrix.Lanes {
    /// Lowers `row[target]` to the time through every rank `search` reached (the hot loop: raw buffers, so no
    /// reference counting per entry).
    func scan(_ search: LaneSearch, into row: inout [MultiMetricMatrix.Lanes]) {
        let infinity = MultiMetricMatrix.Lanes(repeating: MultiMetricMatrix.unreachable)
        first.withUnsafeBufferPointer { first in
            target.withUnsafeBufferPointer { target in
                value.withUnsafeBufferPointer { time in
                    search.time.withUnsafeBufferPointer { reached in
                        row.withUnsafeMutableBufferPointer { row in
                            for r in search.visited {
                                let here = reached[Int(r)]
                                guard any(here .< infinity) else { continue }
                                for slot in Int(first[Int(r)])..<Int(first[Int(r) + 1]) {
                                    let j = Int(target[slot])
                                    let through = here &+ time[slot]
                                    row[j].replace(with: through, where: through .< row[j])
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
