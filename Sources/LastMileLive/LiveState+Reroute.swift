import LastMileDomain

extension LiveState {
    /// The state with `reroute`'s routes: each listed vehicle's remaining stops become the route's (taken from
    /// its own or another listed vehicle's remaining stops, or from the open orders), leaving at the route's
    /// start, with its legs and its pending breaks where the route puts them; ETAs follow. Placed open orders leave ``openOrders``; stops of a listed vehicle that
    /// the reroute reports unplaced join them, and open orders it reports take its reason. A stop that changes vehicle
    /// moves its goods to the taker's load (handed over or fetched: the transfer leg is not modelled yet). No routing, no solving: a
    /// replay of the log calls this with the recorded reroute and gets the same state bit for bit.
    ///
    /// The revision does not change: the event that led to the re-optimisation made it.
    ///
    /// - Throws: ``LiveEventRejection`` when the reroute names an unknown vehicle or an order that is neither a
    ///   remaining stop of a listed vehicle nor open (a log that does not belong to this state).
    public func adopting(_ reroute: LiveReroute) throws(LiveEventRejection) -> LiveState {
        var next = self
        var indices: [Int] = []
        var pool: [String: (stop: LiveStop, from: Int)] = [:]
        for route in reroute.routes {
            guard let index = vehicles.firstIndex(where: { $0.vehicleID == route.vehicle && $0.status == .running }) else {
                throw LiveEventRejection(field: "vehicle", "the reroute names vehicle \(route.vehicle), not running in revision \(revision)",
                                         hint: "the live log does not belong to this plan version")
            }
            indices.append(index)
            for stop in vehicles[index].remaining { pool[stop.order.id] = (stop, index) }
        }
        var placedOpen: Set<String> = []
        let open = Dictionary(openOrders.map { ($0.order.id, $0.order) }, uniquingKeysWith: { first, _ in first })
        for (route, index) in zip(reroute.routes, indices) {
            var stops: [LiveStop] = []
            for leg in route.stops {
                var stop: LiveStop
                if let taken = pool.removeValue(forKey: leg.order) {
                    stop = taken.stop
                    if taken.from != index {
                        next.vehicles[taken.from].load = next.vehicles[taken.from].load - stop.order.load
                        next.vehicles[index].load = next.vehicles[index].load + stop.order.load
                    }
                } else if let order = open[leg.order], placedOpen.insert(leg.order).inserted {
                    stop = LiveStop(order: order, legSeconds: leg.seconds, eta: TimeOfDay(seconds: route.start))
                    next.vehicles[index].load = next.vehicles[index].load + order.load
                } else {
                    throw LiveEventRejection(field: "order", "the reroute places order \(leg.order), which is not a remaining stop or open order",
                                             hint: "the live log does not belong to this plan version")
                }
                stop.legSeconds = leg.seconds
                stops.append(stop)
            }
            next.vehicles[index].remaining = stops
            next.vehicles[index].endLegSeconds = route.endLegSeconds
            let done = next.vehicles[index].attemptsStarted
            for (entry, placement) in zip(next.vehicles[index].pendingBreaks, route.breaksAfterStops ?? []) {
                next.vehicles[index].breaks[entry.index].afterAttempts = done + min(placement, stops.count)
            }
            if next.vehicles[index].current == nil { next.vehicles[index].readyAt = TimeOfDay(seconds: route.start) }
            next.vehicles[index].reschedule()
        }
        // Stops the reroute could place nowhere leave their vehicle (goods stay counted on it) and become open.
        let unplaced = Dictionary(reroute.unplaced.map { ($0.order, $0.reason) }, uniquingKeysWith: { first, _ in first })
        for (order, taken) in pool.sorted(by: { $0.key < $1.key }) {
            guard let reason = unplaced[order] else {
                throw LiveEventRejection(field: "order", "the reroute drops order \(order) from its vehicle", hint: "the live log does not belong to this plan version")
            }
            next.openOrders.append(OpenOrder(order: taken.stop.order, reason: reason))
        }
        next.openOrders.removeAll { placedOpen.contains($0.order.id) }
        for index in next.openOrders.indices {
            if let reason = unplaced[next.openOrders[index].order.id] { next.openOrders[index].reason = reason }
        }
        return next
    }
}
