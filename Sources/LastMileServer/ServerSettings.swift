import LastMileService
import Logging

/// What `lastmile serve` runs with: where it listens, the database, the roads, and the request limits.
public struct ServerSettings: Sendable {
    /// Address to bind (`127.0.0.1` by default: put a TLS proxy in front for other hosts).
    public var host: String
    /// TCP port; 0 picks a free one (tests).
    public var port: Int
    /// The SQLite database (created when missing).
    public var databasePath: String
    /// The roads for `/table`, `/route` and VROOM coordinates, when a graph was given.
    public var roads: LoadedRoads?
    /// The planner's road networks for `POST /v1/plans/{date}`, when a map was given.
    public var networks: RoadNetworks?
    /// The origin allowed by CORS (`*` for any); `nil` sends no CORS headers.
    public var corsOrigin: String?
    /// The largest request body accepted, bytes (413 beyond).
    public var maxBodyBytes: Int
    /// The most locations one table request may hold (sources × destinations ≤ its square).
    public var maxTableLocations: Int
    /// Requests per second each API key may send on average (its token bucket's refill rate); 0 turns the
    /// limit off. Over the limit: 429 with `Retry-After`.
    public var requestsPerSecondPerKey: Double
    /// Requests each API key may send at once (its token bucket's size, ≥ 1).
    public var burstPerKey: Int
    /// Seconds a connection may stay idle (no request, or a client that stalls mid-request) before it is closed.
    public var idleTimeoutSeconds: Int
    /// The lowest level logged (each request at `info`, with its request id).
    public var logLevel: Logger.Level
    /// Seconds the solver runs on a posted VROOM problem, and its seed.
    public var vroomTimeLimit: Double
    public var seed: UInt64
    /// The folder of Leaflet for the console (`leaflet.esm.js`, `leaflet.css`, `images/`): Debian's `libjs-leaflet`.
    public var leafletPath: String
    /// A tile server for the console's map; `nil` draws the loaded graph's roads (offline).
    public var tiles: Tiles?

    /// A slippy-map tile URL template (`https://…/{z}/{x}/{y}.png`) and the attribution its terms require.
    public struct Tiles: Sendable {
        public var url: String
        public var attribution: String

        public init(url: String, attribution: String) {
            self.url = url
            self.attribution = attribution
        }
    }

    public init(
        host: String = "127.0.0.1", port: Int = 5000, databasePath: String, roads: LoadedRoads? = nil, networks: RoadNetworks? = nil, corsOrigin: String? = nil,
        maxBodyBytes: Int = 16 << 20, maxTableLocations: Int = 5_000, vroomTimeLimit: Double = 1, seed: UInt64 = 1,
        logLevel: Logger.Level = .info, idleTimeoutSeconds: Int = 60, leafletPath: String = "/usr/share/javascript/leaflet", tiles: Tiles? = nil,
        requestsPerSecondPerKey: Double = 500, burstPerKey: Int = 1_000
    ) {
        self.leafletPath = leafletPath
        self.tiles = tiles
        self.requestsPerSecondPerKey = requestsPerSecondPerKey
        self.burstPerKey = burstPerKey
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.logLevel = logLevel
        self.vroomTimeLimit = vroomTimeLimit
        self.seed = seed
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.roads = roads
        self.networks = networks
        self.corsOrigin = corsOrigin
        self.maxBodyBytes = maxBodyBytes
        self.maxTableLocations = maxTableLocations
    }
}
