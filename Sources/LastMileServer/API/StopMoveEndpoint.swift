import Hummingbird
import LastMileCore
import LastMileDomain
import LastMileService

/// `POST /v1/plans/{date}/moves` `{"order": "O-0012", "vehicle": "VAN-003", "position": 0}`: moves a stop to
/// another run (or another place in its run) before the live day starts. The edited day is checked by the
/// independent checker: an infeasible move is refused (422, the checker's reason first, the rest in
/// `details`); a feasible one is stored as the date's next plan version (201). Once the date has live events,
/// moves are refused (409): the live loop re-plans after each event, and reports go through
/// `POST /v1/live/{date}/events`. Admins and dispatchers; a dispatcher moves only between its depot's runs.
struct StopMoveEndpoint {
    let service: LastMileService
    let networks: RoadNetworks?

    struct Request: Decodable {
        var order: String
        var vehicle: String
        var position: Int
    }

    func register(on router: Router<LastMileRequestContext>) {
        router.post("v1/plans/:date/moves") { request, context in
            let identity = try context.requireIdentity()
            guard identity.role.dispatches else { throw APIError(.forbidden, "stops are moved by dispatchers and admins") }
            let date = try context.parameters.require("date")
            let move = try await JSONCoding.decode(Request.self, from: request, context: context)
            let plan = try requiringPlan(of: date) { () throws(LastMileError) in try service.storedPlan(date: date) }
            let day = try service.dispatchDay(date: date)
            let from = plan.runs.first { run in run.stops.contains { $0.orderID == move.order } }
            guard let from, identity.role.reads(depotID: from.depotID, carrierID: "") else {
                throw APIError(.notFound, "no run of \(date) serves order '\(move.order)' for this key", field: "order")
            }
            guard let vehicle = day.vehicles.first(where: { $0.id == move.vehicle }), identity.role.reads(depotID: vehicle.depotID, carrierID: "") else {
                throw APIError(.notFound, "no vehicle '\(move.vehicle)' on \(date) for this key", field: "vehicle")
            }
            guard let networks else {
                throw APIError(.routingData, "this server has no roads to check the move on", hint: "start `lastmile serve` with --map (an .osm.pbf)")
            }
            let version = try await offloaded {
                try service.moveStop(date: date, orderID: move.order, to: move.vehicle, position: move.position, roads: networks)
            }
            return try JSONCoding.response(Answer(date: date, version: version.version, order: move.order, vehicle: move.vehicle, position: move.position),
                                           status: .created)
        }
    }

    struct Answer: Encodable { var date: String, version: Int, order: String, vehicle: String, position: Int }
}
