import ArgumentParser

/// `lastmile traffic …`: tools for time-dependent travel.
struct Traffic: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time-dependent travel: slice matrices, delivery history, fitting profiles.",
        subcommands: [TrafficMatrices.self, TrafficHistory.self, TrafficFitCommand.self]
    )
}
