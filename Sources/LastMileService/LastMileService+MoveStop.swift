import LastMileCore
import LastMileDispatch
import LastMileDomain
import LastMileLive
import LastMileStore

extension LastMileService {
    /// Moves order `orderID` from its run to `vehicleID`'s run at `position` (0: first stop; the vehicle may
    /// have no run yet), checks the edited day with the independent checker and, when it holds, stores it as
    /// the date's next plan version (stock reserved as for any plan). Only before the live day starts: once
    /// events are logged, the live loop owns the sequences (re-planning after each event), so a hand edit
    /// would be lost with the log's plan version.
    ///
    /// - Throws: ``LastMileError``: not found for an order no run serves; bad input for a position out of
    ///   range; conflict when the date's live log already has events; check failed with the checker's
    ///   violations when the move breaks a window, a capacity, a shift or a break (nothing is stored).
    public func moveStop(date: String, orderID: String, to vehicleID: String, position: Int, roads: RoadNetworks) throws(LastMileError) -> PlanVersion {
        let plan = try storedPlan(date: date)
        let live = try liveState(date: date)
        guard live.revision == 0 else {
            throw LastMileError(.conflict, "\(date) is live (revision \(live.revision)): its runs are re-planned after each event",
                                at: ErrorLocation(field: "order", id: orderID), hint: "report what happened as live events instead")
        }
        var routes = plan.runs.map { (vehicleID: $0.vehicleID, orderIDs: $0.stops.map(\.orderID)) }
        guard let from = routes.firstIndex(where: { $0.orderIDs.contains(orderID) }) else {
            throw LastMileError(.notFound, "no run of \(date) serves order \(orderID)", at: ErrorLocation(field: "order", id: orderID),
                                hint: "move a stop that a run serves")
        }
        routes[from].orderIDs.removeAll { $0 == orderID }
        if !routes.contains(where: { $0.vehicleID == vehicleID }) { routes.append((vehicleID: vehicleID, orderIDs: [])) }
        let to = routes.firstIndex { $0.vehicleID == vehicleID }!
        guard (0...routes[to].orderIDs.count).contains(position) else {
            throw LastMileError(.badInput, "position \(position) is outside 0…\(routes[to].orderIDs.count) for \(vehicleID)'s run",
                                at: ErrorLocation(field: "position"), hint: "0 puts the stop first, the run's length puts it last")
        }
        routes[to].orderIDs.insert(orderID, at: position)
        let day = try reportingErrors { try store.day(date) }
        let traffic = PlanningTraffic().dayTraffic(stored: try storedTrafficProfile())
        let outcome = try reportingErrors {
            try DayPlanner(graph: roads.car, bikeGraph: roads.bike).plan(day, routes: routes, seed: plan.seed, traffic: traffic)
        }
        switch outcome {
        case .infeasible(let violations):
            throw LastMileError(.checkFailed, "moving \(orderID) to \(vehicleID) at position \(position) is refused: \(violations[0])",
                                at: ErrorLocation(field: "order", id: orderID), hint: "try another run or position", details: Array(violations.dropFirst()))
        case .feasible(let edited):
            return try commit(edited)
        }
    }
}
