import ArgumentParser
import Foundation
import Hummingbird
import LastMileCore
import LastMileDomain
import LastMileSampleTown
import LastMileServer
import LastMileService
import Logging

/// `lastmile demo`: the main job on the sample town, end to end: a realistic day's input files, loaded into a
/// fresh database, planned, stored, and written out as maps, manifests and KPIs. Works from any directory.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Plan a realistic delivery day on the sample town (generated) or over another map.",
        discussion: """
            Writes the sample town and a day's input files into OUTPUT (2 micro-fulfillment centers and 3 dark stores \
            with stock, vans, electric vans and cargo bikes of two carriers, orders with 2-hour windows), loads them \
            into OUTPUT/lastmile.sqlite, plans the day as `lastmile plan` does and writes every output into OUTPUT.
            """
    )

    @Option(help: "Lay the day over this map instead of the sample town (.osm.pbf, .osm or .graph; with --centre).")
    var map: String?

    @Option(help: "Folder for the inputs, the database and the outputs.")
    var output: String = "lastmile-demo"

    @Option(help: "The day's date.")
    var date: String = "2026-11-23"

    @Option(help: "Number of orders.")
    var orders: Int = 400

    @Option(help: "With --map: the day's centre as LAT,LON, e.g. 41.1579,-8.6291 for Porto.")
    var centre: String?

    @Option(help: "With --centre: distances of the sample layout (±2.3 km) multiplied by this.")
    var scale: Double = 1

    @OptionGroup var planning: PlanningOptions

    @Flag(help: "After planning, serve the day: the dispatcher console at http://HOST:PORT/ with a new dispatcher key (printed).")
    var serve = false

    @Option(help: "With --serve: the port (0: any free port).")
    var port = 5000

    @Option(help: "With --serve: the folder of Leaflet (Debian's libjs-leaflet).")
    var leaflet = "/usr/share/javascript/leaflet"

    func validate() throws {
        guard orders >= 1 else { throw ValidationError("--orders must be positive") }
        guard scale > 0 else { throw ValidationError("--scale must be positive") }
        if centre != nil, map == nil { throw ValidationError("--centre lays the day over another map: give --map too") }
        if let centre { _ = try RouteCommand.parse(centre, option: "--centre") }
    }

    func run() async throws {
        var area = SampleDay.Area.sampleTown
        if let centre { area = SampleDay.Area(centre: try RouteCommand.parse(centre, option: "--centre"), scale: scale) }
        let demo = DemoDay(folder: output, date: date, orderCount: orders, map: map, area: area, settings: try planning.plannedSettings())
        Terminal.print("1. a day in \(map ?? "the sample town"): input files → \(output)/")
        let outcome = try demo.run { event in
            if case .dayLoaded = event { Terminal.print("2. planning \(date)") }
            EventPrinter.print(event)
        }
        PlanSummary.print(outcome)
        Terminal.print("""
            3. open:
               \(output)/map.html              the day's runs over the roads (hover a run)
               \(output)/manifests/index.html  run sheets per driver (printable), with CSVs
               \(output)/plan.geojson          runs, stops and depots for any GIS
               \(output)/kpis.json             the summary above
               \(output)/lastmile.sqlite       every import and plan version (sqlite3 \(output)/lastmile.sqlite .tables)
            """)
        guard outcome.plan.checked else { throw LastMileError(.checkFailed, "the independent checker rejected the plan") }
        if serve { try await serveConsole(demo, outcome) }
    }

    /// Serves the planned day until SIGINT or SIGTERM, printing the console's address and a dispatcher key.
    private func serveConsole(_ demo: DemoDay, _ outcome: PlanningOutcome) async throws {
        let (depot, token) = try demo.dispatcherKey(for: outcome)
        let networks = try RoadNetworks.load(map: demo.mapPath)
        let settings = ServerSettings(port: port, databasePath: demo.databasePath, roads: LoadedRoads(queries: try RoadQueries(graph: networks.car)),
                                      networks: networks, logLevel: .warning, leafletPath: leaflet)
        let date = self.date
        let application = try LastMileApplication.build(settings) { port in
            Terminal.print("""
                4. the dispatcher console of \(depot) (Ctrl-C stops it):
                   http://127.0.0.1:\(port)/#date=\(date)
                   key: \(token)
                """)
        }
        try await application.runService()
    }
}
