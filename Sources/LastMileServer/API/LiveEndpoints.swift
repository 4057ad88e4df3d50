import Hummingbird
import LastMileCore
import LastMileDomain
import LastMileLive
import LastMileService

/// `/v1/live`: a vehicle's current route for a driver's app — executed stops (frozen), the stop it is at, the
/// remaining stops with ETAs and the customers whose window is at risk.
struct LiveEndpoints {
    let service: LastMileService

    func register(on router: Router<LastMileRequestContext>) {
        router.get("v1/live/:date/vehicles/:vehicle") { _, context in
            let identity = try context.requireIdentity()
            let date = try context.parameters.require("date")
            let vehicleID = try context.parameters.require("vehicle")
            let state = try requiringPlan(of: date) { () throws(LastMileError) in try service.liveState(date: date) }
            let carriers = try service.vehicleCarriers()
            guard let vehicle = state.vehicles.first(where: { $0.vehicleID == vehicleID }),
                  identity.role.reads(depotID: vehicle.depotID, carrierID: carriers[vehicleID] ?? "")
            else {
                // The same answer whether the vehicle does not exist or belongs to someone else: ids leak nothing.
                throw APIError(.notFound, "no vehicle '\(vehicleID)' on \(date) for this key", field: "vehicle")
            }
            return try JSONCoding.response(VehicleBody(vehicle, revision: state.revision))
        }
    }

    /// A vehicle's live route: times `HH:MM:SS`.
    struct VehicleBody: Encodable {
        struct Executed: Encodable { var order: String, arrival: String, departure: String, outcome: String }
        struct Stop: Encodable { var order: String, customer: String, eta: String, window_start: String, window_end: String, at_risk: Bool }
        var vehicle: String, driver: String, revision: Int, status: String, time: String
        var position: [Double]?
        var executed: [Executed]
        var current: Stop?
        var remaining: [Stop]
        var at_risk: [String]
        var end_eta: String

        init(_ vehicle: LiveVehicle, revision: Int) {
            self.vehicle = vehicle.vehicleID
            driver = vehicle.driver
            self.revision = revision
            if case .brokenDown = vehicle.status { status = "broken-down" } else { status = "running" }
            time = vehicle.time.clock
            position = vehicle.position.map { [$0.coordinate.longitude, $0.coordinate.latitude] }
            executed = vehicle.executed.map { Executed(order: $0.orderID, arrival: $0.arrival.clock, departure: $0.departure.clock, outcome: Self.outcome($0.outcome)) }
            func stop(_ stop: LiveStop) -> Stop {
                Stop(order: stop.order.id, customer: stop.order.customer, eta: stop.eta.clock, window_start: stop.order.windowStart.clock,
                     window_end: stop.order.windowEnd.clock, at_risk: stop.isAtRisk)
            }
            current = vehicle.current.map(stop)
            remaining = vehicle.remaining.map(stop)
            at_risk = vehicle.atRisk.map { "\($0.orderID): \($0.reason)" }
            end_eta = vehicle.endETA.clock
        }

        /// `delivered`, or `failed: REASON (reattempt|return)`.
        static func outcome(_ outcome: ExecutedStop.Outcome) -> String {
            switch outcome {
            case .delivered: "delivered"
            case .failed(let reason, let then): "failed: \(reason) (\(then.rawValue))"
            }
        }
    }
}
