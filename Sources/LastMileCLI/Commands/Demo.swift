import ArgumentParser
import Foundation
import LastMileGraph
import LastMileRouting

/// `lastmile demo`: the main job on the bundled sample town.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import the bundled sample town (maps/sample-town.osm.pbf) and print its road-graph summary."
    )

    @Option(help: "The map to use.")
    var map: String = "maps/sample-town.osm.pbf"

    @Option(help: "Folder for the outputs.")
    var output: String = "lastmile-demo"

    func run() async throws {
        guard FileManager.default.fileExists(atPath: map) else {
            throw ValidationError("\(map) not found: run `lastmile demo` from the repository root, or pass --map")
        }
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let started = ContinuousClock.now
        let (built, report) = try RoadGraphBuilder.build(osmFile: URL(fileURLWithPath: map), profile: .car)
        let graph = built.withRoutingOrder(ContractionHierarchy.nestedDissectionOrder(of: built))
        let graphPath = (output as NSString).appendingPathComponent("sample-town.graph")
        try RoadGraphFile.write(graph, report: report, to: URL(fileURLWithPath: graphPath))
        print("LastMile demo: road graph of \(map)")
        print(GraphSummary(graph: graph, report: report).text)
        print("built in \((ContinuousClock.now - started).formattedSeconds) → \(graphPath)")
        print("next: lastmile info \(graphPath)")
    }
}
