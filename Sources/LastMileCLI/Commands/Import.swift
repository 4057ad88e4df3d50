import ArgumentParser
import Foundation
import LastMileGraph
import LastMileService

/// `lastmile import MAP -o GRAPH`: builds the road graph of an OSM extract and saves it.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the road graph of an OpenStreetMap extract (.osm.pbf, .osm, .osm.gz) and save it.",
        discussion: """
            Prints a summary of what was kept and dropped. The graph file is read by the other commands with \
            --graph.
            """
    )

    @Argument(help: "The OSM file.")
    var map: String

    @Option(name: [.short, .customLong("output")], help: "Where to write the graph (default: MAP with .graph).")
    var output: String?

    @Option(help: "A built-in profile (car, bicycle, baseline) or the path of a profile JSON file.")
    var profile: String = "car"

    func validate() throws {
        guard VehicleProfile.builtIn[profile] != nil || ProfileFile.namesAFile(profile) else {
            throw ValidationError("unknown profile '\(profile)': use one of \(VehicleProfile.builtIn.keys.sorted().joined(separator: ", ")) "
                + "or the path of a profile JSON file")
        }
    }

    func run() async throws {
        let vehicleProfile = try ProfileFile.load(profile)
        let started = ContinuousClock.now
        let (graph, report) = try RoadNetworks.buildGraph(osmFile: map, profile: vehicleProfile)
        let elapsed = ContinuousClock.now - started
        let outputPath = output ?? Self.defaultOutput(for: map)
        try RoadGraphFile.write(graph, report: report, to: URL(fileURLWithPath: outputPath))
        print(GraphSummary(graph: graph, report: report).text)
        print("built in \(elapsed.formattedSeconds) (routing order included), peak memory \(PeakMemory.megabytes) MB → \(outputPath)")
    }

    static func defaultOutput(for map: String) -> String {
        var base = map
        for suffix in [".osm.pbf", ".osm.gz", ".osm", ".pbf"] where base.hasSuffix(suffix) {
            base.removeLast(suffix.count)
            break
        }
        return base + ".graph"
    }
}
