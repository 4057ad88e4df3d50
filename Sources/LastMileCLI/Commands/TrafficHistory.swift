import ArgumentParser
import Foundation
import LastMileGraph
import LastMileService

/// `lastmile traffic history --graph G --traffic TRUTH -o history.csv`: a deterministic stop log to fit.
struct TrafficHistory: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Generate a delivery history (stop log CSV) under a known traffic profile, with seeded noise.",
        discussion: "Columns: \(StopLog.columns.joined(separator: ",")) (README: Learning from history)."
    )

    @Option(help: "The graph file written by `lastmile import`.")
    var graph: String

    @Option(help: "The true traffic profile, CSV or JSON.")
    var traffic: String

    @Option(help: "First day, YYYY-MM-DD.")
    var firstDay = "2026-11-02"

    @Option(help: "Consecutive days.")
    var days = 20

    @Option(help: "Vehicles (one run each per day).")
    var vehicles = 8

    @Option(help: "Stops per run.")
    var stops = 25

    @Option(help: "Customers (random graph nodes, each with a true service time of 60–600 s).")
    var customers = 200

    @Option(help: "Seed of every random choice and of the noise.")
    var seed: UInt64 = 1

    @Option(help: "Standard deviation of the relative travel-time noise.")
    var travelNoise = 0.1

    @Option(help: "Standard deviation of the relative service-time noise.")
    var serviceNoise = 0.2

    @Option(name: [.short, .customLong("output")], help: "Where to write the CSV (default: standard output).")
    var output: String?

    func validate() throws {
        guard CivilDate(parsing: firstDay) != nil else { throw ValidationError("--first-day '\(firstDay)' is not a date YYYY-MM-DD") }
        guard days >= 1, vehicles >= 1, stops >= 1, customers >= 1 else { throw ValidationError("--days, --vehicles, --stops and --customers must be at least 1") }
        guard travelNoise >= 0, serviceNoise >= 0 else { throw ValidationError("noise must not be negative") }
    }

    func run() async throws {
        let truth = try RoadConditions.load(day: firstDay, trafficFile: traffic, closuresFile: nil).profile
        let settings = HistorySettings(
            firstDay: CivilDate(parsing: firstDay)!, days: days, vehicles: vehicles, stopsPerRun: stops, customers: customers, seed: seed,
            travelNoise: travelNoise, serviceNoise: serviceNoise
        )
        let log = try RoadQueries.open(graphFile: graph).generateHistory(truth: truth, settings: settings)
        try MatrixOutput.write(Array(log.csv.utf8), to: output)
    }
}
