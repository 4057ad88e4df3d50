import LastMileCore
import LastMileDomain
import LastMileLive

/// What `live` and `events apply` print: vehicles with position and next stops, customers at risk, open orders.
enum LiveSummary {
    static func stateLines(_ state: LiveState, nextStops: Int) -> [String] {
        var lines = ["\(state.date) version \(state.planVersion), revision \(state.revision), clock \(state.clock.withSeconds)"]
        for vehicle in state.vehicles {
            var place = vehicle.position.map { "at \($0.coordinate)" + ($0.headingDegrees.map { " heading \($0)°" } ?? "") } ?? "position unknown"
            if case .brokenDown(let at) = vehicle.status { place += ", broken down at \(at)" }
            lines.append("\(vehicle.vehicleID) (\(vehicle.driver)) \(place), \(vehicle.time.withSeconds); on board "
                + "\(vehicle.load.parcels) parcels, \(vehicle.load.grams / 1000) kg; \(vehicle.executed.count) done, "
                + "\(vehicle.remaining.count + (vehicle.current == nil ? 0 : 1)) left")
            if let current = vehicle.current { lines.append("   at \(current.order.id) since \(current.eta)") }
            for stop in vehicle.remaining.prefix(nextStops) {
                lines.append("   \(stop.order.id) ETA \(stop.eta) (window \(stop.order.windowStart)–\(stop.order.windowEnd))" + (stop.isAtRisk ? " AT RISK" : ""))
            }
            if vehicle.status == .running { lines.append("   back at \(vehicle.endDepotID) \(vehicle.endETA)") }
        }
        lines += state.atRisk.map(riskLine)
        lines += state.openOrders.map { "needs a vehicle: \($0.order.id) (\($0.reason))" }
        if !state.roadConditions.isEmpty {
            let inForce = state.roadConditions.filter { $0.isInForce(at: state.clock) }.count
            lines.append("\(state.roadConditions.count) road conditions reported, \(inForce) in force at \(state.clock) (in the re-optimiser's travel times)")
        }
        return lines
    }

    static func actionLines(_ actions: [LiveAction]) -> [String] {
        actions.map { action in
            switch action {
            case .windowAtRisk(let stop): riskLine(stop)
            case .needsAssignment(let orderIDs, let reason): "needs a vehicle: \(orderIDs.joined(separator: ", ")) (\(reason))"
            case .roadsChanged(let condition): "\(condition.kind.rawValue) within \(condition.radiusMetres) m of \(condition.centre) until \(condition.until)"
            case .rerouted(let vehicles, let changed, let gain):
                "rerouted \(vehicles.joined(separator: ", ")): \(changed) stops changed vehicle or place, \(gain / 60) min of driving saved"
            case .cannotServe(let orderID, let reason): "cannot serve \(orderID): \(reason)"
            }
        }
    }

    static func riskLine(_ stop: AtRiskStop) -> String {
        "at risk: \(stop.customer) (order \(stop.orderID), vehicle \(stop.vehicleID)): \(stop.reason)"
    }
}
