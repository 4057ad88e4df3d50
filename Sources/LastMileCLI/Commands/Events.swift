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
            a vehicle. After each event the unexecuted part is re-optimised (from each vehicle's place and time, \
            warm-started, keeping sequences unless a change saves enough) and logged with it; --no-reoptimise only \
            applies the events.
            """
    )

    @Argument(help: "The events file, .jsonl.")
    var file: String

    @Option(help: "The day of the plan, YYYY-MM-DD.")
    var date: String

    @Option(help: "Road map for the re-optimisation: .osm.pbf, .osm or a .graph file (default: the sample town).")
    var map: String?

    @Flag(inversion: .prefixedNo, help: "Re-optimise the unexecuted part after each event (routes, ETAs, open orders).")
    var reoptimise = true

    @Option(help: "Solver iterations per re-optimisation (the deterministic budget).")
    var iterations = LiveReoptimiser.Settings().iterations

    @Flag(help: "Print 'acknowledged KEY revision N' as each event becomes durable (for a feeding process).")
    var acknowledge = false

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let service = try LastMileService.build(.init(databasePath: database.db, createsDatabase: false))
        var outcome: EventsOutcome
        if reoptimise {
            let roads = try map.map(RoadNetworks.load(map:)) ?? RoadNetworks.sampleTown()
            let acknowledge = acknowledge
            outcome = try await service.applyEvents(
                date: date, file: file, reoptimisation: LiveReoptimisation(roads: roads.car, settings: .init(iterations: iterations))
            ) { acknowledgement in
                if acknowledge { Terminal.print("acknowledged \(acknowledgement.key) revision \(acknowledgement.revision)") }
            }
        } else {
            outcome = try service.applyEvents(date: date, file: file)
        }
        Terminal.print("\(outcome.applied) events applied, \(outcome.alreadyApplied) already applied; "
            + "live revision \(outcome.state.revision) of \(date) version \(outcome.state.planVersion)")
        for line in LiveSummary.actionLines(outcome.actions) { Terminal.print("   " + line) }
    }
}
