import Foundation
import Hummingbird
import HummingbirdTesting
import LastMileServer
import LastMileService
import Testing

/// `GET /v1/plans/{date}/report`: figures object by object — a carrier key gets only its own runs, orders and
/// totals, a dispatcher its depot's; the admin all, summing to the whole plan.
@Suite struct ReportEndpointTests {
    let fixture = ServerFixture.shared

    func report(_ key: String, _ client: some TestClientProtocol, query: String = "") async throws -> (status: HTTPResponse.Status, body: [String: Any], text: String) {
        try await client.execute(uri: "/v1/plans/\(ServerFixture.date)/report\(query)", method: .get, headers: fixture.headers(key)) { response in
            let data = Data(response.body.readableBytesView)
            return (response.status, (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:], String(decoding: data, as: UTF8.self))
        }
    }

    @Test func eachKeySeesOnlyItsOwnFigures() async throws {
        let carriers = try fixture.service.vehicleCarriers(date: ServerFixture.date)
        try await fixture.application().test(.router) { client in
            let all = try await report("admin", client)
            #expect(all.status == .ok)
            let runs = all.body["runs"] as? [[String: Any]] ?? []
            #expect(Set(runs.compactMap { $0["carrier"] as? String }) == ["citylog", "velo"])
            var carrierTotals = 0
            for carrier in ["velo", "citylog"] {
                let seen = try await report(carrier, client)
                #expect(seen.status == .ok)
                let own = seen.body["runs"] as? [[String: Any]] ?? []
                #expect(!own.isEmpty && own.allSatisfy { $0["carrier"] as? String == carrier })
                #expect(own.count == runs.filter { $0["carrier"] as? String == carrier }.count)
                #expect((seen.body["orders"] as? [[String: Any]] ?? []).allSatisfy { $0["carrier"] as? String == carrier })
                #expect((seen.body["by_carrier"] as? [[String: Any]] ?? []).map { $0["row"] as? String } == [carrier])
                let other = carrier == "velo" ? "citylog" : "velo"
                #expect(!seen.text.contains("\"\(other)\""), "\(carrier) sees \(other)")
                carrierTotals += (seen.body["total"] as? [String: Any])?["cost_total_cents"] as? Int ?? 0
                #expect(own.allSatisfy { carriers[$0["row"] as? String ?? ""] == carrier })
            }
            #expect(carrierTotals == (all.body["total"] as? [String: Any])?["cost_total_cents"] as? Int)
            let west = try await report("dispatcher", client)
            #expect(((west.body["runs"] as? [[String: Any]]) ?? []).allSatisfy { $0["depot"] as? String == "MFC-WEST" })
            let page = try await report("velo", client, query: "?format=html")
            #expect(page.status == .ok && page.text.hasPrefix("<!doctype html>") && !page.text.contains("citylog"))
            #expect(try await report("velo", client, query: "?format=pdf").status == .badRequest)
        }
    }
}
