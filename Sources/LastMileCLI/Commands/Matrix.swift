import ArgumentParser
import Foundation
import LastMileCore
import LastMileGraph
import LastMileRouting

/// `lastmile matrix --graph G --locations points.csv`: travel-time and distance matrix.
struct Matrix: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Travel-time and distance matrix between locations (CSV with lat,lon columns, optional id).",
        discussion: """
            Writes OSRM's /table JSON shape: durations (s) and distances (m) of the fastest route for every pair, \
            null where no route exists; sources and destinations with the snapped location and snap distance. \
            --durations-csv / --distances-csv write plain N×N CSV files instead (empty cell = no route).
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

    enum Engine: String, ExpressibleByArgument, CaseIterable {
        case cch, dijkstra
    }

    @Option(help: "cch (customizable contraction hierarchy, default) or dijkstra (one plain search per source).")
    var engine: Engine = .cch

    func run() async throws {
        let input = try LocationCSV.read(locations)
        let clock = ContinuousClock()
        let started = clock.now
        let (roadGraph, _) = try RoadGraphFile.read(URL(fileURLWithPath: graph))
        let snapper = try Snapper(index: SnapIndex(graph: roadGraph))
        let snapped = try snapper.snap(input.coordinates, names: input.names, maxDistance: maxSnapDistance)
        let failures = snapped.compactMap { result -> String? in
            if case .failure(let error) = result { return error.message }
            return nil
        }
        if let first = failures.first { throw LastMileError(.routingData, first, details: Array(failures.dropFirst())) }
        let points = snapped.compactMap { try? $0.get() }
        let positions = points.map(RoadPosition.init)
        let metric = RoadMetric(freeFlowOf: roadGraph)
        let loaded = clock.now
        let matrix: TravelMatrix
        var preprocessed = loaded, customized = loaded
        var hierarchyText = ""
        switch engine {
        case .cch:
            let hierarchy = ContractionHierarchy(graph: roadGraph)
            preprocessed = clock.now
            hierarchyText = " (\(hierarchy.edgeCount) hierarchy edges, elimination tree height \(hierarchy.eliminationTreeHeight))"
            let routing = RoutingEngine(hierarchy: hierarchy, metric: metric)
            customized = clock.now
            matrix = routing.matrix(sources: positions, targets: positions)
        case .dijkstra:
            matrix = try DijkstraMatrix.compute(graph: roadGraph, metric: metric, sources: positions, targets: positions)
        }
        let queried = clock.now

        if durationsCSV != nil || distancesCSV != nil {
            if let durationsCSV { try MatrixOutput.write(MatrixOutput.csv(matrix, .durations), to: durationsCSV) }
            if let distancesCSV { try MatrixOutput.write(MatrixOutput.csv(matrix, .distances), to: distancesCSV) }
        } else {
            try MatrixOutput.write(MatrixOutput.osrmTable(matrix, points: points), to: output)
        }
        let timing = "{\"load_s\": \(seconds(loaded - started)), \"preprocess_s\": \(seconds(preprocessed - loaded)), "
            + "\"customize_s\": \(seconds(customized - preprocessed)), \"query_s\": \(seconds(queried - customized))}"
        if timingJSON {
            print(timing)
        } else {
            FileHandle.standardError.write(Data(("loaded and snapped in \((loaded - started).formattedSeconds), ordered and contracted "
                + "in \((preprocessed - loaded).formattedSeconds)\(hierarchyText), customized in \((customized - preprocessed).formattedSeconds), "
                + "\(positions.count)×\(positions.count) matrix in \((queried - customized).formattedSeconds)\n").utf8))
        }
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
