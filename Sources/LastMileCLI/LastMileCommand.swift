import ArgumentParser

/// The `lastmile` command: last-mile delivery planning on OpenStreetMap roads.
@main
struct LastMileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lastmile",
        abstract: "Last-mile delivery planning on OpenStreetMap roads.",
        subcommands: [Demo.self, Import.self, Info.self, Snap.self, GenerateSampleTown.self]
    )
}
