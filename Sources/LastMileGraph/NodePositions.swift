import LastMileCore
import LastMileGeo
import LastMileOSM

/// The road segments between graph nodes, with their shape points.
struct WaySegments {
    /// A road piece between two consecutive graph nodes of one way, in the way's node order.
    struct Segment {
        /// Index into the road list the segments were made from.
        var road: Int32
        var from: Int32
        var to: Int32
        /// Haversine length along the shape, metres.
        var meters: Double
        /// Intermediate shape points: `shapes[shapeLower ..< shapeUpper]`.
        var shapeLower: Int32
        var shapeUpper: Int32
    }

    var list: [Segment] = []
    var shapes: [Coordinate] = []
    /// Total located length of each road, metres (spreads a ferry's tagged duration over its segments).
    var roadLength: [Double] = []
}

/// Positions of the nodes that roads use, and which of them become graph nodes.
///
/// Each referenced OSM node gets a dense "slot" in order of first reference, so the result does not depend on
/// hashing order. A node becomes a graph node when it ends a road piece or is used twice or more.
struct NodePositions {
    private var slotOf: [Int64: Int32] = [:]
    private var slotCoordinate: [Coordinate] = []
    private var slotLocated: [Bool] = []
    private var slotID: [Int64] = []
    private var graphNodeOfSlot: [Int32] = []
    private(set) var graphNodeCoordinate: [Coordinate] = []
    private(set) var graphNodeOSMID: [Int64] = []
    private(set) var missingReferences = 0

    var graphNodeCount: Int { graphNodeCoordinate.count }

    init(roads: [OSMWay], nodes: OSMNodes) {
        let references = roads.reduce(0) { $0 + $1.nodeIDs.count }
        slotOf.reserveCapacity(references)
        for road in roads {
            for id in road.nodeIDs where slotOf[id] == nil {
                slotOf[id] = Int32(slotID.count)
                slotID.append(id)
            }
        }
        slotCoordinate = [Coordinate](repeating: Coordinate(latitudeE7: 0, longitudeE7: 0), count: slotID.count)
        slotLocated = [Bool](repeating: false, count: slotID.count)
        for index in 0..<nodes.count {
            if let slot = slotOf[nodes.ids[index]] {
                slotCoordinate[Int(slot)] = nodes.coordinates[index]
                slotLocated[Int(slot)] = true
            }
        }
    }

    /// The graph node of an OSM node, if it became one.
    func graphNode(ofOSMID id: Int64) -> Int32? {
        guard let slot = slotOf[id] else { return nil }
        let node = graphNodeOfSlot[Int(slot)]
        return node >= 0 ? node : nil
    }

    /// Splits roads at missing nodes, chooses the graph nodes and cuts the roads into segments between them.
    mutating func segments(roads: [OSMWay]) -> WaySegments {
        // Pieces: maximal runs of located nodes, without repeated consecutive nodes.
        var pieceSlots: [Int32] = []
        var pieces: [(road: Int32, range: Range<Int>)] = []
        var useCount = [UInt8](repeating: 0, count: slotID.count)
        var isEnd = [Bool](repeating: false, count: slotID.count)
        for (roadIndex, road) in roads.enumerated() {
            var start = pieceSlots.count
            func closePiece() {
                if pieceSlots.count - start >= 2 {
                    isEnd[Int(pieceSlots[start])] = true
                    isEnd[Int(pieceSlots[pieceSlots.count - 1])] = true
                    pieces.append((Int32(roadIndex), start..<pieceSlots.count))
                    for slot in pieceSlots[start...] where useCount[Int(slot)] < 2 { useCount[Int(slot)] += 1 }
                } else {
                    pieceSlots.removeLast(pieceSlots.count - start)
                }
                start = pieceSlots.count
            }
            for id in road.nodeIDs {
                let slot = slotOf[id]!
                guard slotLocated[Int(slot)] else {
                    missingReferences += 1
                    closePiece()
                    continue
                }
                if pieceSlots.count > start, pieceSlots[pieceSlots.count - 1] == slot { continue }
                pieceSlots.append(slot)
            }
            closePiece()
        }

        graphNodeOfSlot = [Int32](repeating: -1, count: slotID.count)
        for slot in pieceSlots where graphNodeOfSlot[Int(slot)] < 0 && (isEnd[Int(slot)] || useCount[Int(slot)] >= 2) {
            graphNodeOfSlot[Int(slot)] = Int32(graphNodeCoordinate.count)
            graphNodeCoordinate.append(slotCoordinate[Int(slot)])
            graphNodeOSMID.append(slotID[Int(slot)])
        }

        var result = WaySegments()
        result.roadLength = [Double](repeating: 0, count: roads.count)
        for piece in pieces {
            var from = graphNodeOfSlot[Int(pieceSlots[piece.range.lowerBound])]
            var meters = 0.0
            var shapeLower = Int32(result.shapes.count)
            var previous = slotCoordinate[Int(pieceSlots[piece.range.lowerBound])]
            for position in piece.range.dropFirst() {
                let slot = Int(pieceSlots[position])
                let here = slotCoordinate[slot]
                let step = Haversine.distanceMeters(previous, here)
                meters += step
                result.roadLength[Int(piece.road)] += step
                previous = here
                let node = graphNodeOfSlot[slot]
                if node < 0 {
                    result.shapes.append(here)
                    continue
                }
                result.list.append(WaySegments.Segment(
                    road: piece.road, from: from, to: node, meters: meters,
                    shapeLower: shapeLower, shapeUpper: Int32(result.shapes.count)
                ))
                from = node
                meters = 0
                shapeLower = Int32(result.shapes.count)
            }
        }
        return result
    }
}
