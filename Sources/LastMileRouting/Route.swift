import LastMileCore
import LastMileGeo
import LastMileGraph

/// A route through a sequence of stops: per-leg cost and the road geometry of the whole drive.
public struct Route: Sendable {
    /// One stop-to-stop part of the route.
    public struct Leg: Sendable {
        public var cost: PathCost
        /// Graph arcs driven, in order; the first and last may be driven in part.
        public var arcs: [ArcIndex]
        /// The road geometry from the first stop to the next, WGS84.
        public var geometry: [Coordinate]
    }

    public var legs: [Leg]

    public init(legs: [Leg]) { self.legs = legs }

    /// Total cost over all legs.
    public var cost: PathCost { legs.reduce(.zero) { $0 + $1.cost } }

    /// The geometry of all legs, without repeating the points where legs meet.
    public var geometry: [Coordinate] {
        var points: [Coordinate] = []
        for leg in legs {
            points.append(contentsOf: points.last == leg.geometry.first ? leg.geometry.dropFirst() : leg.geometry[...])
        }
        return points
    }
}

extension RoutingEngine {
    /// The fastest route visiting `stops` in order, or `nil` when some leg has no route.
    public func route(through stops: [RoadPosition]) -> Route? {
        precondition(stops.count >= 2, "a route needs at least two stops")
        var forward = HierarchySearch(rankCount: rank.count)
        var backward = HierarchySearch(rankCount: rank.count)
        var legs: [Route.Leg] = []
        for (from, to) in zip(stops, stops.dropFirst()) {
            guard let leg = leg(from: from, to: to, forward: &forward, backward: &backward) else { return nil }
            legs.append(leg)
        }
        return Route(legs: legs)
    }

    private func leg(
        from source: RoadPosition, to target: RoadPosition, forward: inout HierarchySearch, backward: inout HierarchySearch
    ) -> Route.Leg? {
        let access = links.access(source)
        let egress = links.egress(target)
        forward.run(from: access.map { (rank[Int($0.node)], $0.cost) }, upward: true, in: customized)
        backward.run(from: egress.map { (rank[Int($0.node)], $0.cost) }, upward: false, in: customized)
        var best = PathCost.infinity
        var meeting: Int32 = -1
        for r in forward.visited where backward.contains(r) {
            let total = forward.cost[Int(r)] + backward.cost[Int(r)]
            if total < best {
                best = total
                meeting = r
            }
        }
        let direct = links.direct(from: source, to: target)
        if direct.cost <= best, !direct.cost.isInfinite {
            return Route.Leg(
                cost: direct.cost, arcs: [ArcIndex(direct.arc)],
                geometry: geometry(of: Int(direct.arc), from: direct.from, to: direct.to)
            )
        }
        guard meeting >= 0 else { return nil }

        // Up from the source to the meeting rank, then down to the target.
        var upEdges: [Int32] = []
        var r = meeting
        while forward.predecessor[Int(r)] >= 0 {
            let edge = forward.predecessor[Int(r)]
            upEdges.append(edge)
            r = customized.lowEnd(of: edge)
        }
        let startNode = customized.hierarchy.node[Int(r)]
        var middle: [Int32] = []
        for edge in upEdges.reversed() { customized.unpack(edge: edge, upward: true, into: &middle) }
        r = meeting
        while backward.predecessor[Int(r)] >= 0 {
            let edge = backward.predecessor[Int(r)]
            customized.unpack(edge: edge, upward: false, into: &middle)
            r = customized.lowEnd(of: edge)
        }
        let endNode = customized.hierarchy.node[Int(r)]
        // The access and egress links the route used: the cheapest at the search's first and last node.
        guard let first = access.filter({ $0.node == startNode }).min(by: { $0.cost < $1.cost }),
            let last = egress.filter({ $0.node == endNode }).min(by: { $0.cost < $1.cost })
        else { preconditionFailure("route ends are not links of its stops") }

        var arcs: [ArcIndex] = []
        var points: [Coordinate] = []
        let firstLength = Int64(graph.arcLength[Int(first.arc)])
        if first.cost != .zero || first.offset < firstLength {
            if first.node == Int32(graph.arcHead[Int(first.arc)]) {
                arcs.append(ArcIndex(first.arc))
                points = geometry(of: Int(first.arc), from: first.offset, to: firstLength)
            }
        }
        for arc in middle {
            arcs.append(ArcIndex(arc))
            let shape = graph.geometry(of: ArcIndex(arc), tail: graph.tail(of: ArcIndex(arc)))
            points.append(contentsOf: points.last == shape.first ? shape.dropFirst() : shape[...])
        }
        if last.offset > 0, last.node == graph.tail(of: ArcIndex(last.arc)).rawValue {
            arcs.append(ArcIndex(last.arc))
            let shape = geometry(of: Int(last.arc), from: 0, to: last.offset)
            points.append(contentsOf: points.last == shape.first ? shape.dropFirst() : shape[...])
        }
        if points.isEmpty { points = [graph.nodeCoordinate[Int(startNode)]] }
        return Route.Leg(cost: best, arcs: arcs, geometry: points)
    }

    /// The part of an arc's geometry between two offsets from its tail (mm), cut by length along the shape.
    func geometry(of arc: Int, from start: Int64, to end: Int64) -> [Coordinate] {
        let shape = graph.geometry(of: ArcIndex(arc), tail: graph.tail(of: ArcIndex(arc)))
        var cumulative = [0.0]
        for (a, b) in zip(shape, shape.dropFirst()) { cumulative.append(cumulative.last! + Haversine.distanceMeters(a, b)) }
        let total = max(cumulative.last!, 1e-9)
        let length = Double(max(graph.arcLength[arc], 1))
        func point(at offset: Int64) -> Coordinate {
            let target = Double(offset) / length * total
            var i = 0
            while i < shape.count - 2, cumulative[i + 1] < target { i += 1 }
            let span = cumulative[i + 1] - cumulative[i]
            let t = span > 0 ? min(1, max(0, (target - cumulative[i]) / span)) : 0
            let a = shape[i], b = shape[i + 1]
            return Coordinate(
                latitudeE7: Int32((Double(a.latitudeE7) + (Double(b.latitudeE7) - Double(a.latitudeE7)) * t).rounded()),
                longitudeE7: Int32((Double(a.longitudeE7) + (Double(b.longitudeE7) - Double(a.longitudeE7)) * t).rounded())
            )
        }
        let startMeters = Double(start) / length * total, endMeters = Double(end) / length * total
        var points = [point(at: start)]
        for (index, distance) in cumulative.enumerated() where distance > startMeters && distance < endMeters {
            points.append(shape[index])
        }
        points.append(point(at: end))
        return points
    }
}
