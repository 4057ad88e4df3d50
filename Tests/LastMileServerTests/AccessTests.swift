import Foundation
import Hummingbird
import HummingbirdTesting
import LastMileServer
import LastMileTestSupport
import Testing

/// Every route of the OpenAPI document, tried without a key, with a revoked key and with each role: the roles
/// `x-roles` admits get through, the others get 403, no key or a bad key 401. A route added to the document
/// without a sample request here fails the test, so no route skips the check.
@Suite struct AccessTests {
    let fixture = ServerFixture.shared

    /// A request that exercises each operation, by operationId.
    func sample(_ operationID: String) -> (uri: String, body: String?)? {
        let (a, b) = (ServerFixture.lonLat(-1050, 600), ServerFixture.lonLat(1200, -900))
        let date = ServerFixture.date
        return switch operationID {
        case "health": ("/health", nil)
        case "openapi": ("/openapi.json", nil)
        case "metrics": ("/metrics", nil)
        case "osrmTable": ("/table/v1/driving/\(a);\(b)", nil)
        case "osrmTablePost": ("/table/v1/driving", #"{"coordinates": [[\#(a)], [\#(b)]]}"#)
        case "osrmRoute": ("/route/v1/driving/\(a);\(b)", nil)
        case "vroomSolve", "vroomSolveNamed": (operationID == "vroomSolve" ? "/" : "/vroom", try? String(contentsOf: SharedData.fixture("vroom/small.json"), encoding: .utf8))
        case "createMatrix": ("/v1/matrices", #"{"locations": [[\#(a)], [\#(b)]]}"#)
        case "createRoute": ("/v1/routes", #"{"locations": [[\#(a)], [\#(b)]], "depart": "2026-12-01T08:00"}"#)
        case "getPlan": ("/v1/plans/\(date)", nil)
        case "getRunSheet": ("/v1/plans/\(date)/runs/BIKE-009/sheet", nil)
        case "createPlan": ("/v1/plans/\(date)", #"{"iterations": 10}"#)
        case "getJob": ("/v1/jobs/plan-none-0", nil)
        case "streamJob": ("/v1/jobs/plan-none-0/events", nil)
        case "listPlanVersions": ("/v1/plans/\(date)/versions", nil)
        case "getPlanReport": ("/v1/plans/\(date)/report", nil)
        case "comparePlanCarriers": ("/v1/plans/\(date)/compare", #"{"iterations": 5}"#)
        case "importFile": ("/v1/imports/carriers", "id,name\nparcelco,Parcel Co\n")
        case "importOrders":
            ("/v1/orders", "id,date,lat,lon,items,weight_kg,volume_litres,window_start,window_end,customer,service_minutes,priority\n"
                + "O-9001,2026-11-30,46.993354,7.991468,GROC-07:2,1.6,4.0,08:00,10:00,customer 9001,2,0\n")
        // A date without a plan: allowed roles get 404, and the shared day's live state stays at revision 0.
        case "postLiveEvent": ("/v1/live/2000-01-01/events", #"{"key": "access-delay", "at": "12:00:00", "type": "delay", "vehicle": "BIKE-009", "minutes": 1}"#)
        case "getLiveVehicle": ("/v1/live/\(date)/vehicles/BIKE-009", nil)
        case "console": ("/", nil)
        case "consoleFile": ("/console/main.js", nil)
        case "leafletFile": ("/leaflet/leaflet.esm.js", nil)
        case "leafletImage": ("/leaflet/images/marker-icon.png", nil)
        case "getSession": ("/v1/me", nil)
        case "getPlanGeoJSON": ("/v1/plans/\(date)/geojson", nil)
        case "getRuns": ("/v1/plans/\(date)/runs", nil)
        case "getRoadLayer": ("/v1/roads?bbox=46.9,7.9,47.1,8.1&zoom=14", nil)
        // Dates without a plan: allowed roles get 404 (a stream would not end; a move would change the shared day).
        case "streamLive": ("/v1/live/2000-01-01/stream", nil)
        case "moveStop": ("/v1/plans/2000-01-01/moves", #"{"order": "O-0001", "vehicle": "VAN-001", "position": 0}"#)
        default: nil
        }
    }

    struct Operation { var id: String, method: HTTPRequest.Method, roles: [String]? }

    /// Every operation of the document with its roles (`nil` roles: public).
    func operations() throws -> [Operation] {
        let document = try #require(try JSONSerialization.jsonObject(with: OpenAPIDocument.data) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
        return paths.keys.sorted().flatMap { path in
            paths[path]!.keys.sorted().map { method in
                let operation = paths[path]![method]!
                let roles = operation["x-roles"] as? [String] ?? []
                return Operation(id: operation["operationId"] as? String ?? "\(method) \(path)", method: HTTPRequest.Method(method.uppercased())!,
                                 roles: (operation["security"] as? [Any])?.isEmpty == true ? nil : roles)
            }
        }
    }

    @Test func everyRouteAdmitsItsRolesAndRefusesTheOthers() async throws {
        let operations = try operations()
        #expect(operations.count >= 10)
        let roleOfKey = ["admin": "admin", "dispatcher": "dispatcher", "velo-backend": "driver-backend", "velo": "carrier", "citylog": "carrier"]
        try await fixture.application().test(.router) { client in
            for operation in operations {
                let request = try #require(sample(operation.id), "no sample request for \(operation.id): add one to AccessTests")
                func status(_ key: String?) async throws -> HTTPResponse.Status {
                    try await client.execute(uri: request.uri, method: operation.method, headers: fixture.headers(key),
                                             body: request.body.map { ByteBuffer(string: $0) }) { $0.status }
                }
                guard let roles = operation.roles else {
                    #expect(try await status(nil) == .ok, "\(operation.id) is public")
                    continue
                }
                #expect(try await status(nil) == .unauthorized, "\(operation.id) without a key")
                #expect(try await status(fixture.revoked) == .unauthorized, "\(operation.id) with a revoked key")
                #expect(try await status("lm_nothing_here") == .unauthorized, "\(operation.id) with a malformed key")
                for (key, role) in roleOfKey.sorted(by: { $0.key < $1.key }) {
                    let got = try await status(key)
                    if roles.contains(role) {
                        #expect(got != .unauthorized && got != .forbidden && got.code < 500, "\(operation.id) as \(key): \(got)")
                    } else {
                        #expect(got == .forbidden, "\(operation.id) as \(key) must be refused, got \(got)")
                    }
                }
            }
        }
    }

    @Test func metricsCountRequestsAndSolves() async throws {
        let problem = try String(contentsOf: SharedData.fixture("vroom/small.json"), encoding: .utf8)
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/vroom", method: .post, headers: fixture.headers("admin"), body: ByteBuffer(string: problem)) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/metrics", method: .get, headers: fixture.headers("admin")) { response in
                let text = String(buffer: response.body)
                #expect(text.contains("lastmile_vroom_solves_total") && text.contains("hb_requests"), "\(text.prefix(400))")
            }
        }
    }

    @Test func errorsAreJSONWithTheCategory() async throws {
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/v1/plans/\(ServerFixture.date)", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
                let body = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: [String: Any]])
                #expect(body["error"]?["category"] as? String == "unauthorized")
                #expect((body["error"]?["hint"] as? String)?.contains("lastmile keys create") == true)
            }
            try await client.execute(uri: "/v1/plans/1999-01-01", method: .get, headers: fixture.headers("admin")) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
