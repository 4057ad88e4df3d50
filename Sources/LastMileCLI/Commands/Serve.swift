import ArgumentParser
import Hummingbird
import LastMileCore
import LastMileGraph
import LastMileServer
import LastMileService
import Logging

/// `lastmile serve`: the HTTP API.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the HTTP API: OSRM- and VROOM-compatible endpoints and /v1, with API keys.",
        discussion: """
            Every route but /health and /openapi.json needs `Authorization: Bearer KEY` (`lastmile keys create`). \
            With --graph, OSRM's /table/v1 and /route/v1 answer on that graph (loaded once at start), and VROOM \
            problems with coordinates but no matrices are routed on it. Stops on SIGINT or SIGTERM after the \
            requests in flight. A deployment may set LASTMILE_DB, LASTMILE_GRAPH, LASTMILE_MAP, LASTMILE_HOST and \
            LASTMILE_PORT instead of the flags; a flag wins.
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The graph file written by `lastmile import` (enables /table, /route and VROOM coordinates; default: $LASTMILE_GRAPH).")
    var graph: String?

    @Option(help: "An OpenStreetMap extract (.osm.pbf) to plan dates on (POST /v1/plans/{date}); without --graph, its car roads serve /table and /route too (default: $LASTMILE_MAP).")
    var map: String?

    @Option(help: "Address to listen on (default: $LASTMILE_HOST, else 127.0.0.1).")
    var host: String?

    @Option(help: "TCP port, 0 for any free port (default: $LASTMILE_PORT, else 5000).")
    var port: Int?

    @Option(help: "Origin allowed by CORS (`*` for any; default: no CORS headers).")
    var corsOrigin: String?

    @Option(help: "Largest request body, bytes.")
    var maxBody = 16 << 20

    @Option(help: "Most sources (and destinations) of one table request.")
    var maxTable = 5_000

    @Option(help: "Requests per second each API key may send on average (0: no limit); over it: 429 with Retry-After.")
    var rateLimit = 500.0

    @Option(help: "Requests each API key may send at once before --rate-limit applies.")
    var rateBurst = 1_000

    @Option(help: "Seconds the solver spends on a posted VROOM problem.")
    var vroomTimeLimit = 1.0

    @Option(help: "Seed of the solver's random choices.")
    var seed: UInt64 = 1

    @Option(help: "Lowest log level: trace, debug, info (every request with its id), notice, warning, error, critical.")
    var logLevel = "info"

    @Option(help: "Seconds an idle or stalled connection stays open.")
    var idleTimeout = 60

    @Option(help: "The folder of Leaflet for the console at / (Debian's libjs-leaflet).")
    var leaflet = "/usr/share/javascript/leaflet"

    @Option(help: "A tile URL template for the console's map (https://…/{z}/{x}/{y}.png; default: the loaded roads, offline).")
    var tiles: String?

    @Option(help: "With --tiles: the attribution the tiles' terms require.")
    var tileAttribution = "© OpenStreetMap contributors"

    func validate() throws {
        guard let port = Int(EnvironmentSetting.port.resolve(port.map(String.init), else: "5000")), (0...65_535).contains(port) else {
            throw ValidationError("--port (or \(EnvironmentSetting.port.rawValue)) must be a number 0 … 65535")
        }
        guard maxBody > 0, maxTable > 0 else { throw ValidationError("--max-body and --max-table must be positive") }
        guard rateLimit >= 0, rateLimit.isFinite, rateBurst >= 1 else {
            throw ValidationError("--rate-limit must be 0 (off) or positive and --rate-burst at least 1")
        }
        guard vroomTimeLimit > 0 else { throw ValidationError("--vroom-time-limit must be positive") }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level '\(logLevel)' is not one of trace, debug, info, notice, warning, error, critical")
        }
        guard idleTimeout > 0 else { throw ValidationError("--idle-timeout must be positive") }
    }

    func run() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        let (host, port) = (EnvironmentSetting.host.resolve(host, else: "127.0.0.1"), Int(EnvironmentSetting.port.resolve(port.map(String.init), else: "5000")) ?? 5000)
        let networks = try (map ?? EnvironmentSetting.map.value).map { path throws(LastMileError) in try RoadNetworks.load(map: path) }
        let roads = try (graph ?? EnvironmentSetting.graph.value).map { path throws(LastMileError) in LoadedRoads(queries: try RoadQueries.open(graphFile: path)) }
            ?? networks.map { networks throws(LastMileError) in LoadedRoads(queries: try RoadQueries(graph: networks.car)) }
        let settings = ServerSettings(
            host: host, port: port, databasePath: database.db, roads: roads, networks: networks, corsOrigin: corsOrigin, maxBodyBytes: maxBody,
            maxTableLocations: maxTable, vroomTimeLimit: vroomTimeLimit, seed: seed,
            logLevel: Logger.Level(rawValue: logLevel) ?? .info, idleTimeoutSeconds: idleTimeout, leafletPath: leaflet,
            tiles: tiles.map { ServerSettings.Tiles(url: $0, attribution: tileAttribution) },
            requestsPerSecondPerKey: rateLimit, burstPerKey: rateBurst
        )
        let roadsLine = roads.map { " roads: \($0.queries.graph.nodeCount) nodes loaded in \((clock.now - started).formattedSeconds)," } ?? ""
        let application = try LastMileApplication.build(settings) { port in
            Terminal.error("lastmile serve:\(roadsLine) listening on http://\(host):\(port)")
        }
        try await application.runService()
    }
}
