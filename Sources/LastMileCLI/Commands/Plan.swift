import ArgumentParser
import Foundation
import LastMileCore
import LastMileDispatch
import LastMileSolver
import LastMileStore

/// `lastmile plan --date D`: plan a stored day, store the version, write manifests, maps and KPIs.
struct Plan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Plan a day's orders from the database on a road map and store the plan as a new version.",
        discussion: """
            Snaps depots and orders to the roads, builds the travel matrix, solves (vans and cargo bikes, depot stock, \
            time windows, shifts, breaks), checks the plan independently, stores it as the next version of the date \
            (the previous version is kept, marked replaced, and its stock released), and writes into --output: \
            map.html, plan.geojson, kpis.json, unassigned.csv and manifests/ (CSV and printable HTML per driver).
            """
    )

    @Option(help: "The day to plan, YYYY-MM-DD.")
    var date: String

    @Option(help: "The database.")
    var db: String = "lastmile.sqlite"

    @Option(help: "Road map: .osm.pbf, .osm or a .graph file from `lastmile import`.")
    var map: String = "maps/sample-town.osm.pbf"

    @Option(help: "Folder for the outputs.")
    var output: String = "plan-output"

    @Option(help: "Planning time, seconds (default: 10; none with --iterations alone).")
    var timeLimit: Double?

    @Option(help: "Stop after this many iterations per search chain: the same plan for the same seed and --threads.")
    var iterations: Int?

    @Option(help: "Seed of the solver.")
    var seed: UInt64 = 1

    @Option(help: "Search chains (default: all cores).")
    var threads: Int = ProcessorCount.active

    func run() async throws {
        let configuration = try DayPlanning.configuration(
            seed: seed, timeLimit: timeLimit, iterations: iterations, defaultTimeLimit: 10, threads: threads
        )
        guard FileManager.default.fileExists(atPath: db) else { throw ValidationError("database \(db) not found; load data with `lastmile load` first") }
        let store = try Store(path: db)
        let graphs = try DayPlanning.loadGraphs(map)
        let result = try DayPlanning.planDay(store: store, date: date, graphs: graphs, output: output, configuration: configuration)
        guard result.plan.checked else { throw ExitCode(1) }
    }
}
