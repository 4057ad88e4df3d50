import LastMileCore
import LastMileGeo

/// A uniform-grid spatial index over the road geometry of a ``RoadGraph``, in the graph's projected metres,
/// for matching positions to the nearest point on a road (not merely the nearest node).
///
/// Immutable and `Sendable`: one index serves all threads. Each two-way road is indexed once (by its arc of
/// lower index) and turn-restriction copies are not indexed, so a match names the plain arc and its opposite.
/// Grid cells hold the polyline segments that cross them; a query scans a square window around the point and
/// doubles it until the best match lies inside the window, which makes the answer exact.
public struct SnapIndex: Sendable {
    public let graph: RoadGraph
    /// Projected shape points of the indexed arcs, metres; polyline `k` is `x/y[polylineStart[k] ..< polylineStart[k + 1]]`.
    private let x: [Double]
    private let y: [Double]
    private let polylineStart: [UInt32]
    /// The arc of polyline `k`.
    private let polylineArc: [UInt32]
    /// The polyline of each point (segment `i` runs from point `i` to `i + 1` within one polyline).
    private let pointPolyline: [UInt32]
    /// Grid geometry: cell `(cx, cy)` covers `[originX + cx·cellSize, +cellSize) × [originY + cy·cellSize, +cellSize)`.
    private let originX: Double
    private let originY: Double
    /// Cell side, metres.
    public let cellSize: Double
    private let columns: Int
    private let rows: Int
    /// Segments of cell `c = cy · columns + cx` are `cellSegments[cellStart[c] ..< cellStart[c + 1]]` (first point index).
    private let cellStart: [UInt32]
    private let cellSegments: [UInt32]

    /// Builds the index; costs one PROJ batch transform of the shape points and two passes over the segments.
    public init(graph: RoadGraph) throws {
        self.graph = graph
        let tails = graph.arcTails()
        var polylineArc: [UInt32] = []
        var geographic: [Coordinate] = []
        var polylineStart: [UInt32] = [0]
        for arc in 0..<graph.arcCount {
            let tail = NodeIndex(Int32(tails[arc]))
            if graph.isTurnCopy(tail) { continue }
            if let opposite = graph.oppositeArc(of: ArcIndex(arc), tail: tail), opposite.position < arc { continue }
            polylineArc.append(UInt32(arc))
            geographic.append(contentsOf: graph.geometry(of: ArcIndex(arc), tail: tail))
            polylineStart.append(UInt32(geographic.count))
        }
        var xs = geographic.map(\.longitude)
        var ys = geographic.map(\.latitude)
        try Projection(from: .wgs84, to: graph.projection.crs).forward(xs: &xs, ys: &ys)
        var pointPolyline = [UInt32](repeating: 0, count: xs.count)
        for k in 0..<polylineArc.count {
            for i in Int(polylineStart[k])..<Int(polylineStart[k + 1]) { pointPolyline[i] = UInt32(k) }
        }

        let minX = xs.min() ?? 0, maxX = xs.max() ?? 0, minY = ys.min() ?? 0, maxY = ys.max() ?? 0
        let segmentCount = max(1, xs.count - polylineArc.count)
        let area = max(1, (maxX - minX) * (maxY - minY))
        let cellSize = max(25, (area / Double(segmentCount)).squareRoot())
        let columns = Int((maxX - minX) / cellSize) + 1
        let rows = Int((maxY - minY) / cellSize) + 1

        // Cells each segment crosses: the bounding boxes of pieces no longer than half a cell cover it.
        var pairs: [(cell: UInt32, segment: UInt32)] = []
        pairs.reserveCapacity(segmentCount * 2)
        for k in 0..<polylineArc.count {
            for i in Int(polylineStart[k])..<Int(polylineStart[k + 1]) - 1 {
                let length = ((xs[i + 1] - xs[i]) * (xs[i + 1] - xs[i]) + (ys[i + 1] - ys[i]) * (ys[i + 1] - ys[i])).squareRoot()
                let pieces = max(1, Int((length / (cellSize / 2)).rounded(.up)))
                var lastCell = -1
                for p in 0..<pieces {
                    let t0 = Double(p) / Double(pieces), t1 = Double(p + 1) / Double(pieces)
                    let ax = xs[i] + (xs[i + 1] - xs[i]) * t0, ay = ys[i] + (ys[i + 1] - ys[i]) * t0
                    let bx = xs[i] + (xs[i + 1] - xs[i]) * t1, by = ys[i] + (ys[i + 1] - ys[i]) * t1
                    let cx0 = Int((min(ax, bx) - minX) / cellSize), cx1 = Int((max(ax, bx) - minX) / cellSize)
                    let cy0 = Int((min(ay, by) - minY) / cellSize), cy1 = Int((max(ay, by) - minY) / cellSize)
                    for cy in cy0...cy1 {
                        for cx in cx0...cx1 {
                            let cell = cy * columns + cx
                            if cell == lastCell { continue }
                            lastCell = cell
                            pairs.append((UInt32(cell), UInt32(i)))
                        }
                    }
                }
            }
        }
        pairs.sort { ($0.cell, $0.segment) < ($1.cell, $1.segment) }
        var cellStart = [UInt32](repeating: 0, count: columns * rows + 1)
        var cellSegments: [UInt32] = []
        cellSegments.reserveCapacity(pairs.count)
        var previous: (UInt32, UInt32)? = nil
        for pair in pairs where previous.map({ $0 != (pair.cell, pair.segment) }) ?? true {
            cellStart[Int(pair.cell) + 1] += 1
            cellSegments.append(pair.segment)
            previous = (pair.cell, pair.segment)
        }
        for c in 0..<columns * rows { cellStart[c + 1] += cellStart[c] }

        self.x = xs
        self.y = ys
        self.polylineStart = polylineStart
        self.polylineArc = polylineArc
        self.pointPolyline = pointPolyline
        self.originX = minX
        self.originY = minY
        self.cellSize = cellSize
        self.columns = columns
        self.rows = rows
        self.cellStart = cellStart
        self.cellSegments = cellSegments
    }

    /// The nearest point on any indexed road to a projected position, or `nil` when none is within
    /// `maxDistance` metres.
    public func nearest(to point: PlanarPoint, maxDistance: Double) -> SnappedPoint? {
        var best: (distanceSquared: Double, segment: Int, t: Double)? = nil
        var radius = cellSize
        while true {
            let window = min(radius, maxDistance)
            let cx0 = max(0, Int(((point.x - window - originX) / cellSize).rounded(.down)))
            let cx1 = min(columns - 1, Int(((point.x + window - originX) / cellSize).rounded(.down)))
            let cy0 = max(0, Int(((point.y - window - originY) / cellSize).rounded(.down)))
            let cy1 = min(rows - 1, Int(((point.y + window - originY) / cellSize).rounded(.down)))
            if cx0 <= cx1, cy0 <= cy1 {
                for cy in cy0...cy1 {
                    for cx in cx0...cx1 {
                        let cell = cy * columns + cx
                        for entry in Int(cellStart[cell])..<Int(cellStart[cell + 1]) {
                            let segment = Int(cellSegments[entry])
                            let (d2, t) = distanceSquared(from: point, toSegment: segment)
                            if let current = best,
                                d2 > current.distanceSquared || (d2 == current.distanceSquared && segment >= current.segment)
                            {
                                continue
                            }
                            best = (d2, segment, t)
                        }
                    }
                }
            }
            if let found = best, found.distanceSquared <= window * window {
                guard found.distanceSquared <= maxDistance * maxDistance else { return nil }
                return snappedPoint(segment: found.segment, t: found.t, distance: found.distanceSquared.squareRoot())
            }
            if window >= maxDistance { return nil }
            radius *= 2
        }
    }

    /// Squared distance from `point` to segment `i` and the parameter `t ∈ [0, 1]` of the closest point.
    private func distanceSquared(from point: PlanarPoint, toSegment i: Int) -> (Double, Double) {
        let ax = x[i], ay = y[i]
        let dx = x[i + 1] - ax, dy = y[i + 1] - ay
        let lengthSquared = dx * dx + dy * dy
        var t = lengthSquared > 0 ? ((point.x - ax) * dx + (point.y - ay) * dy) / lengthSquared : 0
        t = min(1, max(0, t))
        let px = ax + t * dx - point.x, py = ay + t * dy - point.y
        return (px * px + py * py, t)
    }

    private func snappedPoint(segment i: Int, t: Double, distance: Double) -> SnappedPoint {
        let k = Int(pointPolyline[i])
        let first = Int(polylineStart[k]), last = Int(polylineStart[k + 1]) - 1
        var total = 0.0
        var before = 0.0
        for j in first..<last {
            let length = PlanarPoint(x: x[j], y: y[j]).distance(to: PlanarPoint(x: x[j + 1], y: y[j + 1]))
            if j < i { before += length }
            if j == i { before += length * t }
            total += length
        }
        let arc = ArcIndex(Int32(polylineArc[k]))
        let arcLength = Int64(graph.arcLength[arc.position])
        let offset = total > 0 ? Int64((Double(arcLength) * before / total).rounded()) : 0
        let tail = graph.tail(of: arc)
        let shape = graph.geometry(of: arc, tail: tail)
        let a = shape[i - first], b = shape[i - first + 1]
        let coordinate = Coordinate(
            latitudeE7: Int32((Double(a.latitudeE7) + (Double(b.latitudeE7) - Double(a.latitudeE7)) * t).rounded()),
            longitudeE7: Int32((Double(a.longitudeE7) + (Double(b.longitudeE7) - Double(a.longitudeE7)) * t).rounded())
        )
        return SnappedPoint(
            arc: arc, oppositeArc: graph.oppositeArc(of: arc, tail: tail),
            offset: Millimeters(min(max(0, offset), arcLength)), coordinate: coordinate, distanceMeters: distance
        )
    }
}

extension RoadGraph {
    /// The arc of the same road in the opposite direction: from the head of `arc` back to `tail`, with the same
    /// length and the reversed shape, leaving the head's intersection itself (not a turn-restriction copy).
    /// `nil` for one-way roads.
    public func oppositeArc(of arc: ArcIndex, tail: NodeIndex) -> ArcIndex? {
        let head = NodeIndex(Int32(nodePrimary[Int(arcHead[arc.position])]))
        let tailPrimary = nodePrimary[tail.position]
        let start = Int(shapeStart[arc.position]), end = Int(shapeStart[arc.position + 1])
        for candidate in outArcs(of: head) where nodePrimary[Int(arcHead[candidate])] == tailPrimary {
            guard arcLength[candidate] == arcLength[arc.position] else { continue }
            let candidateStart = Int(shapeStart[candidate]), candidateEnd = Int(shapeStart[candidate + 1])
            guard candidateEnd - candidateStart == end - start,
                shapePoints[candidateStart..<candidateEnd].elementsEqual(shapePoints[start..<end].reversed())
            else { continue }
            return ArcIndex(candidate)
        }
        return nil
    }

    /// The tail of one arc, by binary search over `firstOut` (O(log nodes)).
    public func tail(of arc: ArcIndex) -> NodeIndex {
        var low = 0, high = nodeCount - 1
        let target = UInt32(arc.rawValue)
        while low < high {
            let middle = (low + high + 1) / 2
            if firstOut[middle] <= target { low = middle } else { high = middle - 1 }
        }
        return NodeIndex(low)
    }
}
