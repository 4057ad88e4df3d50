/// A cheap lower bound of a move's objective change, read from arc costs alone (Vidal et al. 2013's
/// filter: "if the distance does not improve, the time windows need not be looked at").
///
/// Where a route costs exactly its fixed cost plus the costs of its arcs (no paid time, no job charges:
/// ``LocalSearch/costsFollowArcs``), a move's change in cost is the added arcs minus the removed ones, and time
/// warp can only add to it. So when that change is not negative the move cannot improve, and the summaries'
/// concatenations (time windows, distances, loads) are skipped. The bound reads the cached prefix costs of
/// ``RouteSegments`` for the pieces and one matrix entry per joint: O(pieces).
///
/// Not for routes that pay for time: their paid duration includes waiting, which a move may remove, so a
/// bound from busy time alone (driving and service) turned too few moves away to pay for itself (the 400-order
/// demo day, 14 plans at 1,500 iterations, one core: 303 s without it, 359 s with it, the same plans).
///
/// A changed route priced for time warp or excess load now (penalised search) may gain that price back, so
/// its price (``LocalSearchRun/routePenalty``) is taken off the bound: a move that adds more arc cost than the
/// violations it could remove cannot improve (penalised chain, Solomon R104 and R112 as VROOM JSON at 1 s:
/// 1.10× the iterations; the same routes at a fixed count).
///
/// No bound (`nil`) when a piece comes from a vehicle with other costs, or when a reversed run of three jobs or
/// more would have to be summed job by job on an asymmetric cost matrix.
extension LocalSearchRun {
    /// The change of `move` in compared units (×``costScale``) counting arc and fixed costs only, less the
    /// prices of the changed routes' violations; never above the exact change of ``delta(of:_:)`` (with the
    /// load prices of a penalised search).
    @inline(__always)
    func arcCostChange(of move: Move, _ state: SearchState) -> Int64? {
        guard search.costsFollowArcs else { return nil }
        let (r0, r1) = move.routes
        guard let first = arcCost(of: move.plans.0, for: r0, state) else { return nil }
        var change = first - segments[r0].cost
        var recoverable = routePenalty[r0]
        if move.twoRoutes {
            guard let second = arcCost(of: move.plans.1, for: r1, state) else { return nil }
            change += second - segments[r1].cost
            recoverable += routePenalty[r1]
        }
        return change * costScale - recoverable
    }

    /// What `plan` costs as the route of vehicle `r` counting its fixed cost and arcs (0 when empty).
    @inline(__always)
    func arcCost(of plan: RoutePlan, for r: Int, _ state: SearchState) -> Int64? {
        guard plan.count > 0 else { return 0 }
        let data = search.data
        let base = segments[r].evaluator.costBase
        var total: Int64 = 0
        var at = data.vehicleStart[r]
        for k in 0..<plan.count {
            let piece = plan.pieces[k]
            let q = piece.route
            guard segments[q].evaluator.costBase == base else { return nil }
            let jobs = state.routes[q].jobs
            let (head, tail) = piece.reversed ? (piece.last, piece.first) : (piece.first, piece.last)
            let headLocation = data.jobLocation[Int(jobs[head - 1])], tailLocation = data.jobLocation[Int(jobs[tail - 1])]
            total += data.entry(base, at, headLocation)
            if piece.reversed, piece.length > 1, !search.symmetricCostBases.contains(base) {
                guard piece.length == 2 else { return nil }
                total += data.entry(base, headLocation, tailLocation)
            } else {
                total += segments[q].prefix[piece.last].cost - segments[q].prefix[piece.first].cost
            }
            at = tailLocation
        }
        return total + data.entry(base, at, data.vehicleEnd[r]) + data.vehicleFixedCost[r]
    }
}

extension LocalSearchRun {
    /// What putting `job` between positions `after` and `after + 1` of route `r` (whose jobs are `jobs`) adds in
    /// compared units, counting its arcs only: the two new arcs minus the one they replace, ×``costScale``, less
    /// the price of the route's violations now (which the job could at best remove). Never above
    /// ``insertionCost(of:into:after:)`` where routes cost their arcs (``LocalSearch/costsFollowArcs``): into
    /// an empty route the fixed cost and the depots' arcs are added in full. O(1).
    @inline(__always)
    func arcInsertionChange(of job: Int, into r: Int, after: Int, _ jobs: [Int32]) -> Int64 {
        let data = search.data
        let base = segments[r].evaluator.costBase
        let previous = after == 0 ? data.vehicleStart[r] : data.jobLocation[Int(jobs[after - 1])]
        let next = after == jobs.count ? data.vehicleEnd[r] : data.jobLocation[Int(jobs[after])]
        let location = data.jobLocation[job]
        let change = data.entry(base, previous, location) + data.entry(base, location, next) - data.entry(base, previous, next)
        return change * costScale - routePenalty[r]
    }
}
