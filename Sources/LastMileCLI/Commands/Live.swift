import ArgumentParser
import LastMileService

/// `lastmile live --date D`: the live state of a day.
struct Live: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the live plan of a date: each vehicle's position, next stops with ETAs, and customers at risk.",
        discussion: "The active plan version with every applied event replayed (`lastmile events apply`)."
    )

    @Option(help: "The day of the plan, YYYY-MM-DD.")
    var date: String

    @Option(help: "Next stops shown per vehicle.")
    var next: Int = 3

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let service = try LastMileService.build(.init(databasePath: database.db, createsDatabase: false))
        for line in LiveSummary.stateLines(try service.liveState(date: date), nextStops: next) { Terminal.print(line) }
    }
}
