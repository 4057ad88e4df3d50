import LastMileCore

extension LocalSearchRun {
    /// Inserts each of `jobs`, in order, where it adds the least in compared units: cost ×``costScale`` plus
    /// the prices of the time warp and excess load it adds (``penalties``; a penalised run). Each place is
    /// two concatenations of the route's summaries, O(1). A job tries the routes of its nearest jobs and, while
    /// fewer than `routeLimit` vehicles drive, one empty vehicle per group (granular as
    /// ``RuinAndRecreate/recreate(_:openRoutes:blinks:using:)``), skipping
    /// each place with the blink rate. A mandatory job goes in at any price (PyVRP inserts required
    /// clients), an optional one stays out when every place adds more than its `unassignedCost`; both stay
    /// out when no place keeps their skills and the distance limit (still hard).
    ///
    /// Where routes cost their arcs (``LocalSearch/costsFollowArcs``), a place is first turned away on its arcs
    /// alone when they add at least the best place's price (``arcInsertionChange(of:into:after:_:)``): the
    /// places chosen are those of a scan that prices every place (`boundedByArcs` false, for tests).
    ///
    /// Without pickups or shipments only (their halves would need paired places).
    mutating func insertPriced(
        _ jobs: [Int], into state: inout SearchState, recreation: RuinAndRecreate, routeLimit: Int? = nil, boundedByArcs: Bool = true,
        using random: inout SplitMix64
    ) {
        let data = search.data
        let blinkRate = recreation.configuration.blinkRate
        var usedRoutes = state.routesInUse
        let granular = recreation.configuration.insertionNeighbours > 0 && usedRoutes > recreation.configuration.granularRouteThreshold
        var routes: [Int] = []
        for job in jobs {
            let openRoutes = routeLimit.map { usedRoutes < $0 } ?? true
            candidateRoutes(for: job, in: state, granular: granular, openRoutes: openRoutes, recreation: recreation, into: &routes)
            var best: (delta: Int64, route: Int, after: Int)? = nil
            for r in routes where data.canServe(job, by: r) {
                let bounded = boundedByArcs && search.costsFollowArcs
                for after in 0...segments[r].count {
                    if blinkRate > 0, uniform(0, 1, &random) < blinkRate { continue }
                    if bounded, let best, arcInsertionChange(of: job, into: r, after: after, state.routes[r].jobs) >= best.delta { continue }
                    guard let added = insertionCost(of: job, into: r, after: after), best == nil || added < best!.delta else { continue }
                    best = (added, r, after)
                }
            }
            let (leftOut, overflows) = data.unassignedPenalty[job].multipliedReportingOverflow(by: costScale)
            guard let best, !data.isOptional[job] || overflows || best.delta < leftOut else {
                state.unassigned.append(job)
                continue
            }
            if state.routes[best.route].isEmpty { usedRoutes += 1 }
            replaceRoutes([(best.route, state.routes[best.route].inserting(job, after: best.after))], &state)
        }
    }

    /// The routes `job` tries, ascending: with `granular`, those serving one of its nearest jobs (all used
    /// routes when none does); else every used route. Plus, with `openRoutes`, the first empty vehicle of each
    /// group of identical ones.
    private func candidateRoutes(
        for job: Int, in state: SearchState, granular: Bool, openRoutes: Bool, recreation: RuinAndRecreate, into routes: inout [Int]
    ) {
        routes.removeAll(keepingCapacity: true)
        if granular {
            for neighbour in recreation.neighbours[job].prefix(recreation.configuration.insertionNeighbours) {
                let r = Int(state.routeOf[Int(neighbour)])
                if r >= 0 { routes.append(r) }
            }
        }
        if routes.isEmpty {
            routes = state.routes.indices.filter { !state.routes[$0].isEmpty }
        }
        var triedGroup = Set<Int>()
        for r in state.routes.indices where openRoutes && state.routes[r].isEmpty && triedGroup.insert(recreation.vehicleGroup[r]).inserted {
            routes.append(r)
        }
        routes.sort()
        var unique = 0
        for k in routes.indices where k == 0 || routes[k] != routes[k - 1] {
            routes[unique] = routes[k]
            unique += 1
        }
        routes.removeLast(routes.count - unique)
    }

    /// What inserting `job` between positions `after` and `after + 1` of route `r` adds in compared units, or
    /// `nil` when the route would drive too far.
    @inline(__always)
    func insertionCost(of job: Int, into r: Int, after: Int) -> Int64? {
        let data = search.data
        let route = segments[r]
        let evaluator = route.evaluator
        var whole = evaluator.concatenate(route.prefix[after], evaluator.job(job, data), data: data)
        if after < route.count { whole = evaluator.concatenate(whole, route.suffix[after + 1], data: data) }
        whole = evaluator.concatenate(whole, evaluator.endDepot(data), data: data)
        guard whole.distance <= data.vehicleMaxDistance[r] else { return nil }
        let dimensions = data.dimensions
        return comparedCost(of: r, rebuiltAs: whole) {
            route.loadPrefix[after * dimensions + $0].then(LoadSegment(job: job, dimension: $0, data: data)).then(route.loadSuffix[(after + 1) * dimensions + $0])
        } - comparedCost(of: r)
    }
}

extension LocalSearchRun {
    /// The routes' objective share and violations, plus the penalties of the jobs left out in `state`.
    func pricedCost(_ state: SearchState) -> PricedCost {
        let data = search.data
        let dimensions = data.dimensions
        var priced = PricedCost(cost: state.unassignedPenalty(data), timeWarp: 0, excessLoad: [Int64](repeating: 0, count: dimensions))
        for r in segments.indices where segments[r].count > 0 {
            priced.cost += segments[r].cost
            priced.timeWarp += segments[r].timeWarp
            for d in 0..<dimensions {
                priced.excessLoad[d] += max(0, segments[r].peak(d, dimensions: dimensions) - data.vehicleCapacity[r * dimensions + d])
            }
        }
        return priced
    }
}
