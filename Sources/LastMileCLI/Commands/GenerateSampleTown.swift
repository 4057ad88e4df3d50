import ArgumentParser
import Foundation
import LastMileOSM
import LastMileSampleTown

/// `lastmile generate-sample-town -o maps/sample-town.osm.pbf`: writes the bundled sample town.
struct GenerateSampleTown: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the made-up sample town (river, bridges, ring road, grids, one-ways) as .osm.pbf."
    )

    @Option(name: [.short, .customLong("output")], help: "Where to write the .osm.pbf file.")
    var output: String = "maps/sample-town.osm.pbf"

    @Option(help: "Seed of the position jitter; the same seed writes the same bytes.")
    var seed: UInt64 = 1

    func run() async throws {
        let town = SampleTown.generate(seed: seed)
        try PBFWriter.write(town, to: URL(fileURLWithPath: output))
        print("wrote \(output): \(town.nodes.count) nodes, \(town.ways.count) ways, \(town.relations.count) relations")
    }
}
