import Foundation
import LastMileCore
import LastMileGeo
import LastMileGraph
import LastMileTestSupport
import Testing

/// Snapping against brute force over every arc, on random points around real maps.
@Suite struct SnapIndexTests {
    static let seed: UInt64 = 20_261_122

    @Test(arguments: ["monaco.osm.pbf", "helsinki.osm.pbf", "north-bayreuth.osm.gz"])
    func snapEqualsBruteForce(map: String) throws {
        let (graph, _) = try RoadGraphBuilder.build(osmFile: try SharedData.shared("maps/\(map)"), profile: .car)
        let snapper = try Snapper(index: SnapIndex(graph: graph))
        let projection = try Projection(from: .wgs84, to: graph.projection.crs)
        var random = SplitMix64(seed: Self.seed)
        let latitudes = graph.nodeCoordinate.map(\.latitudeE7), longitudes = graph.nodeCoordinate.map(\.longitudeE7)
        let (minLat, maxLat) = (latitudes.min()!, latitudes.max()!), (minLon, maxLon) = (longitudes.min()!, longitudes.max()!)
        for trial in 0..<60 {
            let point = Coordinate(
                latitudeE7: minLat + Int32(random.next() % UInt64(maxLat - minLat)),
                longitudeE7: minLon + Int32(random.next() % UInt64(maxLon - minLon))
            )
            let expected = try BruteForceSnapper.nearestDistance(to: point, in: graph, projection: projection)
            let context = "seed \(Self.seed) trial \(trial) point \(point) on \(map)"
            if expected <= 500 {
                let snapped = try snapper.snap(point, name: "trial \(trial)")
                #expect(abs(snapped.distanceMeters - expected) < 1e-6, "\(context)")
                #expect(snapped.offset.rawValue >= 0 && snapped.offset.rawValue <= Int64(graph.arcLength[snapped.arc.position]))
                if let opposite = snapped.oppositeArc {
                    #expect(graph.arcLength[opposite.position] == graph.arcLength[snapped.arc.position])
                }
            } else {
                let error = try #require(throws: GraphError.self) { try snapper.snap(point, name: "trial \(trial)") }
                #expect(error.code == .tooFarFromRoad, "\(context)")
                #expect(error.message.contains("trial \(trial)"))
            }
        }
    }

    @Test func aPointOnARoadSnapsOntoIt() throws {
        let (graph, _) = try GraphFixtures.build("oneway.osm")
        let snapper = try Snapper(index: SnapIndex(graph: graph))
        // Halfway between nodes 1 and 2 of the one-way 1→2→3, a few metres east of it.
        let snapped = try snapper.snap(try #require(Coordinate(latitude: 47.0005, longitude: 8.00005)))
        #expect(snapped.arc == GraphFixtures.arc(from: 1, to: 3, in: graph))
        #expect(snapped.oppositeArc == nil)
        #expect(abs(snapped.offset.meters - 55.6) < 0.1)
        #expect(abs(snapped.distanceMeters - 3.8) < 0.1)
        #expect(snapped.coordinate.latitudeE7 == 470_005_000)
    }

    @Test func batchesNameEachFailure() throws {
        let (graph, _) = try GraphFixtures.build("oneway.osm")
        let snapper = try Snapper(index: SnapIndex(graph: graph))
        let near = try #require(Coordinate(latitude: 47.001, longitude: 8.0))
        let far = try #require(Coordinate(latitude: 47.1, longitude: 8.0))
        let results = try snapper.snap([near, far], names: ["order A", "order B"], maxDistance: 100)
        #expect((try? results[0].get()) != nil)
        guard case .failure(let error) = results[1] else {
            Issue.record("far point snapped")
            return
        }
        #expect(error.message.contains("order B"))
    }
}
