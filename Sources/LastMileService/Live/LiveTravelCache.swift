import LastMileCore
import LastMileGraph
import LastMileLive
import LastMileRouting

/// The live day's travel times on the car roads, each pair computed once: a grid between every target place
/// seen so far (depots, customers) and rows from reported positions, filled on demand for the places an event's
/// re-optimisation needs (one many-to-many query over those places for the pairs not known yet). The loop
/// asks for every place of the day at its start, so the day's matrix is computed once; afterwards a new order
/// or position costs the rows and columns between it and the event's places only. Customized hierarchy at free
/// flow; each coordinate is placed on its nearest road within ``snapMetres`` (a GPS fix off the road, a
/// courtyard); farther: unreachable.
///
/// Road conditions in force (``LivePlaces/conditions``) re-route every pair of the request on a metric where
/// each arc with an end inside a condition's circle takes `100 / speedPercent` times its free-flow time (the
/// strongest condition where circles overlap) and a closure's arcs are blocked; the hierarchy is customised
/// once per distinct set of conditions (the last one is kept).
///
/// Owned by one ``LiveLoop`` (not `Sendable`: the snapper holds a PROJ transform).
final class LiveTravelCache {
    /// How far (m) a live place may lie from the nearest road.
    static let snapMetres = 2_000.0
    /// A grid entry not computed yet.
    private static let unknown: Int32 = -1
    /// A pair no road connects, as stored (``LiveTravelTimes/unreachable`` when handed out).
    private static let unreachable = Int32(LiveTravelTimes.unreachable)

    private let graph: RoadGraph
    private let hierarchy: ContractionHierarchy
    private let engine: RoutingEngine
    private let snapper: Snapper
    /// The engine customised for the last set of conditions asked for.
    private var conditioned: (conditions: [RoadCondition], engine: RoutingEngine)?
    /// Target places in the order they were first seen; `targetIndex[place]` is the position.
    private var targets: [Coordinate] = []
    private var targetIndex: [Coordinate: Int] = [:]
    private var targetPositions: [RoadPosition?] = []
    /// `grid[i * stride + j]`: seconds and metres from target `i` to target `j` (``unknown`` until needed);
    /// `stride >= targets.count` leaves room for new targets without moving the grid. 32 bits: 8 bytes a pair.
    private var gridSeconds: [Int32] = [], gridMetres: [Int32] = []
    private var stride = 0
    /// Rows from start places (reported positions) to the targets, `stride` wide (widened with the grid).
    private var startRows: [Coordinate: (position: RoadPosition?, seconds: [Int32], metres: [Int32])] = [:]
    /// At most this many start rows are kept: past it, every row but the request's is dropped. A vehicle's
    /// earlier positions are never asked for again, and a dropped current one costs one one-to-many query when
    /// next needed; without the bound, a day of position reports grew the cache by a row per report (the soak
    /// of `Benchmarks/soak.sh` went from 81 to 361 MB over 32,833 events).
    static let maxStartRows = 512

    init(graph: RoadGraph) throws(LastMileError) {
        self.graph = graph
        hierarchy = ContractionHierarchy(graph: graph)
        engine = RoutingEngine(hierarchy: hierarchy, metric: RoadMetric(freeFlowOf: graph))
        snapper = try reportingErrors { try Snapper(index: SnapIndex(graph: graph)) }
    }

    /// Travel over `places` (targets, then starts), as ``LiveTravelTimes`` lays it out, under its conditions.
    func travel(_ places: LivePlaces) -> LiveTravelTimes {
        let free = freeFlowTravel(places)
        return places.conditions.isEmpty ? free : rerouted(places, under: places.conditions)
    }

    /// Every pair of `places` routed under `conditions` (the places already registered by ``freeFlowTravel(_:)``).
    private func rerouted(_ places: LivePlaces, under conditions: [RoadCondition]) -> LiveTravelTimes {
        if conditioned?.conditions != conditions {
            conditioned = (conditions, RoutingEngine(hierarchy: hierarchy, metric: Self.metric(of: graph, under: conditions)))
        }
        let engine = conditioned!.engine
        let all = places.all, n = all.count
        let positions = all.enumerated().map { i, place in i < places.targets.count ? targetPositions[targetIndex[place]!] : startRows[place]?.position }
        let sources = positions.indices.filter { positions[$0] != nil }, targets = sources.filter { $0 < places.targets.count }
        var seconds = [Int64](repeating: LiveTravelTimes.unreachable, count: n * n), metres = seconds
        guard !targets.isEmpty else { return LiveTravelTimes(count: n, seconds: seconds, metres: metres) }
        let matrix = engine.matrix(sources: sources.map { positions[$0]! }, targets: targets.map { positions[$0]! })
        for (a, i) in sources.enumerated() {
            for (b, j) in targets.enumerated() {
                guard let cost = matrix[a, b] else { continue }
                seconds[i * n + j] = Int64(min((cost.time + 999) / 1000, UInt64(LiveTravelTimes.unreachable)))
                metres[i * n + j] = Int64(min((cost.length + 500) / 1000, UInt64(LiveTravelTimes.unreachable)))
            }
        }
        return LiveTravelTimes(count: n, seconds: seconds, metres: metres)
    }

    /// The free-flow metric of `graph` with `conditions` applied: an arc with an end (node) inside a condition's
    /// circle takes `time × 100 / speedPercent` ms (rounded up; the lowest percentage where circles overlap), or
    /// is closed at 0 %.
    static func metric(of graph: RoadGraph, under conditions: [RoadCondition]) -> RoadMetric {
        var percent = [Int](repeating: 100, count: graph.nodeCount)
        for (node, coordinate) in graph.nodeCoordinate.enumerated() {
            for condition in conditions where LiveTravelTimes.straightLineMetres(condition.centre, coordinate) <= Double(condition.radiusMetres) {
                percent[node] = min(percent[node], condition.speedPercent)
            }
        }
        var metric = RoadMetric(freeFlowOf: graph)
        for (arc, tail) in graph.arcTails().enumerated() {
            let lowest = min(percent[Int(tail)], percent[Int(graph.arcHead[arc])])
            guard lowest < 100 else { continue }
            metric.arcTime[arc] = lowest <= 0 ? RoadMetric.closed
                : UInt32(clamping: (UInt64(metric.arcTime[arc]) * 100 + UInt64(lowest) - 1) / UInt64(lowest))
        }
        return metric
    }

    /// Travel over `places` at free flow, from the grid and the start rows (computing what is missing).
    private func freeFlowTravel(_ places: LivePlaces) -> LiveTravelTimes {
        let new = places.targets.filter { targetIndex[$0] == nil }
        if !new.isEmpty { addTargets(new) }
        let columns = places.targets.map { targetIndex[$0]! }
        fillGrid(rows: columns, columns: columns)
        if startRows.count + places.starts.count > Self.maxStartRows {
            let asked = Set(places.starts)
            startRows = startRows.filter { asked.contains($0.key) }
        }
        for start in places.starts { fillStart(start, columns: columns) }
        let all = places.all, n = all.count, k = stride
        var seconds = [Int64](repeating: LiveTravelTimes.unreachable, count: n * n), metres = seconds
        for (i, place) in all.enumerated() {
            if i < places.targets.count {
                let base = columns[i] * k
                for (j, column) in columns.enumerated() {
                    seconds[i * n + j] = Int64(gridSeconds[base + column])
                    metres[i * n + j] = Int64(gridMetres[base + column])
                }
            } else if let row = startRows[place] {
                for (j, column) in columns.enumerated() {
                    seconds[i * n + j] = Int64(row.seconds[column])
                    metres[i * n + j] = Int64(row.metres[column])
                }
            }
        }
        return LiveTravelTimes(count: n, seconds: seconds, metres: metres)
    }

    private func snapped(_ place: Coordinate) -> RoadPosition? {
        (try? snapper.snap(place, maxDistance: Self.snapMetres)).map(RoadPosition.init)
    }

    /// Registers `new` targets (snapped), widening the grid (by an eighth, at least 64) when it runs out of room.
    private func addTargets(_ new: [Coordinate]) {
        let old = targets.count
        targets += new
        for (offset, place) in new.enumerated() { targetIndex[place] = old + offset }
        targetPositions += new.map(snapped)
        guard targets.count > stride else { return }
        let wider = targets.count + max(64, targets.count / 8)
        var seconds = [Int32](repeating: Self.unknown, count: wider * wider), metres = seconds
        for i in 0..<old {
            for j in 0..<old {
                seconds[i * wider + j] = gridSeconds[i * stride + j]
                metres[i * wider + j] = gridMetres[i * stride + j]
            }
        }
        for (place, row) in startRows {
            startRows[place] = (row.position, row.seconds + Array(repeating: Self.unknown, count: wider - stride),
                                row.metres + Array(repeating: Self.unknown, count: wider - stride))
        }
        (gridSeconds, gridMetres, stride) = (seconds, metres, wider)
    }

    /// Computes the unknown pairs among `rows` × `columns` (target positions) in one many-to-many query.
    private func fillGrid(rows: [Int], columns: [Int]) {
        let missing = rows.filter { i in columns.contains { gridSeconds[i * stride + $0] == Self.unknown } }
        guard !missing.isEmpty else { return }
        let sources = missing.filter { targetPositions[$0] != nil }, targetsPlaced = columns.filter { targetPositions[$0] != nil }
        for i in missing {
            for j in columns where gridSeconds[i * stride + j] == Self.unknown {
                (gridSeconds[i * stride + j], gridMetres[i * stride + j]) = (Self.unreachable, Self.unreachable)
            }
        }
        guard !sources.isEmpty, !targetsPlaced.isEmpty else { return }
        let matrix = engine.matrix(sources: sources.map { targetPositions[$0]! }, targets: targetsPlaced.map { targetPositions[$0]! })
        for (a, i) in sources.enumerated() {
            for (b, j) in targetsPlaced.enumerated() { Self.set(matrix[a, b], at: i * stride + j, &gridSeconds, &gridMetres) }
        }
    }

    /// Computes the unknown entries of the row from the start place `start` to `columns`.
    private func fillStart(_ start: Coordinate, columns: [Int]) {
        var row = startRows[start] ?? (snapped(start), Array(repeating: Self.unknown, count: stride), Array(repeating: Self.unknown, count: stride))
        let missing = columns.filter { row.seconds[$0] == Self.unknown }
        guard !missing.isEmpty else { return }
        for j in missing { (row.seconds[j], row.metres[j]) = (Self.unreachable, Self.unreachable) }
        let placed = missing.filter { targetPositions[$0] != nil }
        if let position = row.position, !placed.isEmpty {
            let matrix = engine.matrix(sources: [position], targets: placed.map { targetPositions[$0]! })
            for (b, j) in placed.enumerated() { Self.set(matrix[0, b], at: j, &row.seconds, &row.metres) }
        }
        startRows[start] = row
    }

    /// Seconds (rounded up from milliseconds) and metres (nearest, from millimetres) of a route, when there is one.
    private static func set(_ cost: PathCost?, at index: Int, _ seconds: inout [Int32], _ metres: inout [Int32]) {
        guard let cost else { return }
        seconds[index] = Int32(min((cost.time + 999) / 1000, UInt64(unreachable)))
        metres[index] = Int32(min((cost.length + 500) / 1000, UInt64(unreachable)))
    }
}
