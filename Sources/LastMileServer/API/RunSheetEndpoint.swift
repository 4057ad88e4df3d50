import Hummingbird
import LastMileCore
import LastMileService

/// `GET /v1/plans/{date}/runs/{vehicle}/sheet`: a run's sheet for its driver from the active plan, the page
/// `lastmile plan` writes (`?format=html`, the default) or its CSV (`?format=csv`). Any key that may read the
/// run; another depot's or carrier's run answers 404 like a vehicle without one.
struct RunSheetEndpoint {
    let service: LastMileService

    func register(on router: Router<LastMileRequestContext>) {
        router.get("v1/plans/:date/runs/:vehicle/sheet") { request, context in
            let identity = try context.requireIdentity()
            let date = try context.parameters.require("date")
            let vehicle = try context.parameters.require("vehicle")
            let name = request.uri.queryParameters["format"].map(String.init) ?? RunSheet.Format.html.rawValue
            guard let format = RunSheet.Format(rawValue: name) else {
                throw APIError(.badInput, "format '\(name)' is neither html nor csv", field: "format")
            }
            let sheet = try requiringPlan(of: date) { () throws(LastMileError) in try service.runSheet(date: date, vehicleID: vehicle, format: format) }
            guard let sheet, identity.role.reads(depotID: sheet.depotID, carrierID: sheet.carrierID) else {
                throw APIError(.notFound, "no run of '\(vehicle)' on \(date) for this key", field: "vehicle")
            }
            var headers = HTTPFields()
            headers[.contentType] = format == .html ? "text/html; charset=utf-8" : "text/csv; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: sheet.text)))
        }
    }
}
