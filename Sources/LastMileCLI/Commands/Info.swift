import ArgumentParser
import Foundation
import LastMileGraph

/// `lastmile info GRAPH`: prints the summary of a saved graph.
struct Info: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the summary of a saved road graph.")

    @Argument(help: "The graph file written by `lastmile import`.")
    var graph: String

    func run() async throws {
        let started = ContinuousClock.now
        let (roadGraph, report) = try RoadGraphFile.read(URL(fileURLWithPath: graph))
        let loaded = ContinuousClock.now - started
        print(GraphSummary(graph: roadGraph, report: report).text)
        print("loaded in \(loaded.formattedSeconds)")
    }
}
