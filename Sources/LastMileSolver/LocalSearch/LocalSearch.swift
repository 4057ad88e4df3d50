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
        var fresh: LocalSearchRun? = nil
        improve(
            &state, changedSince: reference, until: deadline, insertions: insertions, swapStarBelow: swapStarBelow, keeping: &fresh,
            using: &random)
    }

    /// ``improve(_:changedSince:until:insertions:swapStarBelow:using:)`` with the caller's run, reused from one
    /// search to the next (``LocalSearchRun/reset(to:penalties:searching:)``); `nil` at the first, which builds it.
    func improve(
        _ state: inout SearchState, changedSince reference: SearchState? = nil, until deadline: Date? = nil,
        insertions: SwapStarInsertions = SwapStarInsertions(), swapStarBelow: Int64? = nil, keeping kept: inout LocalSearchRun?,
        using random: inout SplitMix64
    ) {
        // Taken out of `kept` so that its buffers stay uniquely referenced (no copy on write).
        var run = kept.take() ?? LocalSearchRun(search: self, state: state, insertions: insertions)
        defer { kept = run }
        run.reset(to: state, penalties: nil, searching: self)
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
