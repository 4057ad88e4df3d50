import ArgumentParser
import Foundation
import LastMileService

/// `lastmile report PLAN` and `lastmile report compare`: cost and emissions of a stored plan, and carriers
/// compared on the same orders.
struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Cost and CO2e of a stored plan, or carriers compared on the same orders.",
        subcommands: [Show.self, Compare.self], defaultSubcommand: Show.self
    )

    /// `--format` and `--output`, shared by both subcommands.
    struct OutputOptions: ParsableArguments {
        @Option(help: "table, csv, json or html (a self-contained page with inline-SVG charts).")
        var format: String = "table"

        @Option(help: "Write to this file instead of the terminal.")
        var output: String?

        func validate() throws {
            guard ReportFormat(rawValue: format) != nil else {
                throw ValidationError("--format must be one of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func emit(_ text: String) throws {
            if let output {
                try ReportFormat.write(text, to: output)
                Terminal.print("report: \(output)")
            } else {
                Terminal.write(text)
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Totals and per run, vehicle type, depot and carrier: km, drive/service/wait/paid hours, overtime, stops, "
                + "parcels, on-time share, cost by component (rate cards), CO2e (well-to-wheel)."
        )

        @Argument(help: "The plan: its date, YYYY-MM-DD (the active version unless --version).")
        var plan: String

        @Option(help: "The plan version (default: the active one).")
        var version: Int?

        @Option(help: "Only this carrier's runs.")
        var carrier: String?

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var out: OutputOptions

        func run() async throws {
            let service = try LastMileService.build(.init(databasePath: database.db, createsDatabase: false))
            let report = try service.planReport(date: plan, version: version, carrier: carrier)
            try out.emit(try ReportFormat(rawValue: out.format)!.render(report))
        }
    }

    struct Compare: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Plan the date's orders again under each carrier's fleet and rate card, with fuel +10 % and volume +20 % "
                + "runs and the mixed assignment (each depot to its cheapest carrier); nothing is stored.",
            discussion: "Every compared plan passes the independent checker. The cheapest and the greenest plan are marked."
        )

        @Option(help: "The day, YYYY-MM-DD.")
        var date: String

        @Option(help: "Carriers to compare, comma-separated (default: every carrier with vehicles or a rate card).")
        var carriers: String?

        @Option(help: "Road map: .osm.pbf, .osm or a .graph file from `lastmile import` (default: the sample town).")
        var map: String?

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var planning: PlanningOptions
        @OptionGroup var out: OutputOptions

        func run() async throws {
            let settings = try planning.plannedSettings()
            let service = try LastMileService.build(.init(databasePath: database.db, createsDatabase: false))
            let roads = try map.map(RoadNetworks.load(map:)) ?? RoadNetworks.sampleTown()
            let names = carriers.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
            let comparison = try service.compareCarriers(date: date, carriers: names, roads: roads, settings: settings)
            try out.emit(try ReportFormat(rawValue: out.format)!.render(comparison))
        }
    }
}
