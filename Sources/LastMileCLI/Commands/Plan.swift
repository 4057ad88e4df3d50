import ArgumentParser
import LastMileCore
import LastMileDomain
import LastMileService

/// `lastmile plan --date D`: plan a stored day, store the version, write manifests, maps and KPIs.
struct Plan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Plan a day's orders from the database on a road map and store the plan as a new version.",
        discussion: """
            Snaps depots and orders to the roads, builds the travel matrix, solves (vans and cargo bikes, depot stock, \
            time windows, shifts, breaks), checks the plan independently, stores it as the next version of the date \
            (the previous version is kept, marked replaced, and its stock released), and writes into --output: \
            map.html, plan.geojson, kpis.json, unassigned.csv and manifests/ (CSV and printable HTML per driver), \
            replacing what an earlier plan wrote there.

            Traffic: with --traffic (a file, or 'default' for the shipped urban profile), --closures or --weather, \
            cars and vans drive every leg at its departure time (15-minute slices from the earliest shift start to \
            the latest shift end of the date); without --traffic the database's stored profile applies \
            (`lastmile load traffic FILE`), or free flow when none is stored; --traffic none plans on free flow. \
            No --depart: each vehicle leaves at its own shift start.
            """
    )

    @Option(help: "The day to plan, YYYY-MM-DD.")
    var date: String

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Road map: .osm.pbf, .osm or a .graph file from `lastmile import` (default: the sample town).")
    var map: String?

    @Option(help: "Folder for the outputs.")
    var output: String = "plan-output"

    @OptionGroup var planning: PlanningOptions

    func run() async throws {
        let settings = try planning.plannedSettings()  // the traffic files first: a bad one fails before the map is read
        let service = try LastMileService.build(.init(databasePath: database.db, createsDatabase: false))
        let roads = try map.map(RoadNetworks.load(map:)) ?? RoadNetworks.sampleTown()
        let outcome = try service.planDay(date: date, roads: roads, output: output, settings: settings, events: EventPrinter.print)
        PlanSummary.print(outcome)
        guard outcome.plan.checked else { throw LastMileError(.checkFailed, "the independent checker rejected the plan") }
    }
}
