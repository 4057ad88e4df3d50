import Hummingbird
import LastMileCore
import LastMileDomain
import LastMileLive
import LastMileService

/// `GET /v1/plans/{date}/runs`: the console's view of a date — per run the KPIs of the plan (stops, km, hours,
/// cost) with the on-time share of the live day, and a timeline: every stop with its window, arrival (done) or
/// ETA (to come), waiting and outcome, and the driver's breaks; the live revision and clock, the vehicles'
/// reported positions and the customers at risk with the reason. Only the runs the key may read (a dispatcher
/// its depot's, a carrier or driver backend its carrier's); unassigned orders for admins and dispatchers.
struct RunsEndpoint {
    let service: LastMileService

    func register(on router: Router<LastMileRequestContext>) {
        router.get("v1/plans/:date/runs") { _, context in
            let identity = try context.requireIdentity()
            let date = try context.parameters.require("date")
            let (plan, state) = try requiringPlan(of: date) { () throws(LastMileError) in
                (try service.storedPlan(date: date), try service.liveState(date: date))
            }
            let day = try service.dispatchDay(date: date)
            let carriers = Dictionary(day.vehicles.map { ($0.id, $0.carrierID) }, uniquingKeysWith: { first, _ in first })
            let orders = Dictionary(day.orders.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let runs = Dictionary(plan.runs.map { ($0.vehicleID, $0) }, uniquingKeysWith: { first, _ in first })
            let visible = state.vehicles.filter { identity.role.reads(depotID: $0.depotID, carrierID: carriers[$0.vehicleID] ?? "") }
            return try JSONCoding.response(Body(
                date: date, version: plan.version.version, revision: state.revision, clock: state.clock.clock,
                runs: visible.map { RunBody($0, run: runs[$0.vehicleID], carrier: carriers[$0.vehicleID] ?? "", orders: orders) },
                unassigned: identity.role.dispatches ? plan.unassigned.map { .init(order: $0.orderID, reason: $0.reason) } : []
            ))
        }
    }

    struct Body: Encodable {
        struct Unassigned: Encodable { var order: String, reason: String }
        var date: String, version: Int, revision: Int, clock: String
        var runs: [RunBody]
        var unassigned: [Unassigned]
    }

    /// One run: times `HH:MM:SS`, km and hours with two decimals, cost in cents, the on-time share 0…1.
    struct RunBody: Encodable {
        struct KPIs: Encodable { var stops: Int, km: Double, hours: Double, cost_cents: Int64, on_time_share: Double }
        /// A stop of the timeline: `state` is `done`, `current` or `planned`; `arrival` is the actual arrival
        /// (done) or the ETA; `waiting_seconds` before the window opens.
        struct Stop: Encodable {
            var order: String, customer: String, state: String, outcome: String?
            var arrival: String, service_start: String, departure: String, window_start: String, window_end: String
            var waiting_seconds: Int, at_risk: String?
            /// The customer's place, `[lon, lat]`.
            var position: [Double]
        }
        struct Break: Encodable { var after_stops: Int, start: String, minutes: Int }
        var vehicle: String, driver: String, depot: String, carrier: String, status: String
        var departure: String, end_eta: String, time: String
        var position: [Double]?
        var kpis: KPIs
        var stops: [Stop]
        var breaks: [Break]

        init(_ vehicle: LiveVehicle, run: StoredPlan.Run?, carrier: String, orders: [String: Order]) {
            self.vehicle = vehicle.vehicleID
            driver = vehicle.driver
            depot = vehicle.depotID
            self.carrier = carrier
            if case .brokenDown = vehicle.status { status = "broken-down" } else { status = "running" }
            departure = (run?.departure ?? vehicle.readyAt).clock
            end_eta = vehicle.endETA.clock
            time = vehicle.time.clock
            position = vehicle.position.map { [$0.coordinate.longitude, $0.coordinate.latitude] }
            var stops: [Stop] = vehicle.executed.map { done in
                let order = orders[done.orderID]
                let start = max(done.arrival, order?.windowStart ?? done.arrival)
                return Stop(order: done.orderID, customer: order?.customer ?? done.orderID, state: "done",
                            outcome: LiveEndpoints.VehicleBody.outcome(done.outcome), arrival: done.arrival.clock, service_start: start.clock,
                            departure: done.departure.clock, window_start: (order?.windowStart ?? done.arrival).clock,
                            window_end: (order?.windowEnd ?? done.departure).clock, waiting_seconds: start.seconds - done.arrival.seconds,
                            at_risk: nil, position: order.map { [$0.coordinate.longitude, $0.coordinate.latitude] } ?? [])
            }
            func upcoming(_ stop: LiveStop, _ state: String) -> Stop {
                Stop(order: stop.order.id, customer: stop.order.customer, state: state, outcome: nil, arrival: stop.eta.clock,
                     service_start: stop.serviceStart.clock, departure: stop.departure.clock, window_start: stop.order.windowStart.clock,
                     window_end: stop.order.windowEnd.clock, waiting_seconds: stop.serviceStart.seconds - stop.eta.seconds,
                     at_risk: stop.isAtRisk ? AtRiskStop(vehicleID: vehicle.vehicleID, stop: stop).reason : nil,
                     position: [stop.order.coordinate.longitude, stop.order.coordinate.latitude])
            }
            stops += vehicle.current.map { [upcoming($0, "current")] } ?? []
            stops += vehicle.remaining.map { upcoming($0, "planned") }
            self.stops = stops
            breaks = (run?.breaks ?? []).map { Break(after_stops: $0.afterStops, start: $0.start.clock, minutes: $0.minutes) }
            let onTime = vehicle.executed.filter { done in
                guard case .delivered = done.outcome else { return false }
                return done.arrival <= (orders[done.orderID]?.windowEnd ?? done.arrival)
            }.count + stops.filter { $0.state != "done" && $0.at_risk == nil }.count
            let hours = run.map { Double($0.end.seconds - $0.departure.seconds) / 3600 } ?? 0
            kpis = KPIs(stops: stops.count, km: Self.twoDecimals(Double(run?.metres ?? 0) / 1000), hours: Self.twoDecimals(hours),
                        cost_cents: run?.cost.rawValue ?? 0, on_time_share: stops.isEmpty ? 1 : Self.twoDecimals(Double(onTime) / Double(stops.count)))
        }

        static func twoDecimals(_ value: Double) -> Double { (value * 100).rounded() / 100 }
    }
}
