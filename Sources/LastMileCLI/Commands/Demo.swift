import ArgumentParser
import Foundation
import LastMileCore
import LastMileDispatch
import LastMileSampleTown
import LastMileSolver
import LastMileStore

/// `lastmile demo`: the main job on the bundled sample town, end to end: a realistic day's input files,
/// loaded into a fresh database, planned, stored, and written out as maps, manifests and KPIs.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Plan a realistic delivery day on the bundled sample town (maps/sample-town.osm.pbf).",
        discussion: """
            Writes a day's input files into OUTPUT/input (2 micro-fulfillment centers and 3 dark stores with stock, \
            vans, electric vans and cargo bikes of two carriers, 400 orders with 2-hour windows), loads them into \
            OUTPUT/lastmile.sqlite, plans the day as `lastmile plan` does and writes every output into OUTPUT.
            """
    )

    @Option(help: "The map to use.")
    var map: String = "maps/sample-town.osm.pbf"

    @Option(help: "Folder for the inputs, the database and the outputs.")
    var output: String = "lastmile-demo"

    @Option(help: "The day's date.")
    var date: String = "2026-11-23"

    @Option(help: "Number of orders.")
    var orders: Int = 400

    @Option(help: "Lay the day over another map: its centre as LAT,LON (with --map), e.g. 41.1579,-8.6291 for Porto.")
    var centre: String?

    @Option(help: "With --centre: distances of the sample layout (±2.3 km) multiplied by this.")
    var scale: Double = 1

    @Option(help: "Seed of the orders and of the solver.")
    var seed: UInt64 = 1

    @Option(help: "Planning time, seconds (default: 15; none with --iterations alone).")
    var timeLimit: Double?

    @Option(help: "Stop after this many iterations per search chain: the same plan for the same seed and --threads.")
    var iterations: Int?

    @Option(help: "Search chains (default: all cores).")
    var threads: Int = ProcessorCount.active

    func run() async throws {
        guard orders >= 1 else { throw ValidationError("--orders must be positive") }
        let configuration = try DayPlanning.configuration(
            seed: seed, timeLimit: timeLimit, iterations: iterations, defaultTimeLimit: 15, threads: threads
        )
        guard FileManager.default.fileExists(atPath: map) else {
            throw ValidationError("\(map) not found: run `lastmile demo` from the repository root, or pass --map")
        }
        var area = SampleDay.Area.sampleTown
        if let centre {
            let parts = centre.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 2, let point = Coordinate(latitude: parts[0], longitude: parts[1]), scale > 0 else {
                throw ValidationError("--centre is LAT,LON in degrees (e.g. 41.1579,-8.6291) and --scale a positive number")
            }
            area = SampleDay.Area(centre: point, scale: scale)
        }
        let folder = URL(fileURLWithPath: output)
        let input = folder.appendingPathComponent("input")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let database = folder.appendingPathComponent("lastmile.sqlite").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }

        Terminal.print("1. a day in the sample town: input files → \(input.path)/")
        let store = try Store(path: database)
        for (kind, csv) in SampleDay.files(date: date, orderCount: orders, seed: seed, area: area) {
            let url = input.appendingPathComponent("\(kind).csv")
            try csv.write(to: url, atomically: true, encoding: .utf8)
            let summary = try store.importFile(DispatchFile(rawValue: kind)!, data: Data(csv.utf8), file: url.path)
            Terminal.print("   \(kind): \(summary.imported) rows loaded")
        }
        Terminal.print("2. roads of \(map)")
        let graphs = try DayPlanning.loadGraphs(map)
        Terminal.print("3. planning \(date)")
        let result = try DayPlanning.planDay(store: store, date: date, graphs: graphs, output: output, configuration: configuration)
        Terminal.print("""
            4. open:
               \(output)/map.html              the day's runs over the roads (hover a run)
               \(output)/manifests/index.html  run sheets per driver (printable), with CSVs
               \(output)/plan.geojson          runs, stops and depots for any GIS
               \(output)/kpis.json             the summary above
               \(output)/lastmile.sqlite     every import and plan version (sqlite3 \(output)/lastmile.sqlite .tables)
            """)
        guard result.plan.checked else { throw ExitCode(1) }
    }
}
