import ArgumentParser
import Foundation
import LastMileCore
import LastMileGraph
import LastMileService

/// `lastmile traffic fit HISTORY.csv --graph G -o profile.json`: learn a traffic profile and service times.
struct TrafficFitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit speed factors per road group and 15-minute slice, and service times per customer, from a stop log.",
        discussion: """
            Regularised least squares over the free-flow route of every observed leg (weekdays and weekends apart); \
            service times shrunk toward the global mean. The last --holdout-days days are not fitted: they measure \
            the prediction error (MAE and p90, seconds) before (free flow; global mean service) and after.
            """
    )

    @Argument(help: "The stop log CSV (README: Learning from history).")
    var history: String

    @Option(help: "The graph file written by `lastmile import`.")
    var graph: String

    @Option(name: [.short, .customLong("output")], help: "Where to write the fitted profile (JSON).")
    var output: String

    @Option(help: "Write the service times (customer,service_s,observations) as CSV.")
    var serviceTimes: String?

    @Option(help: "Days held out for the error report (the last ones by date).")
    var holdoutDays = 5

    @Option(help: "Ridge weight toward free flow, relative to the data's own weight.")
    var ridge = 0.01

    func validate() throws {
        guard holdoutDays >= 1 else { throw ValidationError("--holdout-days must be at least 1") }
        guard ridge > 0 else { throw ValidationError("--ridge must be positive") }
    }

    func run() async throws {
        let log = try StopLog.read(history)
        let fit = try RoadQueries.open(graphFile: graph).fitTraffic(log, holdoutDays: holdoutDays, ridge: ridge)
        try MatrixOutput.write(Array(fit.profileJSON.utf8), to: output)
        if let serviceTimes {
            let rows = fit.serviceTimes.map { "\($0.customer),\($0.seconds),\($0.observations)" }
            try MatrixOutput.write(Array((["customer,service_s,observations"] + rows).joined(separator: "\n").utf8 + [10]), to: serviceTimes)
        }
        func row(_ name: String, _ before: TrafficFit.ErrorSummary, _ after: TrafficFit.ErrorSummary) -> String {
            "| \(name) | \(FixedPoint.string(before.mae, decimals: 1)) | \(FixedPoint.string(before.p90, decimals: 1)) | "
                + "\(FixedPoint.string(after.mae, decimals: 1)) | \(FixedPoint.string(after.p90, decimals: 1)) |"
        }
        print("fitted on \(fit.trainingLegs) legs; held out \(fit.heldOutLegs) legs on \(fit.heldOutDays.map(\.description).joined(separator: ", "))")
        print("| held-out error, s | MAE before | p90 before | MAE after | p90 after |\n|---|---:|---:|---:|---:|")
        print(row("travel time per leg", fit.travelBefore, fit.travelAfter))
        print(row("service time per stop", fit.serviceBefore, fit.serviceAfter))
    }
}
