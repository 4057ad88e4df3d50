import Foundation
import LastMileCore
import LastMileGraph
import LastMileOSM
import LastMileRouting
import LastMileSampleTown

/// The road graphs a day is planned on: the car graph, and for cargo bikes the bicycle graph of the same map
/// (from an OSM file) or none (from a `.graph` file of `lastmile import`: bikes then ride the car roads at a
/// share of car speed).
public struct RoadNetworks: Sendable {
    public let car: RoadGraph
    public let bike: RoadGraph?

    /// Reads `map`: an `.osm.pbf`, `.osm` or `.osm.gz` extract (both graphs are built, with their routing
    /// order) or a `.graph` file.
    ///
    /// - Throws: ``LastMileError``: bad input for a missing, unreadable or wrong-version file; routing data for
    ///   a map without usable roads.
    public static func load(map: String) throws(LastMileError) -> RoadNetworks {
        try load(mapFile: map)
    }

    /// The road graph of an OSM extract for `profile`, with its routing order (metric-independent: computed
    /// once here, reused by every matrix and route), and what the import kept and dropped.
    ///
    /// - Throws: ``LastMileError``: bad input for a missing or damaged file; routing data for no usable roads.
    public static func buildGraph(osmFile path: String, profile: VehicleProfile) throws(LastMileError) -> (graph: RoadGraph, report: ImportReport) {
        try reportingErrors {
            let (built, report) = try RoadGraphBuilder.build(osmFile: URL(fileURLWithPath: path), profile: profile)
            return (built.withRoutingOrder(ContractionHierarchy.nestedDissectionOrder(of: built)), report)
        }
    }

    /// The roads of the bundled sample town, generated (it is deterministic) into the temporary folder: works
    /// from any directory.
    public static func sampleTown() throws(LastMileError) -> RoadNetworks {
        // A file of its own per call: calls run concurrently (a server's requests, a test suite).
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lastmile-sample-town-\(UUID().uuidString).osm.pbf")
        defer { try? FileManager.default.removeItem(at: path) }
        do { try PBFWriter.write(SampleTown.generate(seed: 1), to: path) } catch {
            throw LastMileError(.internal, "cannot write the sample town to \(path.path): \(error)")
        }
        return try load(mapFile: path.path)
    }

    private static func load(mapFile map: String) throws(LastMileError) -> RoadNetworks {
        guard FileManager.default.fileExists(atPath: map) else {
            throw LastMileError(.badInput, "map not found", at: ErrorLocation(file: map),
                                hint: "give a map: an .osm.pbf, .osm or .graph file")
        }
        if map.hasSuffix(".graph") {
            return RoadNetworks(car: try reportingErrors { try RoadGraphFile.read(URL(fileURLWithPath: map)).graph }, bike: nil)
        }
        return RoadNetworks(car: try buildGraph(osmFile: map, profile: .car).graph, bike: try buildGraph(osmFile: map, profile: .bicycle).graph)
    }
}
