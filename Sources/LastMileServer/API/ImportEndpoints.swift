import Hummingbird
import LastMileCore
import LastMileDispatch
import LastMileDomain
import LastMileService

/// Data imports over HTTP, with the same row-level reports as `lastmile load`: the body is the file (CSV, or
/// JSON when the content type says so); a bad row refuses the whole body with every issue in `details`, unless
/// `skip_invalid=true`, which stores the good rows and lists the others.
///
/// `POST /v1/imports/{kind}` (depots, vehicle-types, fleet, carriers, orders, rate-cards, vroom with `date=`) is for admins:
/// depots and fleets reach across every dispatcher. `POST /v1/orders` is the dispatcher's: orders only.
struct ImportEndpoints {
    let service: LastMileService

    func register(on router: Router<LastMileRequestContext>) {
        router.post("v1/imports/:kind") { request, context in
            guard try context.requireIdentity().role == .admin else {
                throw APIError(.forbidden, "imports of depots, fleets and carriers are for admin keys", hint: "dispatchers post orders to /v1/orders")
            }
            let kindName = try context.parameters.require("kind")
            guard InputKind.names.contains(kindName) else {
                throw APIError(.notFound, "unknown import kind '\(kindName)'", field: "kind", hint: "use one of \(InputKind.names.joined(separator: ", "))")
            }
            let date = request.uri.queryParameters["date"].map(String.init)
            if kindName == "vroom", date == nil {
                throw APIError(.badInput, "loading VROOM jobs as orders needs date=YYYY-MM-DD", field: "date")
            }
            let kind = DispatchFile(rawValue: kindName).map(InputKind.records) ?? .vroomJobs(date: date ?? "")
            return try await load(kind, request, context)
        }
        router.post("v1/orders") { request, context in
            guard try context.requireIdentity().role.dispatches else {
                throw APIError(.forbidden, "orders are imported by dispatchers and admins")
            }
            return try await load(.records(.orders), request, context)
        }
    }

    struct Outcome: Encodable {
        struct Issue: Encodable {
            var line: Int?
            var column: String?
            var message: String
        }
        struct Far: Encodable { var order: String, kilometres: Double }
        var inserted: Int, updated: Int
        var skipped: [Issue]
        var far_orders: [Far]
    }

    private func load(_ kind: InputKind, _ request: Request, _ context: LastMileRequestContext) async throws -> Response {
        let body = try await JSONCoding.body(request, context: context)
        let isJSON = request.headers[.contentType]?.hasPrefix("application/json") == true
        let name = "body.\(kind.name)\(isJSON ? ".json" : ".csv")"
        let skipInvalid = request.uri.queryParameters["skip_invalid"] == "true"
        let outcome = try service.load(kind, data: body, file: name, skipInvalid: skipInvalid)
        let skipped: [Outcome.Issue] = outcome.skipped.map { issue in Outcome.Issue(line: issue.line, column: issue.column, message: issue.message) }
        let far: [Outcome.Far] = outcome.farOrders.map { order in Outcome.Far(order: order.orderID, kilometres: order.kilometres) }
        return try JSONCoding.response(Outcome(inserted: outcome.inserted, updated: outcome.updated, skipped: skipped, far_orders: far))
    }
}
