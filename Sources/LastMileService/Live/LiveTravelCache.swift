import LastMileCore
import LastMileGraph
import LastMileLive
import LastMileRouting

/// The live day's travel times on the car roads, computed once and then only for what is new: a dense matrix
/// between every target place seen so far (depots, customers), grown by the rows and columns of new orders,
/// plus one row per reported position (to the targets). Customized hierarchy at free flow; each coordinate is
/// placed on its nearest road within ``snapMetres`` (a GPS fix off the road, a courtyard); farther: unreachable.
///
/// Owned by one ``LiveLoop`` (not `Sendable`: the snapper holds a PROJ transform).
final class LiveTravelCache {
    /// How far (m) a live place may lie from the nearest road.
    static let snapMetres = 2_000.0

    private let engine: RoutingEngine
    private let snapper: Snapper
    /// Target places in the order they were first seen; `targetIndex[place]` is the position.
    private var targets: [Coordinate] = []
    private var targetIndex: [Coordinate: Int] = [:]
    private var targetPositions: [RoadPosition?] = []
    /// `grid[i * stride + j]`: seconds and metres from target `i` to target `j`; `stride >= targets.count`
    /// leaves room for new targets without moving the grid.
    private var gridSeconds: [Int64] = [], gridMetres: [Int64] = []
    private var stride = 0
    /// Rows of start places over the targets (invalidated when targets grow).
    private var startRows: [Coordinate: (seconds: [Int64], metres: [Int64])] = [:]

    init(graph: RoadGraph) throws(LastMileError) {
        engine = RoutingEngine(hierarchy: ContractionHierarchy(graph: graph), metric: RoadMetric(freeFlowOf: graph))
        snapper = try reportingErrors { try Snapper(index: SnapIndex(graph: graph)) }
    }

    /// Travel over `places` (targets, then starts), as ``LiveTravelTimes`` lays it out.
    func travel(_ places: LivePlaces) -> LiveTravelTimes {
        let new = places.targets.filter { targetIndex[$0] == nil }
        if !new.isEmpty { addTargets(new) }
        let missingStarts = places.starts.filter { startRows[$0] == nil }
        if !missingStarts.isEmpty { addStarts(missingStarts) }
        let all = places.all, n = all.count, k = stride
        let rowOf = places.targets.map { targetIndex[$0]! }
        var seconds = [Int64](repeating: LiveTravelTimes.unreachable, count: n * n), metres = seconds
        for (i, place) in all.enumerated() {
            if i < places.targets.count {
                let base = rowOf[i] * k
                for (j, column) in rowOf.enumerated() {
                    seconds[i * n + j] = gridSeconds[base + column]
                    metres[i * n + j] = gridMetres[base + column]
                }
            } else if let row = startRows[place] {
                for (j, column) in rowOf.enumerated() {
                    seconds[i * n + j] = row.seconds[column]
                    metres[i * n + j] = row.metres[column]
                }
            }
        }
        return LiveTravelTimes(count: n, seconds: seconds, metres: metres)
    }

    private func snapped(_ places: [Coordinate]) -> [RoadPosition?] {
        places.map { place in (try? snapper.snap(place, maxDistance: Self.snapMetres)).map(RoadPosition.init) }
    }

    /// Grows the target matrix by `new` places: their rows and columns only (the grid moves only when it runs
    /// out of room, then to twice the size).
    private func addTargets(_ new: [Coordinate]) {
        let old = targets.count
        targets += new
        for (offset, place) in new.enumerated() { targetIndex[place] = old + offset }
        targetPositions += snapped(new)
        let k = targets.count
        if k > stride {
            let wider = max(k, 2 * stride)
            var seconds = [Int64](repeating: LiveTravelTimes.unreachable, count: wider * wider), metres = seconds
            for i in 0..<old {
                for j in 0..<old {
                    seconds[i * wider + j] = gridSeconds[i * stride + j]
                    metres[i * wider + j] = gridMetres[i * stride + j]
                }
            }
            (gridSeconds, gridMetres, stride) = (seconds, metres, wider)
        }
        startRows = [:]  // they lack the new targets (and may be narrower than the grid)
        let placed = targetPositions.indices.filter { targetPositions[$0] != nil }
        let newPlaced = placed.filter { $0 >= old }
        guard !newPlaced.isEmpty else { return }
        let all = placed.map { targetPositions[$0]! }, fresh = newPlaced.map { targetPositions[$0]! }
        let rows = engine.matrix(sources: fresh, targets: all), columns = engine.matrix(sources: all, targets: fresh)
        for (a, i) in newPlaced.enumerated() {
            for (b, j) in placed.enumerated() { Self.set(rows[a, b], at: i * stride + j, &gridSeconds, &gridMetres) }
        }
        for (a, i) in placed.enumerated() {
            for (b, j) in newPlaced.enumerated() { Self.set(columns[a, b], at: i * stride + j, &gridSeconds, &gridMetres) }
        }
    }

    /// Rows from the start places `new` to every target.
    private func addStarts(_ new: [Coordinate]) {
        let k = stride
        let placed = targetPositions.indices.filter { targetPositions[$0] != nil }
        let sources = snapped(new)
        let present = sources.indices.filter { sources[$0] != nil }
        let matrix = present.isEmpty || placed.isEmpty ? nil
            : engine.matrix(sources: present.map { sources[$0]! }, targets: placed.map { targetPositions[$0]! })
        for (s, place) in new.enumerated() {
            var seconds = [Int64](repeating: LiveTravelTimes.unreachable, count: k), metres = seconds
            if let matrix, let a = present.firstIndex(of: s) {
                for (b, j) in placed.enumerated() { Self.set(matrix[a, b], at: j, &seconds, &metres) }
            }
            startRows[place] = (seconds, metres)
        }
    }

    /// Seconds (rounded up from milliseconds) and metres (nearest, from millimetres) of a route, when there is one.
    private static func set(_ cost: PathCost?, at index: Int, _ seconds: inout [Int64], _ metres: inout [Int64]) {
        guard let cost else { return }
        seconds[index] = Int64((cost.time + 999) / 1000)
        metres[index] = Int64((cost.length + 500) / 1000)
    }
}
