import LastMileCore

/// Where a shipment goes into a route: its pickup after position `pickupAfter`, its delivery after position
/// `deliveryAfter` (≥ `pickupAfter`; equal means right after the pickup), positions of the route before the
/// insertion.
struct ShipmentPlacement {
    var delta: Int64
    var pickupAfter: Int
    var deliveryAfter: Int

    /// The route's jobs with the shipment inserted.
    func applied(to jobs: [Int32], pickup: Int, delivery: Int) -> [Int32] {
        Array(jobs[..<pickupAfter]) + [Int32(pickup)] + Array(jobs[pickupAfter..<deliveryAfter]) + [Int32(delivery)]
            + Array(jobs[deliveryAfter...])
    }
}

extension RouteState {
    /// Every feasible placement of the shipment (`pickup`, `delivery`) in this route, in increasing positions,
    /// with its travel-cost delta plus both halves' charges; each is skipped with probability `blinkRate`. Time windows and capacity
    /// are exact; distance, duration and break limits are left to ``keepsLimits(_:distanceDelta:data:)``.
    ///
    /// For each pickup position the schedule is pushed forward one job at a time (O(route length)), so a
    /// route costs O(length²); a push that misses a window or a latest start ends the scan early. Every leg is
    /// driven at its departure (O(1) per leg with time-dependent travel too).
    func shipmentPlacements(
        pickup: Int, delivery: Int, data: SolverData, blinkRate: Double, random: inout SplitMix64,
        _ visit: (ShipmentPlacement) -> Void
    ) {
        let count = jobs.count
        let dimensions = data.dimensions
        let (pickupAt, deliveryAt) = (data.jobLocation[pickup], data.jobLocation[delivery])
        var peak = [Int64](repeating: 0, count: dimensions)
        func withinCapacity() -> Bool {
            for d in 0..<dimensions
            where peak[d] + data.jobDemand[pickup * dimensions + d] > data.vehicleCapacity[vehicle * dimensions + d] {
                return false
            }
            return true
        }
        for i in 0...count {
            guard let pickupStart = data.earliestStart(
                pickup, arrivingAt: arrival(location[i], pickupAt, leaving: earliest[i] + service[i], data))
            else { continue }
            for d in 0..<dimensions { peak[d] = loadAfter[i * dimensions + d] }
            guard withinCapacity() else { continue }
            let ready = pickupStart + data.jobService[pickup]
            let pickupCost = cost(location[i], pickupAt, data) + data.charge(vehicle, pickup) + data.charge(vehicle, delivery)
            // Delivery right after the pickup.
            if let deliveryStart = data.earliestStart(delivery, arrivingAt: arrival(pickupAt, deliveryAt, leaving: ready, data)),
                arrival(deliveryAt, location[i + 1], leaving: deliveryStart + data.jobService[delivery], data) <= latest[i + 1],
                uniform(0, 1, &random) >= blinkRate
            {
                let delta = pickupCost + cost(pickupAt, deliveryAt, data) + cost(deliveryAt, location[i + 1], data)
                    - cost(location[i], location[i + 1], data)
                visit(ShipmentPlacement(delta: delta, pickupAfter: i, deliveryAfter: i))
            }
            // Delivery after a later job: push the schedule forward job by job.
            guard i < count, arrival(pickupAt, location[i + 1], leaving: ready, data) <= latest[i + 1] else { continue }
            let pickupDelta = pickupCost + cost(pickupAt, location[i + 1], data) - cost(location[i], location[i + 1], data)
            var clock = ready
            var previous = pickupAt
            for j in (i + 1)...count {
                guard let start = data.earliestStart(Int(jobs[j - 1]), arrivingAt: arrival(previous, location[j], leaving: clock, data)),
                    start <= latest[j]
                else { break }
                clock = start + service[j]
                previous = location[j]
                for d in 0..<dimensions { peak[d] = max(peak[d], loadAfter[j * dimensions + d]) }
                guard withinCapacity() else { break }
                guard let deliveryStart = data.earliestStart(delivery, arrivingAt: arrival(location[j], deliveryAt, leaving: clock, data)),
                    arrival(deliveryAt, location[j + 1], leaving: deliveryStart + data.jobService[delivery], data) <= latest[j + 1],
                    uniform(0, 1, &random) >= blinkRate
                else { continue }
                let delta = pickupDelta + cost(location[j], deliveryAt, data) + cost(deliveryAt, location[j + 1], data)
                    - cost(location[j], location[j + 1], data)
                visit(ShipmentPlacement(delta: delta, pickupAfter: i, deliveryAfter: j))
            }
        }
    }

    /// The distance increase of a shipment placement.
    func distanceDelta(of placement: ShipmentPlacement, pickup: Int, delivery: Int, data: SolverData) -> Int64 {
        let (p, q) = (data.jobLocation[pickup], data.jobLocation[delivery])
        let (i, j) = (placement.pickupAfter, placement.deliveryAfter)
        if i == j {
            return distance(location[i], p, data) + distance(p, q, data) + distance(q, location[i + 1], data)
                - distance(location[i], location[i + 1], data)
        }
        return distance(location[i], p, data) + distance(p, location[i + 1], data) - distance(location[i], location[i + 1], data)
            + distance(location[j], q, data) + distance(q, location[j + 1], data) - distance(location[j], location[j + 1], data)
    }
}

extension SearchState {
    /// The cheapest feasible place for the unpaired `job` in this route whose cost (delta plus `fixed`) is
    /// below `bound`: `(cost, after)`. Each position is skipped with probability `blinkRate`. Time windows and
    /// capacity are O(1) per position (two table lookups with time-dependent travel, see ``RouteState``);
    /// distance, duration and break limits are confirmed for improving positions only. A method of the whole state, reading `routes[r]` in place: as a method of the route
    /// it would be called on a copy (ten arrays retained and released per call).
    func cheapestInsertion(
        of job: Int, intoRoute r: Int, fixed: Int64, below bound: Int64?, data: SolverData, blinkRate: Double, random: inout SplitMix64
    ) -> (cost: Int64, after: Int)? {
        // Without pickups the load only falls, so the start load decides for every position.
        let loadVaries = data.hasPickups
        guard loadVaries || routes[r].fits(job, after: 0, data: data) else { return nil }
        let limited = routes[r].hasLimits(data)
        var best: (cost: Int64, after: Int)? = nil
        var bound = bound ?? Int64.max
        // With limits, the positions under the bound are confirmed cheapest first (ties: the earliest), so
        // that one exact schedule usually decides, not one per position that improves on the ones before it.
        var candidates: [(cost: Int64, after: Int)] = []
        // Positions where no travel time lets the job in: `earliest[i] + service[i]` and `latest[i]` never fall
        // along a route, so they form a range, found without reading the matrices (on short routes with tight
        // windows most positions are outside it). Each position outside still draws its blink, by skipping
        // the stream, so that the places chosen are those of a scan over every position.
        let count = routes[r].jobs.count
        let (first, last) = timeFeasiblePositions(of: job, inRoute: r, data: data)
        random.skip(first)
        let scanned = max(0, last - first + 1)
        for i in first..<first + scanned {
            if uniform(0, 1, &random) < blinkRate { continue }
            guard !loadVaries || routes[r].fits(job, after: i, data: data),
                let delta = routes[r].insertionDelta(of: job, after: i, data: data), delta + fixed < bound
            else { continue }
            if limited {
                candidates.append((delta + fixed, i))
                continue
            }
            best = (delta + fixed, i)
            bound = delta + fixed
        }
        random.skip(count + 1 - first - scanned)
        guard limited else { return best }
        candidates.sort { ($0.cost, $0.after) < ($1.cost, $1.after) }
        return candidates.first { candidate in
            routes[r].keepsLimits(routes[r].inserting(job, after: candidate.after),
                                  distanceDelta: routes[r].distanceDelta(of: job, after: candidate.after, data: data), data: data)
        }
    }

    /// The positions `first...last` after which `job` may go by time alone, whatever the travel times (they
    /// are never negative): it cannot start before its first window opens, so it is only done in time for
    /// stop `i + 1` when `latest[i + 1]` ≥ that opening + its service; and it cannot be reached before the
    /// vehicle leaves stop `i`, so not when `earliest[i] + service[i]` is past its last window's end. Both
    /// bounds only grow along the route. `last < first` when there is none. O(log route length).
    @inline(__always)
    func timeFeasiblePositions(of job: Int, inRoute r: Int, data: SolverData) -> (first: Int, last: Int) {
        let count = routes[r].jobs.count
        let hull = data.windowHull(job)
        let (done, closes) = (hull.earliest + data.jobService[job], hull.latest)
        // First i in 0...count + 1 with latest[i + 1] >= done (count + 1: none).
        var (low, high) = (0, count + 1)
        while low < high {
            let middle = (low + high) / 2
            if routes[r].latest[middle + 1] >= done { high = middle } else { low = middle + 1 }
        }
        let first = low
        // First i in first...count + 1 with earliest[i] + service[i] > closes; the last feasible is the one before.
        high = count + 1
        while low < high {
            let middle = (low + high) / 2
            if routes[r].earliest[middle] + routes[r].service[middle] > closes { high = middle } else { low = middle + 1 }
        }
        return (first, low - 1)
    }
}
