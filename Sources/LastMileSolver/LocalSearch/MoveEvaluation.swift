/// How a move is judged: its arc-cost bound, its summaries, the loads and the exact confirmations.
extension LocalSearchRun {
    /// Whether `move` lowers the objective and keeps every route feasible: arc costs first (a bound, see
    /// ``arcCostChange(of:_:)``), then cost and time warp from the summaries, then loads and the exact confirmations.
    ///
    /// `move` is read in place and never written: passed by value, the 193-byte move was copied before every
    /// move tried, and read right after the copy (11 % of the search's time on Solomon RC203, where the arc bound
    /// turns most moves away).
    @inline(__always)
    func isImproving(_ move: inout Move, _ state: SearchState) -> Bool {
        if let bound = arcCostChange(of: move, state), bound >= 0 { return false }
        return improvesOnSummaries(move, state)
    }

    /// ``isImproving(_:_:)`` for a move the arc bound lets through.
    func improvesOnSummaries(_ move: Move, _ state: SearchState) -> Bool {
        guard let delta = delta(of: move, state), delta.cost < 0 else { return false }
        guard let penalties else {
            return isFeasible(move, distances: delta.distances, state) && (!search.data.isTimeDependent || rebuiltCostImproves(move, state))
        }
        // Penalised: the excess load of the changed routes is priced rather than refused; the exact checks
        // left are skills and distance limits (``LocalSearch/penalises``).
        let (r0, r1) = move.routes
        var total = delta.cost + loadPenalty(move.plans.0, in: r0, penalties, state)
        if move.twoRoutes { total += loadPenalty(move.plans.1, in: r1, penalties, state) }
        guard total < 0 else { return false }
        return confirms(move.plans.0, in: r0, distance: delta.distances.0, state)
            && (!move.twoRoutes || confirms(move.plans.1, in: r1, distance: delta.distances.1, state))
    }

    /// The objective change of `move` in O(1) (for pieces of at most two moved jobs), with each changed
    /// route's distance; `nil` when a changed route is late somewhere or drives too far. Penalised, the
    /// change is in compared units (costs ×``costScale`` plus time-warp prices, before and after) and
    /// without the new routes' load prices (added by ``improvesOnSummaries(_:_:)`` when the rest improves).
    func delta(of move: Move, _ state: SearchState) -> (cost: Int64, distances: (Int64, Int64))? {
        let (r0, r1) = move.routes
        guard let first = summary(of: move.plans.0, for: r0, state) else { return nil }
        var cost = first.cost - comparedCost(of: r0)
        var distances = (first.segment?.distance ?? 0, Int64(0))
        if move.twoRoutes {
            guard let second = summary(of: move.plans.1, for: r1, state) else { return nil }
            cost += second.cost - comparedCost(of: r1)
            distances.1 = second.segment?.distance ?? 0
        }
        return (cost, distances)
    }

    /// Whether the routes of `move`, rebuilt job by job as ``apply(_:_:)`` stores them, cost less than the
    /// current ones. With time-dependent legs the summaries' durations are estimates (a joining leg is timed
    /// at the first segment's earliest departure), and so is any cost that pays for time: without this check
    /// a move and its reverse could each look improving, and the descent would never end. O(route length).
    func rebuiltCostImproves(_ move: Move, _ state: SearchState) -> Bool {
        let data = search.data
        func rebuiltCost(_ plan: RoutePlan, in r: Int) -> Int64 {
            var rebuilt = RouteSegments(vehicle: r, data: data)
            rebuilt.refresh(jobs(of: plan, state), data: data)
            return rebuilt.cost
        }
        let (r0, r1) = move.routes
        var change = rebuiltCost(move.plans.0, in: r0) - segments[r0].cost
        if move.twoRoutes { change += rebuiltCost(move.plans.1, in: r1) - segments[r1].cost }
        return change < 0
    }

    /// Whether the routes of `move` keep their loads, and pass the exact checks the summaries cannot make.
    func isFeasible(_ move: Move, distances: (Int64, Int64), _ state: SearchState) -> Bool {
        let (r0, r1) = move.routes
        guard keepsLoads(move.plans.0, in: r0, state), !move.twoRoutes || keepsLoads(move.plans.1, in: r1, state) else { return false }
        return confirms(move.plans.0, in: r0, distance: distances.0, state)
            && (!move.twoRoutes || confirms(move.plans.1, in: r1, distance: distances.1, state))
    }

    /// The objective share of `plan` as the route of vehicle `r` (0 when empty) and its summary with both
    /// depots, or `nil` when it is late somewhere or drives too far.
    func summary(of plan: RoutePlan, for r: Int, _ state: SearchState) -> (cost: Int64, segment: RouteSegment?)? {
        guard plan.jobCount > 0 else { return (0, nil) }
        let data = search.data
        let evaluator = segments[r].evaluator
        var total: RouteSegment
        var next = 0
        let head = plan.pieces[0]
        if head.route == r, head.first == 1, !head.reversed {
            total = segments[r].prefix[head.last]
            next = 1
        } else {
            total = evaluator.startDepot(data)
        }
        while next < plan.count {
            total = evaluator.concatenate(total, segment(of: plan.pieces[next], for: evaluator, state), data: data)
            next += 1
        }
        total = evaluator.concatenate(total, evaluator.endDepot(data), data: data)
        guard total.distance <= data.vehicleMaxDistance[r] else { return nil }
        let cost = data.routeCost(r, total)
        guard total.timeWarp > 0 else { return (cost * costScale, total) }
        guard let penalties else { return nil }
        return (cost * costScale + total.timeWarp * penalties.timeWarp, total)
    }

    /// The summary of a non-empty piece for the vehicle of `evaluator`: a cached suffix when it is one and the
    /// vehicles drive alike, else concatenated job by job (O(length); pieces moved between routes have at
    /// most two jobs, except 2-opt* tails between unlike vehicles and 2-opt reversals).
    func segment(of piece: RoutePiece, for evaluator: LegEvaluator, _ state: SearchState) -> RouteSegment {
        let data = search.data
        if !piece.reversed, piece.last == segments[piece.route].count, evaluator.drivesLike(segments[piece.route].evaluator) {
            return segments[piece.route].suffix[piece.first]
        }
        let jobs = state.routes[piece.route].jobs
        let step = piece.reversed ? -1 : 1
        var position = piece.reversed ? piece.last : piece.first
        var total = evaluator.job(Int(jobs[position - 1]), data)
        for _ in 1..<piece.length {
            position += step
            total = evaluator.concatenate(total, evaluator.job(Int(jobs[position - 1]), data), data: data)
        }
        return total
    }

    /// Whether the load of `plan` stays within the capacity of vehicle `r` in every dimension.
    func keepsLoads(_ plan: RoutePlan, in r: Int, _ state: SearchState) -> Bool {
        let dimensions = search.data.dimensions
        return (0..<dimensions).allSatisfy { peak(plan, dimension: $0, state) <= search.data.vehicleCapacity[r * dimensions + $0] }
    }

    /// The price of the load of `plan` above the capacity of vehicle `r`.
    func loadPenalty(_ plan: RoutePlan, in r: Int, _ penalties: Penalties, _ state: SearchState) -> Int64 {
        let dimensions = search.data.dimensions
        var total: Int64 = 0
        for d in 0..<dimensions {
            total += max(0, peak(plan, dimension: d, state) - search.data.vehicleCapacity[r * dimensions + d]) * penalties.load[d]
        }
        return total
    }

    /// The largest load on board along `plan` in dimension `d`.
    func peak(_ plan: RoutePlan, dimension d: Int, _ state: SearchState) -> Int64 {
        let data = search.data
        let dimensions = data.dimensions
        var total = LoadSegment()
        for k in 0..<plan.count {
            let piece = plan.pieces[k]
            if !piece.reversed, piece.first == 1 {
                total = total.then(segments[piece.route].loadPrefix[piece.last * dimensions + d])
            } else if !piece.reversed, piece.last == segments[piece.route].count {
                total = total.then(segments[piece.route].loadSuffix[piece.first * dimensions + d])
            } else {
                let jobs = state.routes[piece.route].jobs
                for offset in 0..<piece.length {
                    let position = piece.reversed ? piece.last - offset : piece.first + offset
                    total = total.then(LoadSegment(job: Int(jobs[position - 1]), dimension: d, data: data))
                }
            }
        }
        return total.peak
    }

    /// The exact checks behind the summaries: vehicle compatibility of jobs from other routes, several
    /// windows, breaks and duration limits. `distance` is the plan's distance from its summary.
    func confirms(_ plan: RoutePlan, in r: Int, distance: Int64, _ state: SearchState) -> Bool {
        let data = search.data
        let route = state.routes[r]
        guard plan.jobCount > 0 else { return true }
        let needsSchedule = search.confirmsWindows || route.hasLimits(data)
        let needsCompatibility = !search.allCompatible && (0..<plan.count).contains { plan.pieces[$0].route != r }
        guard needsSchedule || needsCompatibility else { return true }
        let jobs = jobs(of: plan, state)
        if needsCompatibility, !jobs.allSatisfy({ data.canServe(Int($0), by: r) }) { return false }
        if search.confirmsWindows, !keepsWindows(jobs, vehicle: r) { return false }
        return !route.hasLimits(data) || route.keepsLimits(jobs, distanceDelta: distance - route.distance, data: data)
    }

    /// Whether vehicle `r` serves `jobs` within their windows (several per job) and is back in time, starting
    /// at its shift start, each leg driven at its departure. O(length × windows).
    func keepsWindows(_ jobs: [Int32], vehicle r: Int) -> Bool {
        let data = search.data
        let evaluator = segments[r].evaluator
        var clock = data.vehicleEarliest[r] + data.vehicleLoadingTime[r]
        var previous = data.vehicleStart[r]
        for job in jobs.lazy.map(Int.init) {
            let here = data.jobLocation[job]
            guard let start = data.earliestStart(job, arrivingAt: evaluator.arrival(previous, here, leaving: clock, data: data)) else { return false }
            clock = start + data.jobService[job]
            previous = here
        }
        return evaluator.arrival(previous, data.vehicleEnd[r], leaving: clock, data: data) <= data.vehicleLatest[r]
    }

    /// The jobs `plan` lists, from the current routes.
    func jobs(of plan: RoutePlan, _ state: SearchState) -> [Int32] {
        var jobs: [Int32] = []
        jobs.reserveCapacity(plan.jobCount)
        for k in 0..<plan.count {
            let piece = plan.pieces[k]
            let source = state.routes[piece.route].jobs
            if piece.reversed {
                for position in stride(from: piece.last, through: piece.first, by: -1) { jobs.append(source[position - 1]) }
            } else {
                jobs.append(contentsOf: source[(piece.first - 1)..<piece.last])
            }
        }
        return jobs
    }
}
