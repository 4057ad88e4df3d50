import Foundation
import Hummingbird
import HummingbirdTesting
import LastMileServer
import Testing

/// `POST /v1/plans/{date}/moves`: the independent checker decides — an infeasible move is refused with its
/// reason and changes nothing, a feasible one is the date's next plan version with the stop where it was put;
/// a dispatcher cannot reach another depot's stops; once the day is live, moves are refused.
@Suite struct StopMoveTests {
    let day = ConsoleDay.forMoves
    let date = ConsoleDay.date

    struct Run { var vehicle: String, depot: String, orders: [String] }

    func plan(_ client: some TestClientProtocol) async throws -> (version: Int, runs: [Run]) {
        try await client.execute(uri: "/v1/plans/\(date)", method: .get, headers: day.headers) { response in
            let body = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
            let runs = (body["runs"] as? [[String: Any]] ?? []).map { run in
                Run(vehicle: run["vehicle"] as? String ?? "", depot: run["depot"] as? String ?? "",
                    orders: (run["stops"] as? [[String: Any]] ?? []).compactMap { $0["order"] as? String })
            }
            return (body["version"] as? Int ?? 0, runs)
        }
    }

    func move(_ client: some TestClientProtocol, _ order: String, to vehicle: String, at position: Int, token: String? = nil)
        async throws -> (status: HTTPResponse.Status, body: [String: Any])
    {
        let body = #"{"order": "\#(order)", "vehicle": "\#(vehicle)", "position": \#(position)}"#
        return try await client.execute(uri: "/v1/plans/\(date)/moves", method: .post, headers: ConsoleDay.headers(token ?? day.token),
                                        body: ByteBuffer(string: body)) { response in
            (response.status, (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]) ?? [:])
        }
    }

    @Test func theCheckerDecidesAndAFeasibleMoveIsTheNextVersion() async throws {
        try await day.application().test(.router) { client in
            var refusal: String?
            var accepted = 0
            // The last stop of one run to the front or the end of another, on the current plan each time,
            // until a move was refused and one accepted (at most 40 tries).
            var attempt = 0
            while attempt < 40, refusal == nil || accepted == 0 {
                let (version, runs) = try await plan(client)
                let served = runs.filter { !$0.orders.isEmpty }
                let from = served[attempt % served.count]
                let others = runs.filter { $0.vehicle != from.vehicle }
                let target = others[(attempt / served.count) % others.count]
                let order = from.orders.last!
                let position = attempt % 2 == 0 ? 0 : target.orders.count
                attempt += 1
                let (status, body) = try await move(client, order, to: target.vehicle, at: position)
                let after = try await plan(client)
                switch status {
                case .unprocessableContent:
                    refusal = refusal ?? (body["error"] as? [String: Any])?["message"] as? String
                    #expect(after.version == version, "a refused move stores nothing")
                case .created:
                    accepted += 1
                    #expect(after.version == version + 1 && body["version"] as? Int == after.version)
                    #expect(after.runs.first { $0.vehicle == target.vehicle }?.orders[position] == order, "\(order) to \(target.vehicle) at \(position)")
                    #expect(after.runs.allSatisfy { $0.vehicle == target.vehicle || !$0.orders.contains(order) })
                default:
                    Issue.record("moving \(order) to \(target.vehicle) at \(position): \(status) \(body)")
                }
            }
            let reason = try #require(refusal, "no move was refused in \(attempt) tries")
            #expect(reason.contains("is refused: "), "\(reason)")
            #expect(accepted > 0, "no move was accepted in \(attempt) tries")
            let (_, runs) = try await plan(client)

            // A dispatcher of MFC-WEST does not reach another depot's stops.
            if let other = runs.first(where: { $0.depot != "MFC-WEST" && !$0.orders.isEmpty }), let own = runs.first(where: { $0.depot == "MFC-WEST" }) {
                #expect(try await move(client, other.orders[0], to: own.vehicle, at: 0, token: day.dispatcherToken).status == .notFound)
            }

            // Once the day is live, the live loop owns the sequences.
            let run = try #require(runs.first { !$0.orders.isEmpty })
            let event = #"{"key": "moves-live-1", "at": "00:00:00", "type": "delay", "vehicle": "\#(run.vehicle)", "minutes": 5}"#
            try await client.execute(uri: "/v1/live/\(date)/events", method: .post, headers: day.headers, body: ByteBuffer(string: event)) {
                #expect($0.status == .created)
            }
            #expect(try await move(client, run.orders[0], to: run.vehicle, at: 0).status == .conflict)
        }
    }
}
