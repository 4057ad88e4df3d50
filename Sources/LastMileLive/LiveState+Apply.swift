import LastMileCore
import LastMileDomain

extension LiveState {
    /// The state after `event` and what it asks of the world, or why it cannot apply (the state is unchanged).
    ///
    /// - Position: the vehicle's position, heading and clock; a clock past the next ETA pushes that ETA on.
    /// - Arrived: the stop becomes the current stop (frozen; drivers may take stops in another order) and the
    ///   customer's place the position; a late arrival shifts later ETAs by what waiting before their windows
    ///   cannot absorb.
    /// - Completed: the current (or named) stop joins the executed prefix, its load leaves the vehicle.
    /// - Failed: joins the prefix as failed; with `reattempt` the stop goes again at the end of the run, with
    ///   `return` the parcel stays on board back to the depot.
    /// - Delay: the vehicle leaves its current place `minutes` later; ETAs shift as for a late arrival.
    /// - Road closure, slowdown, weather: recorded in ``roadConditions`` for the re-optimiser (no routing here).
    /// - New order: an ``OpenOrder`` and a ``LiveAction/needsAssignment(orderIDs:reason:)`` for the re-optimiser.
    /// - Cancelled: the stop leaves its run (or the open orders); loaded goods go back to the depot.
    /// - Breakdown: the vehicle stops; its remaining stops (and the one it is at) become open orders needing
    ///   reassignment, the load on board at the breakdown stays counted on the vehicle.
    /// - Shift change: the new driver and end of shift.
    ///
    /// Every event moves the clock to at least its time and yields one revision. A window is reported as
    /// ``LiveAction/windowAtRisk(_:)`` by the event that puts it at risk (again, if an earlier event had made it
    /// safe), not by every later event.
    ///
    /// - Throws: ``LiveEventRejection`` for an unknown vehicle or order, an event older than
    ///   ``lateTolerance`` before the clock, a stop completed twice, a stop of another vehicle, an event for a
    ///   broken-down vehicle, a new order with a taken id, a cancellation of a served order.
    public func apply(_ event: LiveEvent) throws(LiveEventRejection) -> (state: LiveState, actions: [LiveAction]) {
        guard event.at.seconds >= clock.seconds - Self.lateTolerance else {
            throw LiveEventRejection(
                field: "at", "time \(event.at.withSeconds) is \((clock.seconds - event.at.seconds + 59) / 60) min before the live clock \(clock.withSeconds) (tolerance \(Self.lateTolerance / 60) min)",
                hint: "send events as they happen; correct an older report through the dispatcher")
        }
        var next = self
        var actions: [LiveAction] = []
        switch event.kind {
        case .position(let vehicleID, let coordinate, let heading):
            try next.update(vehicleID, at: event.at) { vehicle, now in
                vehicle.position = LiveVehicle.Position(coordinate: coordinate, headingDegrees: heading, at: now)
            }
        case .arrived(let vehicleID, let orderID):
            try next.update(vehicleID, at: event.at) { vehicle, now throws(LiveEventRejection) in
                if let current = vehicle.current {
                    guard current.order.id != orderID else { return }
                    throw LiveEventRejection(field: "order", "vehicle \(vehicleID) is still at the stop of order \(current.order.id)",
                                             hint: "send completed or failed for order \(current.order.id) first")
                }
                var stop = try takeRemaining(orderID, from: &vehicle)
                stop.schedule(arrival: now)
                vehicle.current = stop
                vehicle.readyAt = stop.departure
                vehicle.position = LiveVehicle.Position(coordinate: stop.order.coordinate, headingDegrees: nil, at: now)
            }
        case .completed(let vehicleID, let orderID):
            try next.update(vehicleID, at: event.at) { vehicle, now throws(LiveEventRejection) in
                let stop = try finishCurrent(orderID, on: &vehicle, at: now)
                vehicle.executed.append(ExecutedStop(orderID: orderID, arrival: stop.eta, departure: now, outcome: .delivered))
                vehicle.load = vehicle.load - stop.order.load
            }
        case .failed(let vehicleID, let orderID, let reason, let then):
            try next.update(vehicleID, at: event.at) { vehicle, now throws(LiveEventRejection) in
                var stop = try finishCurrent(orderID, on: &vehicle, at: now)
                vehicle.executed.append(ExecutedStop(orderID: orderID, arrival: stop.eta, departure: now, outcome: .failed(reason: reason, then: then)))
                switch then {
                case .reattempt:
                    stop.attempt += 1
                    vehicle.remaining.append(stop)
                case .returnToDepot:
                    vehicle.returning.append(orderID)
                }
            }
        case .delay(let vehicleID, let minutes, _):
            try next.update(vehicleID, at: event.at) { vehicle, now in
                let leaving = vehicle.current == nil ? vehicle.readyAt : max(vehicle.readyAt, now)
                vehicle.readyAt = leaving.adding(seconds: minutes * 60)
                vehicle.current?.departure = vehicle.readyAt
            }
        case .roadCondition(let condition):
            next.roadConditions.append(condition)
            actions.append(.roadsChanged(condition))
        case .newOrder(let order):
            guard !knows(order.id) else {
                throw LiveEventRejection(field: "order", "order \(order.id) already exists", hint: "give the new order an id of its own")
            }
            let reason = "new order at \(event.at)"
            next.openOrders.append(OpenOrder(order: order, reason: reason))
            actions.append(.needsAssignment(orderIDs: [order.id], reason: reason))
        case .cancelled(let orderID):
            try next.cancel(orderID)
        case .breakdown(let vehicleID, let coordinate):
            var freed: [LiveStop] = []
            try next.update(vehicleID, at: event.at) { vehicle, now in
                if let coordinate { vehicle.position = LiveVehicle.Position(coordinate: coordinate, headingDegrees: nil, at: now) }
                freed = [vehicle.current].compactMap { $0 } + vehicle.remaining
                vehicle.current = nil
                vehicle.remaining = []
                vehicle.status = .brokenDown(at: now)
            }
            let reason = "vehicle \(vehicleID) broke down at \(event.at)"
            next.openOrders += freed.map { OpenOrder(order: $0.order, reason: reason) }
            if !freed.isEmpty { actions.append(.needsAssignment(orderIDs: freed.map(\.order.id), reason: reason)) }
        case .shiftChange(let vehicleID, let driver, let shiftEnd):
            try next.update(vehicleID, at: event.at) { vehicle, _ in
                vehicle.driver = driver
                if let shiftEnd { vehicle.shiftEnd = shiftEnd }
            }
        }
        next.clock = max(clock, event.at)
        next.revision += 1
        let before = Set(atRisk.map(\.orderID))
        actions += next.atRisk.filter { !before.contains($0.orderID) }.map(LiveAction.windowAtRisk)
        return (next, actions)
    }

    /// Runs `change` on the running vehicle `vehicleID` at its clock (the event's time, never earlier than the
    /// vehicle's last report), then reschedules it; on a throw nothing changes.
    private mutating func update(
        _ vehicleID: String, at eventTime: TimeOfDay, _ change: (inout LiveVehicle, TimeOfDay) throws(LiveEventRejection) -> Void
    ) throws(LiveEventRejection) {
        guard let index = vehicles.firstIndex(where: { $0.vehicleID == vehicleID }) else {
            throw LiveEventRejection(field: "vehicle", "unknown vehicle '\(vehicleID)': no run in version \(planVersion) of \(date)",
                                     hint: "use a vehicle of the active plan (`lastmile live --date \(date)` lists them)")
        }
        if case .brokenDown(let at) = vehicles[index].status {
            throw LiveEventRejection(field: "vehicle", "vehicle \(vehicleID) broke down at \(at) and takes no more events",
                                     hint: "report its orders on the vehicle that takes them over")
        }
        var vehicle = vehicles[index]
        vehicle.time = max(vehicle.time, eventTime)
        try change(&vehicle, vehicle.time)
        vehicle.reschedule()
        vehicles[index] = vehicle
    }

    /// Takes the stop of `orderID` out of `vehicle`'s remaining stops, or says why it is not there.
    private func takeRemaining(_ orderID: String, from vehicle: inout LiveVehicle) throws(LiveEventRejection) -> LiveStop {
        if let index = vehicle.remaining.firstIndex(where: { $0.order.id == orderID }) { return vehicle.removeRemaining(at: index, bypassed: false) }
        if let done = vehicle.executed.first(where: { $0.orderID == orderID && $0.outcome == .delivered }) {
            throw LiveEventRejection(field: "order", "order \(orderID) was already completed at \(done.departure.withSeconds); a stop is completed once",
                                     hint: "drop the duplicate, or send it with the original key so that it counts as a retry")
        }
        if let other = vehicles.first(where: { $0.vehicleID != vehicle.vehicleID && $0.serves(orderID) }) {
            throw LiveEventRejection(field: "order", "order \(orderID) is on vehicle \(other.vehicleID), not \(vehicle.vehicleID)",
                                     hint: "report the stop on vehicle \(other.vehicleID)")
        }
        if cancelled.contains(orderID) {
            throw LiveEventRejection(field: "order", "order \(orderID) was cancelled", hint: "drop the event")
        }
        if openOrders.contains(where: { $0.order.id == orderID }) || vehicle.returning.contains(orderID) || knows(orderID) {
            throw LiveEventRejection(field: "order", "order \(orderID) is not a remaining stop of vehicle \(vehicle.vehicleID)",
                                     hint: "open orders need a vehicle from the re-optimiser first")
        }
        throw LiveEventRejection(field: "order", "unknown order '\(orderID)' on \(date)", hint: "use an order id of the day (or send new-order first)")
    }

    /// Ends the stop of `orderID` at `now`: the current stop, or a remaining one reported without an arrival
    /// (it arrives at `now`). The vehicle is ready to drive on at `now`.
    private func finishCurrent(_ orderID: String, on vehicle: inout LiveVehicle, at now: TimeOfDay) throws(LiveEventRejection) -> LiveStop {
        var stop: LiveStop
        if let current = vehicle.current {
            guard current.order.id == orderID else {
                throw LiveEventRejection(field: "order", "vehicle \(vehicle.vehicleID) is at the stop of order \(current.order.id), not \(orderID)",
                                         hint: "send completed or failed for order \(current.order.id) first")
            }
            stop = current
            vehicle.current = nil
        } else {
            stop = try takeRemaining(orderID, from: &vehicle)
            stop.schedule(arrival: now)
            vehicle.position = LiveVehicle.Position(coordinate: stop.order.coordinate, headingDegrees: nil, at: now)
        }
        vehicle.readyAt = now
        return stop
    }

    /// Whether `orderID` is an order of the live day (served, planned, open or cancelled).
    func knows(_ orderID: String) -> Bool {
        vehicles.contains { $0.serves(orderID) || $0.executed.contains { $0.orderID == orderID } || $0.returning.contains(orderID) }
            || openOrders.contains { $0.order.id == orderID } || cancelled.contains(orderID)
    }

    /// Cancels `orderID`: its stop leaves the run (its goods, loaded at the depot, ride back) or the open orders.
    private mutating func cancel(_ orderID: String) throws(LiveEventRejection) {
        if let vehicleIndex = vehicles.firstIndex(where: { $0.remaining.contains { $0.order.id == orderID } }) {
            let index = vehicles[vehicleIndex].remaining.firstIndex { $0.order.id == orderID }!
            _ = vehicles[vehicleIndex].removeRemaining(at: index, bypassed: true)
            vehicles[vehicleIndex].returning.append(orderID)
            vehicles[vehicleIndex].reschedule()
        } else if let index = openOrders.firstIndex(where: { $0.order.id == orderID }) {
            openOrders.remove(at: index)
        } else if let vehicle = vehicles.first(where: { $0.current?.order.id == orderID }) {
            throw LiveEventRejection(field: "order", "vehicle \(vehicle.vehicleID) is at the customer of order \(orderID)",
                                     hint: "send failed with the reason 'cancelled' instead")
        } else if cancelled.contains(orderID) {
            throw LiveEventRejection(field: "order", "order \(orderID) is already cancelled", hint: "drop the duplicate")
        } else if knows(orderID) {
            throw LiveEventRejection(field: "order", "order \(orderID) was already served or is going back to the depot",
                                     hint: "drop the event")
        } else {
            throw LiveEventRejection(field: "order", "unknown order '\(orderID)' on \(date)", hint: "use an order id of the day")
        }
        cancelled.append(orderID)
    }
}
