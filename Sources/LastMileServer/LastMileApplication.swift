import Foundation
import Hummingbird
import HummingbirdAuth
import LastMileCore
import LastMileService
import Logging
import Prometheus

/// Builds the HTTP application of `lastmile serve` (Hummingbird's `buildApplication`): the CLI runs it, tests
/// drive it in memory or on a free loopback port. The service is the same application core the CLI calls.
///
/// Routes (the OpenAPI document `/openapi.json` lists them all with their roles): `GET /health` and
/// `GET /openapi.json` without a key; everything else needs `Authorization: Bearer lm_…`: `GET /metrics`
/// (admins; Prometheus text, see ``ServerMetrics``);
/// OSRM's `/table/v1/{profile}/{coordinates}` (GET, and POST with a JSON body) and `/route/v1/…` when roads
/// are loaded; VROOM's `POST /` and `POST /vroom`; imports `POST /v1/imports/{kind}` and `POST /v1/orders`;
/// `/v1/plans/{date}` (GET; POST starts planning it: `/v1/jobs/{id}` and its `/events`) and
/// `/v1/plans/{date}/versions`;
/// `/v1/live/{date}/vehicles/{vehicle}` and `POST /v1/live/{date}/events`; `POST /v1/matrices` and
/// `POST /v1/routes` (time-dependent with `depart`); the dispatcher console at `GET /` with its API
/// (``registerConsole(on:settings:service:feed:)``).
public enum LastMileApplication {
    /// - Parameter listening: called with the bound port once the server accepts connections.
    public static func build(
        _ settings: ServerSettings, listening: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
    ) throws(LastMileError) -> some ApplicationProtocol {
        let service = try LastMileService.build(.init(databasePath: settings.databasePath, createsDatabase: true))
        var logger = Logger(label: "lastmile.serve")
        logger.logLevel = settings.logLevel
        return Application(
            router: router(settings, service: service),
            server: .http1(configuration: .init(idleTimeout: .seconds(Int64(settings.idleTimeoutSeconds)))),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "LastMile/\(LastMileVersion.current)"),
            onServerRunning: { channel in await listening(channel.localAddress?.port ?? settings.port) },
            logger: logger
        )
    }

    /// The routes and middleware, for tests that drive the router without a socket.
    public static func router(_ settings: ServerSettings, service: LastMileService) -> Router<LastMileRequestContext> {
        let router = Router(context: LastMileRequestContext.self)
        router.add(middleware: LogRequestsMiddleware(.info))
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: ErrorMiddleware())
        if let origin = settings.corsOrigin {
            router.add(middleware: CORSMiddleware(allowOrigin: origin == "*" ? .all : .custom(origin),
                                                  allowHeaders: [.accept, .authorization, .contentType, .origin, .init("Idempotency-Key")!]))
        }
        router.add(middleware: BodyLimitMiddleware(maxBodyBytes: settings.maxBodyBytes))
        router.add(middleware: APIKeyAuthenticator(service: service))
        if settings.requestsPerSecondPerKey > 0 {
            router.add(middleware: RateLimitMiddleware(limiter: KeyRateLimiter(ratePerSecond: settings.requestsPerSecondPerKey, burst: settings.burstPerKey)))
        }
        router.get("health") { _, _ in try JSONCoding.response(["status": "ok", "version": LastMileVersion.current]) }
        router.get("openapi.json") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "application/json; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: OpenAPIDocument.data)))
        }
        let metrics = ServerMetrics.shared
        router.get("metrics") { _, context in
            guard try context.requireIdentity().role == .admin else { throw APIError(.forbidden, "metrics are for admin keys") }
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: metrics.registry.emitToBuffer())))
        }
        if let roads = settings.roads {
            OSRMEndpoints(roads: roads, maxTableLocations: settings.maxTableLocations).register(on: router)
        }
        RoadEndpoints(service: service, engines: settings.roads.map { SliceEngines(roads: $0) }, maxTableLocations: settings.maxTableLocations)
            .register(on: router)
        VroomEndpoint(roads: settings.roads, timeLimit: settings.vroomTimeLimit, seed: settings.seed).register(on: router)
        ImportEndpoints(service: service).register(on: router)
        PlanEndpoints(service: service).register(on: router)
        ReportEndpoints(service: service, networks: settings.networks).register(on: router)
        PlanJobEndpoints(service: service, networks: settings.networks, jobs: PlanJobs()).register(on: router)
        LiveEndpoints(service: service).register(on: router)
        let feed = LiveFeed()
        LiveEventEndpoint(service: service, loops: LiveLoops(service: service, roads: settings.roads?.queries.graph), feed: feed).register(on: router)
        registerConsole(on: router, settings: settings, service: service, feed: feed)
        return router
    }
}

extension LastMileApplication {
    /// The dispatcher console (`GET /`, its files and Leaflet) and the routes only it needs: `/v1/me`, the
    /// plan as GeoJSON, the runs with KPIs and timelines, the road layer, the live stream, moving a stop.
    static func registerConsole(on router: Router<LastMileRequestContext>, settings: ServerSettings, service: LastMileService, feed: LiveFeed) {
        ConsoleEndpoints(files: ConsoleFiles(leafletPath: settings.leafletPath)).register(on: router)
        SessionEndpoint(tiles: settings.tiles, hasRoads: settings.roads != nil, plans: settings.networks != nil).register(on: router)
        PlanGeoJSONEndpoint(service: service).register(on: router)
        RunSheetEndpoint(service: service).register(on: router)
        RunsEndpoint(service: service).register(on: router)
        RoadLayerEndpoint(layer: settings.roads.map { RoadLayer(graph: $0.queries.graph) }).register(on: router)
        LiveStreamEndpoint(service: service, feed: feed).register(on: router)
        StopMoveEndpoint(service: service, networks: settings.networks).register(on: router)
    }
}
