import Foundation
import LastMileCore
import LastMileGeo
import LastMileOSM

/// Builds a ``RoadGraph`` from OSM data and a ``VehicleProfile``.
///
/// Stages: classify ways; resolve node positions (ways are split where a node is missing from the extract);
/// graph nodes are way ends and nodes shared by two or more ways (or used twice by one); one arc per allowed
/// direction between consecutive graph nodes, with haversine length (R = 6,371,008.8 m) and travel time at
/// the profile's speed; self-loops dropped; turn restrictions by node splitting; parallel arcs reduced to the
/// fastest; the largest strongly connected component kept; nodes renumbered along a Hilbert curve.
public enum RoadGraphBuilder {
    /// Reads an OSM file and builds its graph.
    public static func build(
        osmFile url: URL, profile: VehicleProfile
    ) throws -> (graph: RoadGraph, report: ImportReport) {
        try profile.validate()
        let data = try OSMFileReader.read(url, filter: profile.readFilter)
        return try build(from: data, profile: profile, sourceName: url.path)
    }

    /// Builds the graph of OSM data already read (with `profile.readFilter` or a wider filter).
    ///
    /// - Throws: ``GraphError`` `.noRoads` when no way is a road for the profile.
    public static func build(
        from data: OSMData, profile: VehicleProfile, sourceName: String = "OSM data"
    ) throws -> (graph: RoadGraph, report: ImportReport) {
        var report = ImportReport()
        report.osmNodes = data.nodes.count
        report.candidateWays = data.ways.count

        let roads = data.ways.indices.compactMap { index in
            profile.attributes(of: data.ways[index].tags).map { (way: index, attributes: $0) }
        }
        report.roadWays = roads.count
        guard !roads.isEmpty else {
            throw GraphError(.noRoads, "\(sourceName) has no road the '\(profile.name)' profile may use "
                + "(\(data.ways.count) candidate ways). Check that the file covers a road network, or use another profile.")
        }

        var positions = NodePositions(roads: roads.map { data.ways[$0.way] }, nodes: data.nodes)
        var segments = positions.segments(roads: roads.map { data.ways[$0.way] })
        report.missingNodeReferences = positions.missingReferences

        var arcs: [ProtoArc] = []
        arcs.reserveCapacity(segments.list.count * 2)
        for segment in segments.list where segment.from != segment.to {
            let road = roads[Int(segment.road)]
            appendArcs(for: segment, road: road.attributes, way: Int32(road.way), wayLength: segments.roadLength[Int(segment.road)], to: &arcs)
        }
        guard !arcs.isEmpty else {
            throw GraphError(.noRoads, "\(sourceName): the roads of the '\(profile.name)' profile have no usable segment "
                + "(their nodes are missing from the file)")
        }

        var nodeCount = positions.graphNodeCount
        var copiedFrom: [Int32] = []
        if profile.obeyTurnRestrictions, !data.relations.isEmpty {
            var wayIndex: [Int64: Int32] = [:]
            for road in roads { wayIndex[data.ways[road.way].id] = Int32(road.way) }
            let split = TurnRestrictionSplitter.apply(
                arcs: arcs, nodeCount: nodeCount, relations: data.relations, wayIndex: wayIndex,
                graphNode: { positions.graphNode(ofOSMID: $0) }, vehicleTypes: profile.vehicleTypes, report: &report
            )
            arcs = split.arcs
            copiedFrom = split.copiedNodes
            nodeCount += copiedFrom.count
        }

        arcs = fastestParallelArcs(arcs)
        report.nodesBeforePruning = nodeCount
        report.arcsBeforePruning = arcs.count

        // Keep the largest strongly connected component.
        let csr = CSRIndex(arcs, nodeCount: nodeCount)
        let (component, componentCount) = StronglyConnectedComponents.label(firstOut: csr.firstOut, head: csr.heads(arcs))
        report.components = componentCount
        var size = [Int](repeating: 0, count: componentCount)
        for c in component { size[Int(c)] += 1 }
        let largest = Int32(size.indices.max(by: { size[$0] < size[$1] || (size[$0] == size[$1] && $0 > $1) })!)
        let keptOld = (0..<nodeCount).filter { component[$0] == largest }

        // Coordinates of every old node (copies share their intersection's).
        func oldCoordinate(_ v: Int) -> Coordinate {
            v < positions.graphNodeCount ? positions.graphNodeCoordinate[v] : positions.graphNodeCoordinate[Int(copiedFrom[v - positions.graphNodeCount])]
        }
        func oldOSMID(_ v: Int) -> Int64 {
            v < positions.graphNodeCount ? positions.graphNodeOSMID[v] : positions.graphNodeOSMID[Int(copiedFrom[v - positions.graphNodeCount])]
        }

        let keptCoordinates = keptOld.map(oldCoordinate)
        let zone = utmZone(of: keptCoordinates)
        let projected = try project(keptCoordinates, to: zone)

        // Hilbert order over the projected bounding box.
        let order = hilbertOrder(x: projected.x, y: projected.y)
        var newID = [Int32](repeating: -1, count: nodeCount)
        for (new, keptPosition) in order.enumerated() { newID[keptOld[keptPosition]] = Int32(new) }

        var keptArcs = arcs.filter { newID[Int($0.tail)] >= 0 && newID[Int($0.head)] >= 0 }
        report.droppedNodes = nodeCount - keptOld.count
        report.droppedArcs = arcs.count - keptArcs.count
        for index in keptArcs.indices {
            keptArcs[index].tail = newID[Int(keptArcs[index].tail)]
            keptArcs[index].head = newID[Int(keptArcs[index].head)]
        }
        keptArcs.sort { ($0.tail, $0.head) < ($1.tail, $1.head) }

        let n = keptOld.count
        var graph = RoadGraph(
            firstOut: [UInt32](repeating: 0, count: n + 1), arcHead: [], arcLength: [], arcTime: [], arcClass: [],
            arcFlags: [], arcWayID: [], shapeStart: [0], shapePoints: [],
            nodeCoordinate: [Coordinate](repeating: Coordinate(latitudeE7: 0, longitudeE7: 0), count: n),
            nodeX: [Int32](repeating: 0, count: n), nodeY: [Int32](repeating: 0, count: n),
            nodeOSMID: [Int64](repeating: 0, count: n), nodePrimary: [UInt32](repeating: 0, count: n),
            projection: zone, profileName: profile.name
        )
        for (keptPosition, old) in keptOld.enumerated() {
            let v = Int(newID[old])
            graph.nodeCoordinate[v] = keptCoordinates[keptPosition]
            graph.nodeX[v] = projected.x[keptPosition]
            graph.nodeY[v] = projected.y[keptPosition]
            graph.nodeOSMID[v] = oldOSMID(old)
            let primaryOld = old < positions.graphNodeCount ? old : Int(copiedFrom[old - positions.graphNodeCount])
            // A copy whose intersection was pruned away stands for itself.
            graph.nodePrimary[v] = UInt32(newID[primaryOld] >= 0 ? newID[primaryOld] : newID[old])
        }
        graph.arcHead.reserveCapacity(keptArcs.count)
        for arc in keptArcs {
            graph.firstOut[Int(arc.tail) + 1] += 1
            graph.arcHead.append(UInt32(arc.head))
            graph.arcLength.append(arc.length)
            graph.arcTime.append(arc.time)
            graph.arcClass.append(arc.roadClass)
            graph.arcFlags.append(arc.flags)
            graph.arcWayID.append(data.ways[Int(arc.way)].id)
            let shape = segments.shapes[Int(arc.shapeLower)..<Int(arc.shapeUpper)]
            if arc.shapeReversed {
                graph.shapePoints.append(contentsOf: shape.reversed())
            } else {
                graph.shapePoints.append(contentsOf: shape)
            }
            graph.shapeStart.append(UInt32(graph.shapePoints.count))
        }
        for v in 0..<n { graph.firstOut[v + 1] += graph.firstOut[v] }
        segments.shapes = []

        report.nodes = graph.nodeCount
        report.arcs = graph.arcCount
        report.onewayArcs = graph.arcFlags.lazy.filter { ArcFlags(rawValue: $0).contains(.oneway) }.count
        return (graph, report)
    }

    /// Appends the arcs of one segment: one per allowed direction.
    private static func appendArcs(
        for segment: WaySegments.Segment, road: RoadAttributes, way: Int32, wayLength: Double, to arcs: inout [ProtoArc]
    ) {
        let length = UInt32(clamping: max(1, Int64((segment.meters * 1000).rounded())))
        var baseFlags: ArcFlags = []
        if road.isDestinationOnly { baseFlags.insert(.destinationOnly) }
        if road.roadClass == .ferry { baseFlags.insert(.ferry) }
        if road.forwardSpeed == nil || road.backwardSpeed == nil { baseFlags.insert(.oneway) }
        func time(_ speed: Double) -> UInt32 {
            if let duration = road.ferryDurationSeconds, wayLength > 0 {
                return UInt32(clamping: max(1, Int64((duration * 1000 * segment.meters / wayLength).rounded())))
            }
            return UInt32(clamping: max(1, KilometersPerHour(speed).travelTime(over: Millimeters(Int64(length))).rawValue))
        }
        if let speed = road.forwardSpeed {
            arcs.append(ProtoArc(
                tail: segment.from, head: segment.to, length: length, time: time(speed),
                roadClass: road.roadClass.rawValue, flags: baseFlags.rawValue,
                shapeLower: segment.shapeLower, shapeUpper: segment.shapeUpper, shapeReversed: false, way: way
            ))
        }
        if let speed = road.backwardSpeed {
            arcs.append(ProtoArc(
                tail: segment.to, head: segment.from, length: length, time: time(speed),
                roadClass: road.roadClass.rawValue, flags: baseFlags.rawValue,
                shapeLower: segment.shapeLower, shapeUpper: segment.shapeUpper, shapeReversed: true, way: way
            ))
        }
    }

    /// Of several arcs with the same tail and head, keeps the fastest (then shortest, then first built).
    private static func fastestParallelArcs(_ arcs: [ProtoArc]) -> [ProtoArc] {
        let order = arcs.indices.sorted {
            let a = arcs[$0]
            let b = arcs[$1]
            return (a.tail, a.head, a.time, a.length, $0) < (b.tail, b.head, b.time, b.length, $1)
        }
        var kept: [ProtoArc] = []
        kept.reserveCapacity(arcs.count)
        for index in order {
            let arc = arcs[index]
            if let last = kept.last, last.tail == arc.tail, last.head == arc.head { continue }
            kept.append(arc)
        }
        return kept
    }

    /// The UTM zone of the centre of the bounding box of `coordinates`.
    static func utmZone(of coordinates: [Coordinate]) -> UTMZone {
        var minLat = Int32.max, maxLat = Int32.min, minLon = Int32.max, maxLon = Int32.min
        for c in coordinates {
            minLat = min(minLat, c.latitudeE7)
            maxLat = max(maxLat, c.latitudeE7)
            minLon = min(minLon, c.longitudeE7)
            maxLon = max(maxLon, c.longitudeE7)
        }
        let latitude = (Double(minLat) + Double(maxLat)) / 2e7
        let longitude = (Double(minLon) + Double(maxLon)) / 2e7
        return UTMZone.containing(latitude: latitude, longitude: longitude)
    }

    /// Projects to the zone, in centimetres.
    static func project(_ coordinates: [Coordinate], to zone: UTMZone) throws -> (x: [Int32], y: [Int32]) {
        let projection = try Projection(from: .wgs84, to: zone.crs)
        var xs = coordinates.map(\.longitude)
        var ys = coordinates.map(\.latitude)
        try projection.forward(xs: &xs, ys: &ys)
        return (xs.map { Int32(clamping: Int64(($0 * 100).rounded())) }, ys.map { Int32(clamping: Int64(($0 * 100).rounded())) })
    }

    /// Positions sorted along a Hilbert curve over the bounding box (ties by position).
    private static func hilbertOrder(x: [Int32], y: [Int32]) -> [Int] {
        guard let minX = x.min(), let maxX = x.max(), let minY = y.min(), let maxY = y.max() else { return [] }
        let span = Double(max(maxX - minX, maxY - minY, 1))
        let keys = x.indices.map { i in
            HilbertCurve.index(
                x: UInt32(Double(x[i] - minX) / span * 65535),
                y: UInt32(Double(y[i] - minY) / span * 65535)
            )
        }
        return x.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }
    }
}

/// CSR offsets of proto arcs by tail, used for the component search.
private struct CSRIndex {
    var firstOut: [Int]
    var order: [Int]

    init(_ arcs: [ProtoArc], nodeCount: Int) {
        var firstOut = [Int](repeating: 0, count: nodeCount + 1)
        for arc in arcs { firstOut[Int(arc.tail) + 1] += 1 }
        for v in 0..<nodeCount { firstOut[v + 1] += firstOut[v] }
        var next = firstOut
        var order = [Int](repeating: 0, count: arcs.count)
        for (index, arc) in arcs.enumerated() {
            order[next[Int(arc.tail)]] = index
            next[Int(arc.tail)] += 1
        }
        self.firstOut = firstOut
        self.order = order
    }

    func heads(_ arcs: [ProtoArc]) -> [UInt32] { order.map { UInt32(arcs[$0].head) } }
}
