import Foundation
import Hummingbird
import HummingbirdTesting
import LastMileService
import Testing

/// `POST /v1/plans/{date}` plans in the background: the job's server-sent events arrive in order and end with
/// the stored version, which `GET /v1/plans/{date}` then serves; another dispatcher's key cannot see the job.
@Suite struct PlanJobTests {
    let fixture = ServerFixture.shared
    let date = "2026-11-28"

    @Test func aPlanJobStreamsItsProgressAndStoresTheVersion() async throws {
        let networks = try RoadNetworks.sampleTown()
        let orders = "id,date,lat,lon,items,weight_kg,volume_litres,window_start,window_end,customer,service_minutes,priority\n"
            + (1...6).map { "J-\($0),\(date),46.99\($0)354,7.99\($0)468,GROC-07:1,0.8,2.0,08:00,12:00,customer \($0),2,0" }.joined(separator: "\n") + "\n"
        try await fixture.application(networks: networks).test(.router) { client in
            try await client.execute(uri: "/v1/orders", method: .post, headers: fixture.headers("admin"), body: ByteBuffer(string: orders)) {
                #expect($0.status == .ok, "\(String(buffer: $0.body))")
            }
            let job = try await client.execute(uri: "/v1/plans/\(date)", method: .post, headers: fixture.headers("dispatcher"),
                                               body: ByteBuffer(string: #"{"iterations": 200, "seed": 5}"#)) { response in
                #expect(response.status == .accepted, "\(String(buffer: response.body))")
                return try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])["job"] as? String
            }
            let id = try #require(job)
            let stream = try await client.execute(uri: "/v1/jobs/\(id)/events", method: .get, headers: fixture.headers("dispatcher")) { response in
                #expect(response.headers[.contentType] == "text/event-stream")
                return String(buffer: response.body)
            }
            let names = stream.split(separator: "\n").filter { $0.hasPrefix("event: ") }.map { String($0.dropFirst(7)) }
            #expect(names.first == "day-loaded" && names.contains("matrix") && names.contains("planned"), "\(names)")
            #expect(names.suffix(2) == ["stored", "end"], "\(names)")
            #expect(stream.contains(#""status":"done""#), "\(stream)")

            let north = try fixture.service.createAPIKey(role: .dispatcher(depotID: "MFC-NORTH")).token
            try await client.execute(uri: "/v1/jobs/\(id)", method: .get, headers: fixture.headers(north)) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/v1/jobs/\(id)", method: .get, headers: fixture.headers("velo")) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/v1/jobs/\(id)", method: .get, headers: fixture.headers("admin")) { response in
                let body = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
                #expect(body["status"] as? String == "done" && body["version"] as? Int == 1)
            }
            try await client.execute(uri: "/v1/plans/\(date)", method: .get, headers: fixture.headers("admin")) { response in
                let body = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
                let served = (body["runs"] as? [[String: Any]] ?? []).flatMap { $0["stops"] as? [[String: Any]] ?? [] }.count
                #expect(body["version"] as? Int == 1 && served + ((body["unassigned"] as? [Any])?.count ?? 0) == 6)
            }
        }
    }
}
