import Foundation
import Hummingbird
import HummingbirdTesting
import LastMileServer
import LastMileService
import Testing

/// `GET /v1/plans/{date}/report`: figures object by object — a carrier key gets only its own runs, orders and
/// totals, a dispatcher its depot's; the admin all, summing to the whole plan. `POST /v1/plans/{date}/compare`:
/// the CLI's comparison, restricted the same way.
@Suite struct ReportEndpointTests {
    let fixture = ServerFixture.shared

    func report(_ key: String, _ client: some TestClientProtocol, query: String = "") async throws -> (status: HTTPResponse.Status, body: [String: Any], text: String) {
        try await client.execute(uri: "/v1/plans/\(ServerFixture.date)/report\(query)", method: .get, headers: fixture.headers(key)) { response in
            let data = Data(response.body.readableBytesView)
            return (response.status, (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:], String(decoding: data, as: UTF8.self))
        }
    }

    @Test func eachKeySeesOnlyItsOwnFigures() async throws {
        let carriers = try fixture.service.vehicleCarriers()
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

    func compare(_ key: String, _ body: String, _ client: some TestClientProtocol, query: String = "") async throws -> (status: HTTPResponse.Status, body: [String: Any], text: String) {
        try await client.execute(uri: "/v1/plans/\(ServerFixture.date)/compare\(query)", method: .post, headers: fixture.headers(key), body: ByteBuffer(string: body)) { response in
            let data = Data(response.body.readableBytesView)
            return (response.status, (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:], String(decoding: data, as: UTF8.self))
        }
    }

    @Test func carriersAreComparedWithEachKeysOwnFigures() async throws {
        let networks = try RoadNetworks.sampleTown()
        let settings = PlanningSettings(seed: 1, timeLimit: 2, iterations: 30, threads: 1)
        try await fixture.application(networks: networks).test(.router) { client in
            let all = try await compare("admin", #"{"iterations": 30}"#, client)
            #expect(all.status == .ok, "\(all.text)")
            // The CLI's comparison (`lastmile report compare --iterations 30`), byte for byte.
            let expected = try fixture.service.compareCarriers(date: ServerFixture.date, carriers: [], roads: networks, settings: settings)
            #expect(all.text == (try ReportFormat.json.render(expected)))
            let scenarios = all.body["scenarios"] as? [[String: Any]] ?? []
            #expect(scenarios.compactMap { $0["scenario"] as? String }.prefix(6)
                == ["citylog", "citylog fuel +10 %", "citylog volume +20 %", "velo", "velo fuel +10 %", "velo volume +20 %"])
            #expect(scenarios.count == 7 && scenarios.allSatisfy { $0["checked"] as? Bool == true })
            #expect(scenarios.filter { $0["cheapest"] as? Bool == true }.count == 1 && scenarios.filter { $0["greenest"] as? Bool == true }.count == 1)

            // A carrier compares itself only, and sees no other carrier's runs or name.
            let velo = try await compare("velo", #"{"iterations": 30}"#, client)
            #expect(velo.status == .ok, "\(velo.text)")
            let own = velo.body["scenarios"] as? [[String: Any]] ?? []
            #expect(own.compactMap { $0["scenario"] as? String }.prefix(3) == ["velo", "velo fuel +10 %", "velo volume +20 %"] && own.count == 4)
            #expect(!velo.text.contains("citylog"))
            #expect(try await compare("velo", #"{"carriers": ["citylog"], "iterations": 5}"#, client).status == .forbidden)
            #expect(try await compare("velo-backend", #"{"iterations": 5}"#, client).status == .forbidden)

            // A dispatcher sees its depot's runs of every scenario.
            let west = try await compare("dispatcher", #"{"carriers": ["citylog"], "iterations": 30}"#, client)
            let runs = (west.body["scenarios"] as? [[String: Any]] ?? []).flatMap { ($0["report"] as? [String: Any])?["runs"] as? [[String: Any]] ?? [] }
            #expect(west.status == .ok && !runs.isEmpty && runs.allSatisfy { $0["depot"] as? String == "MFC-WEST" })

            let page = try await compare("velo", #"{"iterations": 5}"#, client, query: "?format=html")
            #expect(page.status == .ok && page.text.hasPrefix("<!doctype html>") && !page.text.contains("citylog"))
            let unknown = try await compare("admin", #"{"carriers": ["nobody"], "iterations": 5}"#, client)
            #expect(unknown.status == .badRequest && unknown.text.contains("carrier 'nobody' is not in the database"))
            #expect(try await compare("admin", #"{"iterations": "many"}"#, client).status == .badRequest)
            let long = try await compare("admin", #"{"time_limit": 600}"#, client)
            #expect(long.status == .badRequest && long.text.contains("time_limit"))
        }
    }
}
