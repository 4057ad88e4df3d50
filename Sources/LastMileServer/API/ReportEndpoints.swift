import Foundation
import Hummingbird
import LastMileCore
import LastMileDispatch
import LastMileService

/// `GET /v1/plans/{date}/report`: the active plan's cost and emissions report (the JSON of `lastmile report
/// --format json`, or the HTML page with `?format=html`), with only the runs the key may read: a dispatcher
/// its depot's, a carrier or driver backend its own (object by object; totals are over what it sees).
///
/// `POST /v1/plans/{date}/compare`: `lastmile report compare` — the date's orders planned again under each
/// carrier's fleet and rate card, fuel +10 % and volume +20 % runs and the mixed assignment, nothing stored —
/// on the server's `--map`, with each scenario's report restricted as above (a carrier compares itself only).
/// It answers when every scenario is planned: the body's budget is per scenario (2 s by default).
struct ReportEndpoints {
    let service: LastMileService
    let networks: RoadNetworks?

    /// The body of `POST /v1/plans/{date}/compare`: the carriers (default: every comparable one; a carrier key
    /// itself), and each scenario's solver budget: seconds, or a fixed number of iterations (repeatable).
    /// The longest solver budget (s) a compared scenario may ask for: the request waits for all of them.
    static let maxSecondsPerScenario = 60.0

    struct CompareRequest: Decodable {
        var carriers: [String]?
        var time_limit: Double?
        var iterations: Int?
        var seed: UInt64?
    }

    func register(on router: Router<LastMileRequestContext>) {
        router.get("v1/plans/:date/report") { request, context in
            let identity = try context.requireIdentity()
            let date = try context.parameters.require("date")
            let format = request.uri.queryParameters.get("format") ?? "json"
            guard format == "json" || format == "html" else {
                throw APIError(.badInput, "format '\(format)' is not json or html", field: "format")
            }
            let report = try requiringPlan(of: date) { () throws(LastMileError) in try service.planReport(date: date, for: identity.role) }
            var headers = HTTPFields()
            let text: String
            if format == "html" {
                headers[.contentType] = "text/html; charset=utf-8"
                text = report.html
            } else {
                headers[.contentType] = "application/json; charset=utf-8"
                text = try report.json()
            }
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        router.post("v1/plans/:date/compare") { request, context in
            let identity = try context.requireIdentity()
            let date = try context.parameters.require("date")
            let format = request.uri.queryParameters.get("format") ?? "json"
            guard let reportFormat = ReportFormat(rawValue: format), reportFormat == .json || reportFormat == .html else {
                throw APIError(.badInput, "format '\(format)' is not json or html", field: "format")
            }
            let body = try await JSONCoding.decode(CompareRequest.self, from: request, context: context)
            if let seconds = body.time_limit, seconds > Self.maxSecondsPerScenario {
                throw APIError(.badInput, "time_limit \(seconds) s is over \(Int(Self.maxSecondsPerScenario)) s per scenario", field: "time_limit",
                               hint: "a comparison answers when every scenario is planned: keep each short, or fix iterations")
            }
            _ = try service.carriersToCompare(body.carriers ?? [], for: identity.role)
            guard let networks else {
                throw APIError(.routingData, "this server has no roads to plan on", hint: "start `lastmile serve` with --map (an .osm.pbf)")
            }
            let settings = PlanningSettings(seed: body.seed ?? 1, timeLimit: body.time_limit ?? 2, iterations: body.iterations, threads: 1)
            _ = try settings.solverConfiguration()
            let (service, role) = (self.service, identity.role)
            let text = try await offloaded { () throws -> String in
                let comparison = try service.compareCarriers(date: date, carriers: body.carriers ?? [], roads: networks, settings: settings, for: role)
                return try reportFormat.render(comparison)
            }
            var headers = HTTPFields()
            headers[.contentType] = reportFormat == .html ? "text/html; charset=utf-8" : "application/json; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
        }
    }
}
