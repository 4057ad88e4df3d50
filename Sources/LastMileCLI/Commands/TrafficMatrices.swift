import ArgumentParser
import Foundation
import LastMileCore
import LastMileGraph
import LastMileService

/// `lastmile traffic matrices --graph G --points P --date D [--traffic F] [--from 06:00 --to 22:00]`: the
/// time-dependent travel of a day, one matrix per distinct slice, summarised.
struct TrafficMatrices: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matrices",
        abstract: "All 15-minute slice matrices of a day between points, as the planner's FIFO time-dependent table.",
        discussion: """
            Prints what it computed (slices, distinct matrices, timings, table size, peak memory) as one JSON line; \
            the table itself stays in memory (it is what the planner will use).
            """
    )

    @Option(help: "The graph file written by `lastmile import`.")
    var graph: String

    @Option(name: [.customLong("points"), .customLong("locations")], help: "CSV file with lat and lon columns.")
    var points: String

    @Option(help: "The day: YYYY-MM-DD, or a weekday mon … sun.")
    var date: String

    @OptionGroup var files: TrafficFilesOptions

    @Option(help: "First departure time, HH:MM.")
    var from = "06:00"

    @Option(help: "Last departure time, HH:MM.")
    var to = "22:00"

    @Option(help: "Largest accepted distance from a location to a road, metres.")
    var maxSnapDistance: Double = Snapper.defaultMaxDistance

    func validate() throws {
        for (option, value) in [("--from", from), ("--to", to)] where LocalMinute.minuteOfDay(value) == nil {
            throw ValidationError("\(option) '\(value)' is not a time: write HH:MM")
        }
        guard LocalMinute.minuteOfDay(from)! < LocalMinute.minuteOfDay(to)! else { throw ValidationError("--to must be after --from") }
    }

    func run() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        let conditions = try files.conditions(day: date)
        let roads = try RoadQueries.open(graphFile: graph)
        let located = try roads.snapEvery(try PointsFile.read(points), maxDistance: maxSnapDistance)
        let loaded = clock.now - started
        let day = roads.dayMatrices(located, conditions: conditions, from: LocalMinute.minuteOfDay(from)!, to: LocalMinute.minuteOfDay(to)!)
        let n = located.count
        print("{\"points\": \(n), \"slices\": \(day.slices.count), \"distinct_matrices\": \(day.distinctMatrices), "
            + "\"load_s\": \(loaded.inSeconds), \"preprocess_s\": \(day.preprocessSeconds), \"slices_s\": \(day.slicesSeconds), "
            + "\"table_mb\": \(n * n * day.slices.count * 2 / 1_000_000), \"peak_mb\": \(PeakMemory.megabytes)}")
    }
}
