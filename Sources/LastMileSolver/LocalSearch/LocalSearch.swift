import LastMileCore

/// A granular local search with first improvement (after Vidal et al. 2013 and PyVRP): for each served job
/// `u`, in random order, and each of its nearest jobs `v` (``Neighbourhood``), try the moves that bring `u`
/// next to `v` — ``LocalSearchRun/exchange(_:_:_:reversed:with:_:_:)`` (relocate one or two jobs, also
/// reversed; swap 1-1, 2-1, 2-2), ``LocalSearchRun/twoOpt(_:_:_:)`` within a route and
/// ``LocalSearchRun/twoOptStar(_:_:_:_:)`` between routes — and apply the first that lowers the objective,
/// until no move does.
///
/// Only feasible solutions are visited (infinite penalties): a move is evaluated in O(1) from
/// ``RouteSegments`` (cost, distance, time warp and loads are exact there for jobs with one window and
/// vehicles without breaks), and an improving move is confirmed exactly where the summaries are only a
/// bound: jobs with several windows (their hull is summarised) by a forward schedule, breaks and route
/// duration limits (duration with waiting depends on the start) by ``RouteState/keepsLimits(_:distanceDelta:data:)``,
/// skills and allowed depots of jobs that change vehicle by ``SolverData/canServe(_:by:)``.
///
/// Shipments stay exact by not moving their halves: exchanges skip blocks holding a half, 2-opt skips
/// reversals over a half, 2-opt* only cuts routes where no shipment is on board.
///
/// A pair (`u`, `v`) is skipped when neither route changed since `u` was last tried (per-route stamps), so a
/// solution that was a local optimum before a ruin-and-recreate is re-examined only around what changed.
struct LocalSearch: Sendable {
    let data: SolverData
    let neighbourhood: Neighbourhood
    /// Whether some job has several windows (then time windows are confirmed exactly).
    let confirmsWindows: Bool
    /// Whether every vehicle may serve every job.
    let allCompatible: Bool

    init(data: SolverData, neighbours: Int) {
        self.data = data
        neighbourhood = Neighbourhood(data: data, count: neighbours)
        confirmsWindows = (0..<data.jobCount).contains { data.windowFirst[$0 + 1] - data.windowFirst[$0] > 1 }
        allCompatible = !data.compatible.contains(false)
    }

    /// Improves `state` to a local optimum. With `reference`, a local optimum the state was derived from,
    /// only pairs touching a route that differs from it are examined at first.
    func improve(_ state: inout SearchState, changedSince reference: SearchState? = nil, using random: inout SplitMix64) {
        var run = LocalSearchRun(search: self, state: state)
        if let reference {
            for r in state.routes.indices where state.routes[r].jobs != reference.routes[r].jobs { run.lastModified[r] = 1 }
        } else {
            for r in state.routes.indices { run.lastModified[r] = 1 }
        }
        var order = (0..<data.jobCount).filter { state.routeOf[$0] >= 0 }
        order.shuffle(using: &random)
        var improved = true
        while improved {
            improved = false
            for u in order {
                let tested = run.lastTested[u]
                run.lastTested[u] = run.updates
                for v in neighbourhood.nearest[u] {
                    let (ru, rv) = (Int(state.routeOf[u]), Int(state.routeOf[Int(v)]))
                    guard ru >= 0, rv >= 0, run.lastModified[ru] > tested || run.lastModified[rv] > tested else { continue }
                    if run.improve(u, Int(v), &state) { improved = true }
                }
            }
        }
    }
}

/// The working data of one ``LocalSearch/improve(_:changedSince:using:)``: route summaries, positions and
/// the stamps that skip unchanged pairs.
struct LocalSearchRun {
    let search: LocalSearch
    var segments: [RouteSegments]
    /// `positionOf[job]`: 1-based position in its route (valid for served jobs).
    var positionOf: [Int]
    /// Update count when each route last changed, and when each job was last tried.
    var lastModified: [Int]
    var lastTested: [Int]
    var updates = 1

    init(search: LocalSearch, state: SearchState) {
        self.search = search
        let data = search.data
        segments = state.routes.map { route in
            var segments = RouteSegments(vehicle: route.vehicle, data: data)
            segments.refresh(route.jobs, data: data)
            return segments
        }
        positionOf = [Int](repeating: 0, count: data.jobCount)
        for route in state.routes {
            for (k, job) in route.jobs.enumerated() { positionOf[Int(job)] = k + 1 }
        }
        lastModified = [Int](repeating: 0, count: state.routes.count)
        lastTested = [Int](repeating: 0, count: data.jobCount)
    }

    /// Tries the moves that put `u` next to `v`; applies the first improving one.
    mutating func improve(_ u: Int, _ v: Int, _ state: inout SearchState) -> Bool {
        let (ru, rv) = (Int(state.routeOf[u]), Int(state.routeOf[v]))
        let (pu, pv) = (positionOf[u], positionOf[v])
        let (nu, nv) = (segments[ru].count, segments[rv].count)
        func attempt(_ move: Move?) -> Bool {
            guard let move, isImproving(move, state) else { return false }
            apply(move, &state)
            return true
        }
        // Relocate u (then u and its successor, also reversed) after v, or before v when v comes first.
        if attempt(exchange(ru, pu, pu, reversed: false, with: rv, pv + 1, pv)) { return true }
        if pv == 1, attempt(exchange(ru, pu, pu, reversed: false, with: rv, 1, 0)) { return true }
        if pu < nu {
            if attempt(exchange(ru, pu, pu + 1, reversed: false, with: rv, pv + 1, pv)) { return true }
            if attempt(exchange(ru, pu, pu + 1, reversed: true, with: rv, pv + 1, pv)) { return true }
        }
        // Swap 1-1, 2-1, 2-2.
        if attempt(exchange(ru, pu, pu, reversed: false, with: rv, pv, pv)) { return true }
        if pu < nu, attempt(exchange(ru, pu, pu + 1, reversed: false, with: rv, pv, pv)) { return true }
        if pu < nu, pv < nv, attempt(exchange(ru, pu, pu + 1, reversed: false, with: rv, pv, pv + 1)) { return true }
        if ru == rv { return attempt(twoOpt(ru, min(pu, pv), max(pu, pv))) }
        return attempt(twoOptStar(ru, pu, rv, pv))
    }

    /// Whether `move` lowers the objective and keeps every route feasible: cost and time warp from the
    /// summaries first, then loads and the exact confirmations.
    func isImproving(_ move: Move, _ state: SearchState) -> Bool {
        guard let delta = delta(of: move, state), delta.cost < 0 else { return false }
        return isFeasible(move, distances: delta.distances, state)
    }

    /// The objective change of `move` in O(1) (for pieces of at most two moved jobs), with each changed
    /// route's distance; `nil` when a changed route is late somewhere or drives too far.
    func delta(of move: Move, _ state: SearchState) -> (cost: Int64, distances: (Int64, Int64))? {
        let (r0, r1) = move.routes
        guard let first = summary(of: move.plans.0, for: r0, state) else { return nil }
        var cost = first.cost - segments[r0].cost
        var distances = (first.segment?.distance ?? 0, Int64(0))
        if move.twoRoutes {
            guard let second = summary(of: move.plans.1, for: r1, state) else { return nil }
            cost += second.cost - segments[r1].cost
            distances.1 = second.segment?.distance ?? 0
        }
        return (cost, distances)
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
        guard total.timeWarp == 0, total.distance <= data.vehicleMaxDistance[r] else { return nil }
        return (total.cost + data.vehicleFixedCost[r], total)
    }

    /// The summary of a non-empty piece for the vehicle of `evaluator`: a cached suffix when it is one and the
    /// vehicles drive alike, else concatenated job by job (O(length); pieces moved between routes have at
    /// most two jobs, except 2-opt* tails between unlike vehicles and 2-opt reversals).
    func segment(of piece: RoutePiece, for evaluator: LegEvaluator, _ state: SearchState) -> RouteSegment {
        let data = search.data
        let source = segments[piece.route]
        if !piece.reversed, piece.last == source.count, evaluator.drivesLike(source.evaluator) {
            return source.suffix[piece.first]
        }
        let jobs = state.routes[piece.route].jobs
        let step = piece.reversed ? -1 : 1
        var position = piece.reversed ? piece.last : piece.first
        var total = RouteSegment(job: Int(jobs[position - 1]), data: data)
        for _ in 1..<piece.length {
            position += step
            total = evaluator.concatenate(total, RouteSegment(job: Int(jobs[position - 1]), data: data), data: data)
        }
        return total
    }

    /// Whether the load of `plan` stays within the capacity of vehicle `r` in every dimension.
    func keepsLoads(_ plan: RoutePlan, in r: Int, _ state: SearchState) -> Bool {
        let data = search.data
        let dimensions = data.dimensions
        for d in 0..<dimensions {
            var total = LoadSegment()
            for k in 0..<plan.count {
                let piece = plan.pieces[k]
                let source = segments[piece.route]
                if !piece.reversed, piece.first == 1 {
                    total = total.then(source.loadPrefix[piece.last * dimensions + d])
                } else if !piece.reversed, piece.last == source.count {
                    total = total.then(source.loadSuffix[piece.first * dimensions + d])
                } else {
                    let jobs = state.routes[piece.route].jobs
                    for offset in 0..<piece.length {
                        let position = piece.reversed ? piece.last - offset : piece.first + offset
                        total = total.then(LoadSegment(job: Int(jobs[position - 1]), dimension: d, data: data))
                    }
                }
            }
            if total.peak > data.vehicleCapacity[r * dimensions + d] { return false }
        }
        return true
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
    /// at its shift start. O(length × windows).
    func keepsWindows(_ jobs: [Int32], vehicle r: Int) -> Bool {
        let data = search.data
        let evaluator = segments[r].evaluator
        var clock = data.vehicleEarliest[r] + data.vehicleLoadingTime[r]
        var previous = data.vehicleStart[r]
        for job in jobs.lazy.map(Int.init) {
            let here = data.jobLocation[job]
            guard let start = data.earliestStart(job, arrivingAt: clock + evaluator.travelTime(previous, here, data: data)) else { return false }
            clock = start + data.jobService[job]
            previous = here
        }
        return clock + evaluator.travelTime(previous, data.vehicleEnd[r], data: data) <= data.vehicleLatest[r]
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

    /// Makes the move: rebuilds the changed routes, their summaries, positions, `routeOf` and stamps.
    mutating func apply(_ move: Move, _ state: inout SearchState) {
        let data = search.data
        let first = jobs(of: move.plans.0, state)
        let second = move.twoRoutes ? jobs(of: move.plans.1, state) : []
        updates += 1
        for (r, jobs) in move.twoRoutes ? [(move.routes.0, first), (move.routes.1, second)] : [(move.routes.0, first)] {
            state.routes[r].replaceJobs(jobs, data: data)
            segments[r].refresh(jobs, data: data)
            for (k, job) in jobs.enumerated() {
                state.routeOf[Int(job)] = Int32(r)
                positionOf[Int(job)] = k + 1
            }
            lastModified[r] = updates
        }
    }
}
