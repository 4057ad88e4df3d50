import Foundation
import Hummingbird
import LastMileCore
import LastMileDispatch
import LastMileService

/// `GET /v1/plans/{date}/report`: the active plan's cost and emissions report (the JSON of `lastmile report
/// --format json`, or the HTML page with `?format=html`), with only the runs the key may read: a dispatcher
/// its depot's, a carrier or driver backend its own (object by object; totals are over what it sees).
struct ReportEndpoints {
    let service: LastMileService

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
    }
}
