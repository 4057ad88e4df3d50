import ArgumentParser
import LastMileLive
import LastMileService

/// `lastmile events …`: the live day's events.
struct Events: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply the live day's events (positions, stops, delays, road conditions, orders, breakdowns).",
        subcommands: [ApplyEvents.self]
    )
}

/// `lastmile events apply FILE.jsonl --date D`: log and apply an events file, idempotently.
struct ApplyEvents: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Apply an events file (JSON Lines) to the live plan of a date, each event once.",
        discussion: """
            FILE has one JSON event per line (the README's "Live events"). Events whose key was applied before are \
            skipped, so a file can be sent again safely. Every event is checked first: one bad event refuses the file \
            with its line, field and the fix, and nothing is stored. Then each event is written to the database's live \
            log before the next; prints the counts, the customers whose window is now at risk and the orders that need \
            a vehicle.
            """
    )

    @Argument(help: "The events file, .jsonl.")
    var file: String

    @Option(help: "The day of the plan, YYYY-MM-DD.")
    var date: String

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let service = try LastMileService.build(.init(databasePath: database.db, createsDatabase: false))
        let outcome = try service.applyEvents(date: date, file: file)
        Terminal.print("\(outcome.applied) events applied, \(outcome.alreadyApplied) already applied; "
            + "live revision \(outcome.state.revision) of \(date) version \(outcome.state.planVersion)")
        for line in LiveSummary.actionLines(outcome.actions) { Terminal.print("   " + line) }
    }
}
