import Foundation
import LastMileCore
import LastMileModel

/// A granular local search with first improvement (after Vidal et al. 2013 and PyVRP): for each served job
/// `u`, in random order, and each of its nearest jobs `v` (``Neighbourhood``), try the moves that bring `u`
/// next to `v` — ``LocalSearchRun/exchange(_:_:_:reversed:with:_:_:into:)`` (relocate one or two jobs, also
/// reversed; swap 1-1, 2-1, 2-2), ``LocalSearchRun/twoOpt(_:_:_:into:)`` within a route and
/// ``LocalSearchRun/twoOptStar(_:_:_:_:into:)`` between routes — then the moves that start a route with `u` in
/// an empty twin of its vehicle (``LocalSearchRun/improveIntoEmptyRoute(_:_:)``), and apply the first that
/// lowers the objective; when none does, SWAP* between neighbouring routes (``LocalSearchRun/swapStarPass(_:)``,
/// when on; in either annealing only once the candidate costs less than the current solution,
/// ``LocalSearchRun/swapStarBelow``); until neither finds a move.
///
/// What is exact and what is confirmed:
/// - **Turned away on arc costs** where routes cost their fixed cost plus their arcs
///   (``LocalSearchRun/arcCostChange(of:_:)``): a move whose arcs do not lower the cost is refused before any
///   summary is built; the moves accepted are the same.
/// - **Exact in O(1)** from ``RouteSegments`` (Vidal concatenation through ``LegEvaluator``): travel cost,
///   distance, time warp and load peaks of every changed route, for jobs with one window and vehicles
///   without breaks (moved pieces of at most two jobs; longer middle pieces — 2-opt reversals, SWAP*'s
///   shifted runs, 2-opt* tails between unlike vehicles — are concatenated job by job). Loads are exact for
///   every pickup/delivery order.
/// - **Confirmed exactly** when a move improves on the summaries, where they are only a bound: jobs with
///   several windows (their hull is summarised) by a forward schedule; breaks and route duration limits
///   (duration with waiting depends on the start) by ``RouteState/keepsLimits(_:distanceDelta:data:)``; skills
///   and allowed depots of jobs that change vehicle by ``SolverData/canServe(_:by:)``.
/// - **Time-dependent travel**: the summaries time each joining leg at the earliest departure (a filter, see
///   ``LegEvaluator``) and every improving move is confirmed with the exact forward schedule (penalties off).
/// - **SWAP*'s estimate** is exact in travel cost and, without pickups, in loads; time warp is estimated from
///   cached insertions and the best estimated exchange is evaluated exactly as above before it is applied.
///
/// Feasibility: by default only feasible solutions are visited (infinite penalties). With penalties
/// (``LocalSearch/penalises``, ``PenaltyWeights``) time warp and excess load are priced instead: in the
/// penalised chain (``iterate(_:from:recreation:weights:until:using:)``) the search may end late or
/// overloaded; elsewhere an infeasible local optimum is repaired (weights ×10) or replaced by the feasible
/// search. Every other constraint stays hard, and penalties are only used where every time constraint is
/// in the summaries.
///
/// Shipments stay exact by not moving their halves: exchanges and SWAP* skip halves, 2-opt skips reversals
/// over a half, 2-opt* only cuts routes where no shipment is on board.
///
/// A pair (`u`, `v`) is skipped when neither job's predecessor or successor changed since `u` was last tried
/// (per-job stamps; PyVRP stamps whole routes, which on long routes costs more than it finds: measured
/// on Gehring–Homberger R2/RC2); a route pair is skipped by SWAP* when neither route changed since the first
/// was last tried (route stamps, as HGS). After a ruin-and-recreate of a local optimum, only the jobs and
/// routes around what changed are looked at.
///
/// A class so that the run's working data refer to it instead of copying the problem data at each call.
final class LocalSearch: Sendable {
    let data: SolverData
    let neighbourhood: Neighbourhood
    /// Nearest jobs per job in ``neighbourhood``, as asked.
    let neighbours: Int
    /// Whether some job has several windows or travel is time-dependent (then time windows are confirmed
    /// exactly).
    let confirmsWindows: Bool
    /// Whether every vehicle may serve every job.
    let allCompatible: Bool
    /// `vehicleGroup[r]`: the group of vehicles interchangeable with vehicle `r` (``VRPProblem/interchangeableVehicles``).
    let vehicleGroup: [Int]
    /// Whether SWAP* runs after the granular moves (``LocalSearchRun/swapStarPass(_:)``).
    let swapStar: Bool
    /// Whether time warp and excess load may be searched through at a price (``PenaltyWeights``): asked for,
    /// and every time constraint is in the summaries (one window per job, no breaks, no duration limits), so
    /// that a time-warped route is priced exactly. Distance limits, skills and shipments stay hard.
    let penalises: Bool
    /// Whether every route costs its fixed cost plus its arcs' costs (no paid time, no job charges): then
    /// ``LocalSearchRun/arcCostChange(of:_:)`` bounds each move before its summaries are built.
    let costsFollowArcs: Bool
    /// The cost matrices (``LegEvaluator/costBase``) equal to their transpose, where a reversed run costs what
    /// it costs forwards. Sorted; empty without ``costsFollowArcs``. O(locations²) once.
    let symmetricCostBases: [Int]

    init(data: SolverData, neighbours: Int, swapStar: Bool = false, penalties: Bool = false) {
        self.data = data
        neighbourhood = Neighbourhood(data: data, count: neighbours)
        self.neighbours = neighbours
        confirmsWindows = data.isTimeDependent || (0..<data.jobCount).contains { data.windowFirst[$0 + 1] - data.windowFirst[$0] > 1 }
        self.swapStar = swapStar
        penalises = penalties && !confirmsWindows && !data.vehicleHasBreaks.contains(true)
            && !data.vehicleMaxDuration.contains { $0 != Int64.max }
        allCompatible = !data.compatible.contains(false)
        vehicleGroup = data.problem.interchangeableVehicles
        costsFollowArcs = !data.vehiclePaidTime.contains { $0 != nil } && !data.vehicleCharges.contains { $0 >= 0 }
        let n = data.locationCount
        symmetricCostBases = !costsFollowArcs ? [] : Set(data.vehicleCost).sorted().filter { base in
            (0..<n).allSatisfy { a in (0..<a).allSatisfy { b in data.entry(base, a, b) == data.entry(base, b, a) } }
        }
    }

    /// The same search over `problem` (this search's) with every vehicle's fixed cost at 0: where the fleet is
    /// final, routes compared on their travel alone, an emptied route no longer paid for by its vehicle.
    func withoutFixedCosts(of problem: VRPProblem) -> LocalSearch {
        var free = problem
        for v in free.vehicles.indices { free.vehicles[v].fixedCost = 0 }
        return LocalSearch(data: SolverData(free), neighbours: neighbours, swapStar: swapStar, penalties: penalises)
    }

    /// Whether `candidate`, of cost `cost`, is improved under `policy`, given the current solution's cost and
    /// the annealing's acceptance threshold.
    func improves(_ candidate: SearchState, cost: Int64, current: Int64, threshold: Double, _ policy: LocalSearchPolicy) -> Bool {
        switch policy {
        case .automatic: return cost < current || hasLongRoutes(candidate)
        case .always: return true
        case .improving: return cost < current
        case .accepted: return Double(cost) < threshold
        case .off: return false
        }
    }

    /// Whether some job's windows bind and `state`'s routes hold ``LocalSearchPolicy/longRoute`` jobs or more
    /// on average: where ``LocalSearchPolicy/automatic`` searches every candidate.
    func hasLongRoutes(_ state: SearchState) -> Bool {
        guard data.windowsBind else { return false }
        let used = state.routesInUse
        return state.routeOf.count - state.unassigned.count >= LocalSearchPolicy.longRoute * used
    }

    /// Improves `state` until no examined move improves it: every pair at first, or with `reference` (a
    /// local optimum the state was derived from) only the pairs with a job whose predecessor or successor
    /// differs from it; then the pairs around each applied move.
    ///
    /// - Parameters:
    ///   - insertions: the chain's SWAP* memo (a fresh one when not given).
    ///   - swapStarBelow: SWAP* runs only while the objective is below this (see
    ///     ``LocalSearchRun/swapStarBelow``); `nil`, always.
    func improve(
        _ state: inout SearchState, changedSince reference: SearchState? = nil, until deadline: Date? = nil,
        insertions: SwapStarInsertions = SwapStarInsertions(), swapStarBelow: Int64? = nil, using random: inout SplitMix64
    ) {
        var run = LocalSearchRun(search: self, state: state, insertions: insertions)
        run.deadline = deadline
        run.swapStarBelow = swapStarBelow
        run.markChanged(state, since: reference)
        var order = (0..<data.jobCount).filter { state.routeOf[$0] >= 0 }
        order.shuffle(using: &random)
        run.descend(&state, order: order)
    }

    /// ``improve(_:changedSince:using:)`` through infeasible solutions when ``penalises``: the search prices time
    /// warp and excess load with `weights`, records whether its local optimum is feasible, and repairs an
    /// infeasible one by searching again with every weight ×``PenaltyWeights/repairFactor``. When that
    /// still leaves a route infeasible, or costs more than `state` did, the result is discarded and `state`
    /// searched without infeasibility instead, so that `state` is always feasible and no worse on return.
    func improve(
        _ state: inout SearchState, changedSince reference: SearchState? = nil, weights: inout PenaltyWeights,
        until deadline: Date? = nil, insertions: SwapStarInsertions = SwapStarInsertions(), using random: inout SplitMix64
    ) {
        guard penalises else { return improve(&state, changedSince: reference, until: deadline, insertions: insertions, using: &random) }
        let start = state
        var run = LocalSearchRun(search: self, state: state, penalties: weights.current, insertions: insertions)
        run.deadline = deadline
        run.markChanged(state, since: reference)
        var order = (0..<data.jobCount).filter { state.routeOf[$0] >= 0 }
        order.shuffle(using: &random)
        run.descend(&state, order: order)
        let (timeFeasible, loadFeasible) = run.feasibility()
        weights.record(timeFeasible: timeFeasible, loadFeasible: loadFeasible)
        guard !(timeFeasible && loadFeasible) else { return }
        run.reprice(weights.current.scaled(by: PenaltyWeights.repairFactor), state)
        run.descend(&state, order: order)
        let repaired = run.feasibility()
        // Repricing breaks the descent's monotony: a repaired optimum may cost more than the start.
        guard !(repaired.time && repaired.load) || state.objective(data) > start.objective(data) else { return }
        state = start
        improve(&state, changedSince: reference, until: deadline, insertions: insertions, using: &random)
    }
}

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
        swapStarKeys = [UInt64](repeating: 0, count: state.routes.count)
        routePenalty = [Int64](repeating: 0, count: state.routes.count)
        routeChanged = [Int](repeating: 0, count: state.routes.count)
        swapStarTested = routeChanged
        emptyTwins = [Int](repeating: -1, count: state.routes.count)
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
        lastTested = [Int](repeating: 0, count: data.jobCount)
        lastChanged = lastTested
        if let penalties { price(penalties) }
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
