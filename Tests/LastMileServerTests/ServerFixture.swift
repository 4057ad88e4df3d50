import Foundation
import Hummingbird
import HummingbirdTesting
import LastMileCore
import LastMileSampleTown
import LastMileServer
import LastMileService
import LastMileStore
import Logging

/// The sample town's demo day, planned once per test run (120 orders, 800 iterations, seed 3: vans of citylog at both MFCs, bikes of velo), with its roads
/// loaded and one API key per role and scope. Tests build the application over it and drive it in memory or
/// on a free loopback port.
struct ServerFixture: Sendable {
    static let date = "2026-11-23"
    static let shared: ServerFixture = {
        do { return try ServerFixture() } catch { preconditionFailure("the server fixture cannot be built: \(error)") }
    }()

    let service: LastMileService
    let roads: LoadedRoads
    /// Tokens by name: admin, dispatcher (MFC-WEST), velo-backend, velo (carrier), citylog (carrier).
    let tokens: [String: String]
    /// A revoked key's token.
    let revoked: String

    private init() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lastmile-server-\(UUID().uuidString)")
        let demo = DemoDay(folder: folder.path, date: Self.date, orderCount: 120, map: nil, area: .sampleTown,
                           settings: PlanningSettings(seed: 3, timeLimit: 60, iterations: 800, threads: 1))
        _ = try demo.run()
        service = try LastMileService.build(.init(databasePath: demo.databasePath, createsDatabase: false))
        roads = LoadedRoads(queries: try RoadQueries(graph: try RoadNetworks.sampleTown().car))
        tokens = [
            "admin": try service.createAPIKey(role: .admin).token,
            "dispatcher": try service.createAPIKey(role: .dispatcher(depotID: "MFC-WEST")).token,
            "velo-backend": try service.createAPIKey(role: .driverBackend(carrierID: "velo")).token,
            "velo": try service.createAPIKey(role: .carrier(carrierID: "velo")).token,
            "citylog": try service.createAPIKey(role: .carrier(carrierID: "citylog")).token,
        ]
        let old = try service.createAPIKey(role: .admin)
        try service.revokeAPIKey(id: old.id)
        revoked = old.token
    }

    /// The settings of a server over the fixture's database and roads (and the planner's, when `networks`).
    func settings(maxBodyBytes: Int = 1 << 20, networks: RoadNetworks? = nil) -> ServerSettings {
        ServerSettings(port: 0, databasePath: service.store.path, roads: roads, networks: networks, maxBodyBytes: maxBodyBytes, vroomTimeLimit: 0.2)
    }

    /// The application over the fixture.
    func application(maxBodyBytes: Int = 1 << 20, networks: RoadNetworks? = nil) -> some ApplicationProtocol {
        var logger = Logger(label: "lastmile.serve.tests")
        logger.logLevel = .warning
        return Application(router: LastMileApplication.router(settings(maxBodyBytes: maxBodyBytes, networks: networks), service: service), logger: logger)
    }

    /// `Authorization: Bearer` with the token named `name`.
    func headers(_ name: String?) -> HTTPFields {
        var headers = HTTPFields()
        if let name { headers[.authorization] = "Bearer " + (tokens[name] ?? name) }
        return headers
    }

    /// `east`/`north` metres from the sample town's centre as OSRM's `lon,lat`.
    static func lonLat(_ east: Double, _ north: Double) -> String {
        let c = SampleTown.coordinate(east: east, north: north)
        return "\(c.longitude),\(c.latitude)"
    }
}
