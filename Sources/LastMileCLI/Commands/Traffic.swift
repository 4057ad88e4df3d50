import ArgumentParser

/// `lastmile traffic …`: tools for time-dependent travel.
struct Traffic: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time-dependent travel: traffic profiles, closures, slice matrices.",
        subcommands: [TrafficMatrices.self]
    )
}
