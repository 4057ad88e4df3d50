import Foundation

/// The working data of one ``LocalSearch/improve(_:changedSince:using:)``: route summaries, positions and
/// the stamps that skip unchanged pairs.
struct LocalSearchRun {
    let search: LocalSearch
    var segments: [RouteSegments]
    /// `positionOf[job]`: 1-based position in its route (valid for served jobs).
    var positionOf: [Int]
    /// Update count when each job's predecessor or successor last changed, and when it was last tried.
    var lastChanged: [Int]
    var lastTested: [Int]
    var updates = 1
    /// The prices of time warp and excess load, or `nil` when infeasible routes are refused.
    private(set) var penalties: Penalties?
    /// Costs are compared ×``PenaltyWeights/resolution`` when penalised, else ×1.
    private(set) var costScale: Int64 = 1
    /// `routePenalty[r]`: the price of route `r`'s time warp and excess load (0 without penalties).
    private(set) var routePenalty: [Int64]
    /// Update count when each route last changed, and when SWAP* last tried it against the others.
    var routeChanged: [Int]
    var swapStarTested: [Int]
    /// SWAP*'s working buffers, kept between route pairs so that a pass allocates nothing after the first.
    var swapStarBuffers = SwapStarBuffers()
    /// SWAP*'s insertions, kept by the chain across its descents.
    let swapStarInsertions: SwapStarInsertions
    /// `swapStarKeys[r]`: route `r`'s ``SwapStarInsertions/key(of:prices:)`` (0 = not computed since it changed).
    var swapStarKeys: [UInt64]
    /// When the descent stops even if moves remain (the solver's time limit): a descent over thousands of
    /// jobs from a greedy first solution takes seconds.
    var deadline: Date?
    /// SWAP* runs only once the granular moves have brought the objective (priced at ``penalties`` in a
    /// penalised run, ``comparedObjective(_:)``) below this (`nil`: always). Both annealings set it to their
    /// current solution's cost for the candidates they search: a candidate still above it after the granular
    /// moves is most often rejected, and SWAP*, the costliest part of a search, rarely changes that. Feasible
    /// annealing: on the 19 Solomon types 2 as VROOM JSON at 0.1 s (16 seeds) the mean distance fell by
    /// 0.28 %; at 1 s (text, 6 seeds) it was level. Penalised chain, only where windows bind: Solomon R1 and RC1,
    /// mean distance −0.12 and −0.04 % at 1 s (seeds 1–6, 7–12), −0.06 % at 5 s (seeds 1–4); on CVRP X at
    /// 30 s (seed 1) SWAP* on every candidate gives 0.16 % less.
    var swapStarBelow: Int64?
    /// At most this many vehicles drive once moves start routes in empty ones (``improveIntoEmptyRoute(_:_:)``):
    /// a final fleet's size; `nil`, no limit.
    var routeLimit: Int?
    /// `emptyTwins[g]`: the first empty vehicle of group `g` (``LocalSearch/vehicleGroup``) or -1, as of
    /// update `emptyTwinsUpdate` (``emptyTwin(of:)``).
    var emptyTwins: [Int]
    var emptyTwinsUpdate = 0

    init(search: LocalSearch, state: SearchState, penalties: Penalties? = nil, insertions: SwapStarInsertions = SwapStarInsertions()) {
        self.search = search
        swapStarInsertions = insertions
        let data = search.data
        // Every route summarised, empty ones too (their depots); the stamps and prices are set by `reset`.
        segments = state.routes.map { route in
            var segments = RouteSegments(vehicle: route.vehicle, data: data)
            segments.refresh(route.jobs, data: data)
            return segments
        }
        positionOf = [Int](repeating: 0, count: data.jobCount)
        for route in state.routes {
            for (k, job) in route.jobs.enumerated() { positionOf[Int(job)] = k + 1 }
        }
        (lastTested, lastChanged, routeChanged, swapStarTested, swapStarKeys, routePenalty, emptyTwins) = ([], [], [], [], [], [], [])
        reset(to: state, penalties: penalties, searching: search)
    }

    /// Makes the run what ``init(search:state:penalties:insertions:)`` would build for `state`, in its own
    /// buffers: only the routes whose jobs differ from those it summarises now are summarised again. Each
    /// annealing keeps one run for all its searches: built afresh, the summaries of every vehicle and the
    /// per-job arrays cost the penalised chain 8 % of its time on Gehring–Homberger RC1_2_1 (50 vehicles, 18
    /// in use). `searching` is the caller, which must be the search the run was built for.
    mutating func reset(to state: SearchState, penalties: Penalties?, searching: LocalSearch) {
        precondition(search === searching, "a local search run is reset by another search than its own")
        let data = search.data
        for r in state.routes.indices where segments[r].jobs != state.routes[r].jobs {
            segments[r].refresh(state.routes[r].jobs, data: data)
            for (k, job) in state.routes[r].jobs.enumerated() { positionOf[Int(job)] = k + 1 }
        }
        updates = 1
        lastTested.assignInPlace(repeating: 0, count: data.jobCount)
        lastChanged.assignInPlace(repeating: 0, count: data.jobCount)
        routeChanged.assignInPlace(repeating: 0, count: state.routes.count)
        swapStarTested.assignInPlace(repeating: 0, count: state.routes.count)
        swapStarKeys.assignInPlace(repeating: 0, count: state.routes.count)
        emptyTwins.assignInPlace(repeating: -1, count: state.routes.count)
        emptyTwinsUpdate = 0
        deadline = nil
        swapStarBelow = nil
        routeLimit = nil
        routePenalty.assignInPlace(repeating: 0, count: state.routes.count)
        if let penalties {
            price(penalties)
        } else {
            self.penalties = nil
            costScale = 1
        }
    }

    /// Sets the prices of infeasibility (penalised search) and prices every route.
    private mutating func price(_ penalties: Penalties) {
        self.penalties = penalties
        costScale = PenaltyWeights.resolution
        for r in segments.indices { routePenalty[r] = penalty(of: r) }
    }

    /// Sets new prices of infeasibility and marks the infeasible routes, priced differently now, as worth
    /// another look.
    mutating func reprice(_ penalties: Penalties, _ state: SearchState) {
        price(penalties)
        updates += 1
        for r in swapStarKeys.indices { swapStarKeys[r] = 0 }
        for r in segments.indices where routePenalty[r] > 0 {
            routeChanged[r] = updates
        }
        for job in positionOf.indices where state.routeOf[job] >= 0 && routePenalty[Int(state.routeOf[job])] > 0 {
            lastChanged[job] = updates
        }
    }

    /// The price of route `r`'s time warp and excess load under ``penalties``.
    func penalty(of r: Int) -> Int64 {
        guard let penalties else { return 0 }
        let dimensions = search.data.dimensions
        var total = segments[r].timeWarp * penalties.timeWarp
        for d in 0..<dimensions {
            total += max(0, segments[r].peak(d, dimensions: dimensions) - search.data.vehicleCapacity[r * dimensions + d]) * penalties.load[d]
        }
        return total
    }

    /// Route `r`'s objective share in the compared units: cost ×``costScale`` plus its penalty.
    @inline(__always) func comparedCost(of r: Int) -> Int64 { segments[r].cost * costScale + routePenalty[r] }

    /// Route `r` rebuilt as `whole` (both depots included), with `load(d)` on board in dimension `d`, in the
    /// compared units of ``comparedCost(of:)``; loads are read only under ``penalties``.
    @inline(__always) func comparedCost(of r: Int, rebuiltAs whole: RouteSegment, load: (Int) -> LoadSegment) -> Int64 {
        let data = search.data
        var compared = data.routeCost(r, whole) * costScale
        if let penalties {
            compared += whole.timeWarp * penalties.timeWarp
            let dimensions = data.dimensions
            for d in 0..<dimensions {
                compared += max(0, load(d).peak - data.vehicleCapacity[r * dimensions + d]) * penalties.load[d]
            }
        }
        return compared
    }

    /// Whether every route is without time warp, and within capacity.
    func feasibility() -> (time: Bool, load: Bool) {
        let dimensions = search.data.dimensions
        var (time, load) = (true, true)
        for r in segments.indices where segments[r].count > 0 {
            if segments[r].timeWarp > 0 { time = false }
            for d in 0..<dimensions where segments[r].peak(d, dimensions: dimensions) > search.data.vehicleCapacity[r * dimensions + d] {
                load = false
            }
        }
        return (time, load)
    }

    /// Marks every job and route (no `reference`), or those around what changed since `reference`, as
    /// worth trying.
    mutating func markChanged(_ state: SearchState, since reference: SearchState?) {
        if let reference {
            markChangedJobs(state, since: reference)
            for r in state.routes.indices where state.routes[r].jobs != reference.routes[r].jobs { routeChanged[r] = 1 }
        } else {
            for job in lastChanged.indices { lastChanged[job] = 1 }
            for r in routeChanged.indices { routeChanged[r] = 1 }
        }
    }

    /// First improvement until no examined move improves: the granular moves for each job of `order`
    /// towards its neighbours, then (when on) SWAP* between neighbouring routes, until neither finds one or
    /// the ``deadline`` passes.
    mutating func descend(_ state: inout SearchState, order: [Int]) {
        let nearest = search.neighbourhood.nearest
        var move = Move()
        var improved = true
        while improved {
            improved = false
            for (k, u) in order.enumerated() {
                if let deadline, k % 64 == 0, Date() >= deadline { return }
                let tested = lastTested[u]
                lastTested[u] = updates
                var next = firstChangedPair(u, nearest[u], from: 0, testedAt: tested, state)
                while next < nearest[u].count,
                    let k = firstImprovingNeighbour(of: u, in: nearest[u], from: next, testedAt: tested, state, into: &move)
                {
                    apply(move, &state)
                    improved = true
                    next = firstChangedPair(u, nearest[u], from: k + 1, testedAt: tested, state)
                }
                if state.routeOf[u] >= 0, lastChanged[u] > tested, routeLimit.map({ state.routesInUse < $0 }) ?? true,
                    improveIntoEmptyRoute(u, &state)
                { improved = true }
            }
            if !improved, search.swapStar, swapStarBelow.map({ comparedObjective(state) < $0 }) ?? true, swapStarPass(&state) {
                improved = true
            }
        }
    }

    /// `state`'s objective as the search compares it: priced at ``penalties`` in a penalised run.
    func comparedObjective(_ state: SearchState) -> Int64 {
        guard let penalties else { return state.objective(search.data) }
        return pricedCost(state).priced(by: penalties)
    }

    /// Marks the jobs of `state` whose predecessor or successor (a job or a depot) differs in `reference`.
    mutating func markChangedJobs(_ state: SearchState, since reference: SearchState) {
        let depot: Int32 = -1
        var before = [(Int32, Int32)](repeating: (depot, depot), count: search.data.jobCount)
        for route in reference.routes {
            for (k, job) in route.jobs.enumerated() {
                before[Int(job)] = (k > 0 ? route.jobs[k - 1] : depot, k + 1 < route.jobs.count ? route.jobs[k + 1] : depot)
            }
        }
        for r in state.routes.indices where state.routes[r].jobs != reference.routes[r].jobs {
            let jobs = state.routes[r].jobs
            for (k, job) in jobs.enumerated() {
                let around = (k > 0 ? jobs[k - 1] : depot, k + 1 < jobs.count ? jobs[k + 1] : depot)
                if around != before[Int(job)] || reference.routeOf[Int(job)] != Int32(r) { lastChanged[Int(job)] = 1 }
            }
        }
    }

    /// The index of the first of `neighbours[start...]` next to which a move of `u` improves, its move left in
    /// `move`; `nil` when none does. Only pairs with a job changed since update `tested` are tried, and
    /// only jobs both served. Non-mutating and over all the neighbours at once: called from the mutating
    /// ``descend(_:order:)``, each call copies the run's fields (240 bytes), which once per pair was 8 % of the
    /// penalised chain's time on Solomon R104. Never inlined: inlined, the copy returns before every pair.
    @inline(never)
    private func firstImprovingNeighbour(
        of u: Int, in neighbours: [Int32], from start: Int, testedAt tested: Int, _ state: SearchState, into move: inout Move
    ) -> Int? {
        for k in start..<neighbours.count where isChangedPair(u, Int(neighbours[k]), testedAt: tested, state) {
            if findsImprovingMove(u, Int(neighbours[k]), state, into: &move) { return k }
        }
        return nil
    }

    /// Whether `u` and `v` are both served and one of them changed since update `tested`.
    @inline(__always)
    private func isChangedPair(_ u: Int, _ v: Int, testedAt tested: Int, _ state: SearchState) -> Bool {
        state.routeOf[u] >= 0 && state.routeOf[v] >= 0 && (lastChanged[u] > tested || lastChanged[v] > tested)
    }

    /// The index of the first of `neighbours[start...]` that forms a changed pair with `u`, or
    /// `neighbours.count`: read in ``descend(_:order:)`` itself, so that a job with nothing to try costs no call.
    @inline(__always)
    private func firstChangedPair(_ u: Int, _ neighbours: [Int32], from start: Int, testedAt tested: Int, _ state: SearchState) -> Int {
        var k = start
        while k < neighbours.count, !isChangedPair(u, Int(neighbours[k]), testedAt: tested, state) { k += 1 }
        return k
    }

    /// Whether one of the moves that put `u` next to `v` improves; the first that does is left in `move`.
    private func findsImprovingMove(_ u: Int, _ v: Int, _ state: SearchState, into move: inout Move) -> Bool {
        let (ru, rv) = (Int(state.routeOf[u]), Int(state.routeOf[v]))
        let (pu, pv) = (positionOf[u], positionOf[v])
        let (nu, nv) = (segments[ru].count, segments[rv].count)
        for kind in 0..<9 {
            let defined: Bool
            // Relocate u after v (0), before v when v comes first (1), u and its successor after v (2),
            // reversed (3); swap 1-1 (4), 2-1 (5), 2-2 (6); 2-opt (7, same route) or 2-opt* (8, two routes).
            switch kind {
            case 0: defined = exchange(ru, pu, pu, reversed: false, with: rv, pv + 1, pv, into: &move)
            case 1: defined = pv == 1 && exchange(ru, pu, pu, reversed: false, with: rv, 1, 0, into: &move)
            case 2: defined = pu < nu && exchange(ru, pu, pu + 1, reversed: false, with: rv, pv + 1, pv, into: &move)
            case 3: defined = pu < nu && exchange(ru, pu, pu + 1, reversed: true, with: rv, pv + 1, pv, into: &move)
            case 4: defined = exchange(ru, pu, pu, reversed: false, with: rv, pv, pv, into: &move)
            case 5: defined = pu < nu && exchange(ru, pu, pu + 1, reversed: false, with: rv, pv, pv, into: &move)
            case 6: defined = pu < nu && pv < nv && exchange(ru, pu, pu + 1, reversed: false, with: rv, pv, pv + 1, into: &move)
            case 7: defined = ru == rv && twoOpt(ru, min(pu, pv), max(pu, pv), into: &move)
            default: defined = ru != rv && twoOptStar(ru, pu, rv, pv, into: &move)
            }
            if defined, isImproving(&move, state) { return true }
        }
        return false
    }

    /// Makes the move: rebuilds the changed routes, their summaries, positions, `routeOf`, and stamps the
    /// jobs whose predecessor or successor changed.
    mutating func apply(_ move: Move, _ state: inout SearchState) {
        let changed = move.twoRoutes
            ? [(move.routes.0, jobs(of: move.plans.0, state)), (move.routes.1, jobs(of: move.plans.1, state))]
            : [(move.routes.0, jobs(of: move.plans.0, state))]
        replaceRoutes(changed, &state)
    }

    /// Gives each listed route its new jobs: rebuilds their summaries, positions, `routeOf`, and stamps the
    /// jobs whose predecessor or successor changed (a job new to a route counts as changed).
    mutating func replaceRoutes(_ changed: [(Int, [Int32])], _ state: inout SearchState) {
        let data = search.data
        updates += 1
        for (r, jobs) in changed {
            for (k, job) in jobs.enumerated() {
                let after = (k > 0 ? jobs[k - 1] : -1, k + 1 < jobs.count ? jobs[k + 1] : -1)
                if state.routeOf[Int(job)] != Int32(r) || around(Int(job), state) != after { lastChanged[Int(job)] = updates }
            }
        }
        for (r, jobs) in changed {
            state.routes[r].replaceJobs(jobs, data: data)
            segments[r].refresh(jobs, data: data)
            routePenalty[r] = penalty(of: r)
            routeChanged[r] = updates
            swapStarKeys[r] = 0
            for (k, job) in jobs.enumerated() {
                state.routeOf[Int(job)] = Int32(r)
                positionOf[Int(job)] = k + 1
            }
        }
    }

    /// The predecessor and successor of `job` in its current route (-1 for a depot).
    private func around(_ job: Int, _ state: SearchState) -> (Int32, Int32) {
        let jobs = state.routes[Int(state.routeOf[job])].jobs
        let k = positionOf[job] - 1
        return (k > 0 ? jobs[k - 1] : -1, k + 1 < jobs.count ? jobs[k + 1] : -1)
    }
}
