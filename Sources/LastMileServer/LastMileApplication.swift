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
/// `/v1/live/{date}/vehicles/{vehicle}` and `POST /v1/live/{date}/events`.
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
        VroomEndpoint(roads: settings.roads, timeLimit: settings.vroomTimeLimit, seed: settings.seed).register(on: router)
        ImportEndpoints(service: service).register(on: router)
        PlanEndpoints(service: service).register(on: router)
        PlanJobEndpoints(service: service, networks: settings.networks, jobs: PlanJobs()).register(on: router)
        LiveEndpoints(service: service).register(on: router)
        LiveEventEndpoint(service: service, loops: LiveLoops(service: service, roads: settings.roads?.queries.graph)).register(on: router)
        return router
    }
}
