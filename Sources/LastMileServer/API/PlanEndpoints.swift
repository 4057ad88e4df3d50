import Foundation
import Hummingbird
import LastMileCore
import LastMileDomain
import LastMileService

/// `/v1/plans`: a date's plan versions and its active plan, each run shown only to keys whose role reaches it
/// (a dispatcher its depot's runs, a carrier or driver backend its own vehicles' runs; OWASP API1). The orders
/// left unassigned are the day's shared work: admins and dispatchers see them, carriers do not.
struct PlanEndpoints {
    let service: LastMileService

    func register(on router: Router<LastMileRequestContext>) {
        router.get("v1/plans/:date/versions") { _, context in
            let identity = try context.requireIdentity()
            guard identity.role.dispatches else {
                throw APIError(.forbidden, "plan versions are for admins and dispatchers", hint: "read /v1/plans/{date} for your runs")
            }
            let date = try context.parameters.require("date")
            return try JSONCoding.response(try service.planVersions(date: date).map(VersionBody.init))
        }
        router.get("v1/plans/:date") { _, context in
            let identity = try context.requireIdentity()
            let date = try context.parameters.require("date")
            let plan = try requiringPlan(of: date) { () throws(LastMileError) in try service.storedPlan(date: date) }
            let carriers = try service.vehicleCarriers()
            let runs = plan.runs.filter { identity.role.reads(depotID: $0.depotID, carrierID: carriers[$0.vehicleID] ?? "") }
            let seesUnassigned = identity.role.dispatches
            return try JSONCoding.response(PlanBody(
                date: plan.version.date, version: plan.version.version, status: plan.version.status, checked: plan.checked,
                runs: runs.map { RunBody($0, carrierID: carriers[$0.vehicleID] ?? "") },
                unassigned: seesUnassigned ? plan.unassigned.map { .init(order: $0.orderID, reason: $0.reason) } : []
            ))
        }
    }

    struct VersionBody: Encodable {
        var version: Int, status: String, cost_cents: Int64, routes: Int, stops: Int, unassigned: Int

        init(_ version: PlanVersion) {
            self.version = version.version
            status = version.status
            cost_cents = version.cost.rawValue
            routes = version.routes
            stops = version.stops
            unassigned = version.unassigned
        }
    }

    struct PlanBody: Encodable {
        struct Unassigned: Encodable { var order: String, reason: String }
        var date: String, version: Int, status: String, checked: Bool
        var runs: [RunBody]
        var unassigned: [Unassigned]
    }

    /// A run: times as `HH:MM:SS` on the plan's date, lengths in metres, cost in cents.
    struct RunBody: Encodable {
        struct Stop: Encodable {
            var order: String, arrival: String, service_start: String, departure: String, metres_from_previous: Int64
        }
        var vehicle: String, driver: String, depot: String, end_depot: String, carrier: String
        var departure: String, end: String, metres: Int64, cost_cents: Int64
        var stops: [Stop]

        init(_ run: StoredPlan.Run, carrierID: String) {
            vehicle = run.vehicleID
            driver = run.driver
            depot = run.depotID
            end_depot = run.endDepotID
            carrier = carrierID
            departure = run.departure.clock
            end = run.end.clock
            metres = run.metres
            cost_cents = run.cost.rawValue
            stops = run.stops.map {
                Stop(order: $0.orderID, arrival: $0.arrival.clock, service_start: $0.serviceStart.clock, departure: $0.departure.clock,
                     metres_from_previous: $0.metresFromPrevious)
            }
        }
    }
}

extension TimeOfDay {
    /// `HH:MM:SS`, hours past 24 for the next day.
    var clock: String {
        let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        return [h, m, s].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":")
    }
}
