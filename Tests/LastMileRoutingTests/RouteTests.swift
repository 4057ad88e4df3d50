import Foundation
import LastMileCore
import LastMileGeo
import LastMileGraph
import LastMileTestSupport
import Testing

@testable import LastMileRouting

@Suite struct RouteTests {
    /// Every leg: its cost equals the matrix entry, and recomputing it from the arcs it lists (partial first and
    /// last arc, whole arcs between, with the test's own partial-arc arithmetic) gives the same number;
    /// consecutive arcs connect.
    @Test(arguments: ["sample-town", "monaco.osm.pbf"])
    func routesAgreeWithMatrixAndTheirArcs(map: String) throws {
        let url = map == "sample-town" ? SharedData.maps.appendingPathComponent("sample-town.osm.pbf") : try SharedData.shared("maps/\(map)")
        let (graph, _) = try RoadGraphBuilder.build(osmFile: url, profile: .car)
        let metric = RoadMetric(freeFlowOf: graph)
        let engine = RoutingEngine(hierarchy: ContractionHierarchy(graph: graph), metric: metric)
        var random = SplitMix64(seed: 9)
        let positions = MatrixOracleTests.randomPositions(30, in: graph, using: &random)
        let matrix = engine.matrix(sources: positions, targets: positions)
        for i in 0..<positions.count {
            for j in 0..<positions.count where (i * 7 + j) % 5 == 0 {
                let context = "\(map) seed 9 pair \(i)→\(j)"
                guard let expected = matrix[i, j] else {
                    #expect(engine.route(through: [positions[i], positions[j]]) == nil, "\(context)")
                    continue
                }
                let route = try #require(engine.route(through: [positions[i], positions[j]]), "\(context)")
                let leg = route.legs[0]
                #expect(leg.cost == expected, "\(context)")
                #expect(Self.recomputedCost(of: leg, from: positions[i], to: positions[j], graph: graph, metric: metric) == expected, "\(context)")
                #expect(leg.geometry.count >= 1)
            }
        }
        // A route through three stops is the sum of its two legs.
        let via = try #require(engine.route(through: Array(positions[0..<3])))
        #expect(via.legs.count == 2)
        if let a = matrix[0, 1], let b = matrix[1, 2] { #expect(via.cost == a + b) }
    }

    /// The cost of a leg from its arcs alone: `round(arcTime × driven / arcLength)` ms for each part of an arc.
    static func recomputedCost(of leg: Route.Leg, from source: RoadPosition, to target: RoadPosition, graph: RoadGraph, metric: RoadMetric) -> PathCost? {
        let arcs = leg.arcs.map(\.position)
        func drive(_ arc: Int, _ driven: Int64) -> PathCost {
            let length = UInt64(graph.arcLength[arc])
            return PathCost(time: (UInt64(metric.arcTime[arc]) * UInt64(driven) + length / 2) / length, length: UInt64(driven))
        }
        var cost = PathCost.zero
        var position = 0
        for (index, arc) in arcs.enumerated() {
            let length = Int64(graph.arcLength[arc])
            if index > 0 {
                // Arcs connect: this arc leaves where the previous ended.
                guard graph.tail(of: ArcIndex(arc)).rawValue == Int32(graph.arcHead[arcs[index - 1]]) else { return nil }
            }
            var from: Int64 = 0, to = length
            if index == 0, arc == source.arc.position { from = source.offset.rawValue }
            if index == 0, arc == source.oppositeArc?.position { from = length - source.offset.rawValue }
            if index == arcs.count - 1 {
                let sameRoad = graph.nodePrimary[Int(graph.tail(of: ArcIndex(arc)).rawValue)]
                if arc == target.arc.position || (graph.nodePrimary[Int(graph.tail(of: target.arc).rawValue)] == sameRoad && graph.arcHead[arc] == graph.arcHead[target.arc.position]) {
                    to = target.offset.rawValue
                } else if let opposite = target.oppositeArc, graph.arcHead[arc] == graph.arcHead[opposite.position] {
                    to = length - target.offset.rawValue
                }
            }
            cost = cost + drive(arc, to - from)
            position += 1
        }
        return cost
    }

    @Test func polylineMatchesTheFormatsReferenceExample() throws {
        // Google's documented example: (38.5, -120.2), (40.7, -120.95), (43.252, -126.453).
        let points = [
            Coordinate(latitude: 38.5, longitude: -120.2)!, Coordinate(latitude: 40.7, longitude: -120.95)!,
            Coordinate(latitude: 43.252, longitude: -126.453)!,
        ]
        #expect(EncodedPolyline.encode(points, precision: 5) == "_p~iF~ps|U_ulLnnqC_mqNvxq`@")
        #expect(EncodedPolyline.decode("_p~iF~ps|U_ulLnnqC_mqNvxq`@", precision: 5) == points)
        let six = EncodedPolyline.encode(points, precision: 6)
        #expect(EncodedPolyline.decode(six, precision: 6) == points)
        #expect(EncodedPolyline.decode("_p~iF~ps|U_", precision: 5) == nil)
    }
}
