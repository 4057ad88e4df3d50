import ArgumentParser
import Foundation
import LastMileCore
import LastMileGraph
import LastMileService

/// `lastmile matrix --graph G --locations points.csv`: travel-time and distance matrix.
struct Matrix: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Travel-time and distance matrix between locations (CSV with lat,lon columns, optional id).",
        discussion: """
            Writes OSRM's /table JSON shape: durations (s) and distances (m) of the fastest route for every pair, \
            null where no route exists; sources and destinations with the snapped location and snap distance. \
            --durations-csv / --distances-csv write plain N×N CSV files instead (empty cell = no route). \
            With --depart HH:MM --date D, the matrix of the departure's 15-minute slice under --traffic, --closures \
            and --weather.
            """
    )

    @Option(help: "The graph file written by `lastmile import`.")
    var graph: String

    @Option(name: [.customLong("locations"), .customLong("points")], help: "CSV file with lat and lon columns.")
    var locations: String

    @Option(name: [.short, .customLong("output")], help: "Where to write the JSON (default: standard output).")
    var output: String?

    @Option(help: "Write the durations (seconds) as an N×N CSV file.")
    var durationsCSV: String?

    @Option(help: "Write the distances (metres) as an N×N CSV file.")
    var distancesCSV: String?

    @Option(help: "Largest accepted distance from a location to a road, metres.")
    var maxSnapDistance: Double = Snapper.defaultMaxDistance

    @Flag(help: "Print one JSON line with load_s, preprocess_s, customize_s and query_s (for the peer harness).")
    var timingJSON = false

    @Option(help: "How to compute: cch (customizable contraction hierarchy) or dijkstra (one plain search per source, the oracle).")
    var engine: RoadQueries.MatrixEngine = .cch

    @OptionGroup var conditions: RoadConditionsOptions

    func run() async throws {
        let input = try PointsFile.read(locations)
        let departure = try conditions.departure()
        let clock = ContinuousClock()
        let started = clock.now
        let roads = try RoadQueries.open(graphFile: graph)
        let points = try roads.snapEvery(input, maxDistance: maxSnapDistance)
        let loaded = clock.now - started
        let run = try roads.matrix(points, engine: engine, departure: departure)
        if durationsCSV != nil || distancesCSV != nil {
            if let durationsCSV { try MatrixOutput.write(MatrixOutput.csv(run.matrix, .durations), to: durationsCSV) }
            if let distancesCSV { try MatrixOutput.write(MatrixOutput.csv(run.matrix, .distances), to: distancesCSV) }
        } else {
            try MatrixOutput.write(MatrixOutput.osrmTable(run.matrix, sources: points, destinations: points), to: output)
        }
        if timingJSON {
            print("{\"load_s\": \(loaded.inSeconds), \"preprocess_s\": \(run.preprocessSeconds), \"customize_s\": \(run.customizeSeconds), "
                + "\"query_s\": \(run.querySeconds)}")
        } else {
            let hierarchy = run.hierarchyEdges.map { " (\($0) hierarchy edges, elimination tree height \(run.eliminationTreeHeight ?? 0))" } ?? ""
            Terminal.error("loaded and snapped in \(loaded.formattedSeconds), ordered and contracted in "
                + "\(Duration.seconds(run.preprocessSeconds).formattedSeconds)\(hierarchy), customized in "
                + "\(Duration.seconds(run.customizeSeconds).formattedSeconds), \(points.count)×\(points.count) matrix in "
                + "\(Duration.seconds(run.querySeconds).formattedSeconds)")
        }
    }
}

extension RoadQueries.MatrixEngine: ExpressibleByArgument {}
