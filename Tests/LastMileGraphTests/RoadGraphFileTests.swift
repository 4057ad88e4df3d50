import Foundation
import LastMileGraph
import LastMileTestSupport
import Testing

@Suite struct RoadGraphFileTests {
    func temporaryFile(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("lastmile-\(UUID().uuidString)-\(name)")
    }

    @Test func roundTripKeepsEveryArray() throws {
        let (built, report) = try RoadGraphBuilder.build(osmFile: try SharedData.shared("maps/monaco.osm.pbf"), profile: .car)
        // Any permutation will do for the file; the routing tests use real orders.
        let graph = built.withRoutingOrder((0..<UInt32(built.nodeCount)).reversed())
        let url = temporaryFile("monaco.graph")
        defer { try? FileManager.default.removeItem(at: url) }
        try RoadGraphFile.write(graph, report: report, to: url)
        let (loaded, loadedReport) = try RoadGraphFile.read(url)
        #expect(loaded.firstOut == graph.firstOut)
        #expect(loaded.arcHead == graph.arcHead)
        #expect(loaded.arcLength == graph.arcLength)
        #expect(loaded.arcTime == graph.arcTime)
        #expect(loaded.arcClass == graph.arcClass)
        #expect(loaded.arcFlags == graph.arcFlags)
        #expect(loaded.arcWayID == graph.arcWayID)
        #expect(loaded.shapeStart == graph.shapeStart)
        #expect(loaded.shapePoints == graph.shapePoints)
        #expect(loaded.nodeCoordinate == graph.nodeCoordinate)
        #expect(loaded.nodeX == graph.nodeX && loaded.nodeY == graph.nodeY)
        #expect(loaded.nodeOSMID == graph.nodeOSMID && loaded.nodePrimary == graph.nodePrimary)
        #expect(loaded.projection == graph.projection && loaded.profileName == graph.profileName)
        #expect(loaded.routingOrder == graph.routingOrder)
        #expect(loadedReport == report)
    }

    @Test func damagedFilesAreRefusedClearly() throws {
        let (graph, report) = try GraphFixtures.build("oneway.osm")
        let url = temporaryFile("oneway.graph")
        defer { try? FileManager.default.removeItem(at: url) }
        try RoadGraphFile.write(graph, report: report, to: url)
        let good = try Data(contentsOf: url)

        func error(for bytes: Data) throws -> GraphError {
            try bytes.write(to: url)
            return try #require(throws: GraphError.self) { try RoadGraphFile.read(url) }
        }
        var otherVersion = good
        otherVersion[8] = 99
        let versionError = try error(for: otherVersion)
        #expect(versionError.code == .wrongFormat)
        #expect(versionError.message.contains("version 99"))

        var version2 = good
        version2[8] = 2
        let oldError = try error(for: version2)
        #expect(oldError.code == .wrongFormat)
        #expect(oldError.message.contains("lack the OSM way id") && oldError.hint?.contains("lastmile import") == true)

        var flipped = good
        flipped[good.count - 5] ^= 0xFF
        #expect(try error(for: flipped).code == .corruptFile)
        #expect(try error(for: good.prefix(good.count - 8)).code == .corruptFile)
        #expect(try error(for: Data("not a graph".utf8)).code == .wrongFormat)
    }

    @Test func missingFileIsAnAccessError() throws {
        let error = try #require(throws: GraphError.self) { try RoadGraphFile.read(temporaryFile("absent.graph")) }
        #expect(error.code == .fileAccess)
    }
}
