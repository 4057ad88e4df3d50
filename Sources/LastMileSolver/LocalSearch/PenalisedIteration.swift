import Foundation
import LastMileCore

extension LocalSearch {
    /// Whether the whole chain may pass through infeasible solutions
    /// (``iterate(_:from:recreation:weights:until:using:)``): the search prices infeasibility (``penalises``),
    /// no job is half of a shipment (its halves would need paired places), and none is a pickup (the priced
    /// loads are exact for pickups, but the chain has not been measured with them).
    var iteratesPenalised: Bool { penalises && !data.hasPickups && !data.partner.contains { $0 >= 0 } }

    /// One iteration of the penalised chain (after PyVRP's iterated local search, with SISR's ruin):
    /// `state` (a copy of `current`, which may be late or overloaded) loses strings of jobs around a random
    /// one, they go back where they add the least at the current prices of time warp and excess load
    /// (``LocalSearchRun/insertPriced(_:into:recreation:openRoutes:using:)``), and the granular search improves the
    /// jobs around what changed under the same prices. Where routes are long, a share of the iterations
    /// (``SolverConfiguration/blockRelocationRate``) moves one run of jobs whole into another route instead of
    /// the ruin and reinsertion (``LocalSearchRun/relocateBlock(in:recreation:maximumLength:using:)``). No
    /// repair: `state` stays as the search left it, and the caller keeps its best among the feasible ones.
    /// Counts the result's feasibility in `weights`. With a `routeLimit` (a final fleet), at most that many
    /// vehicles drive: a route the ruin or the search empties may start again, so that the chain never loses a
    /// vehicle it cannot win back (Gehring–Homberger RC1_2_1, hierarchical, seed 2, 2026-12-03: one route
    /// emptied by the first ruin left the other 17 overloaded for the rest of the run).
    ///
    /// SWAP* runs once the search has brought `state` below `swapStarBelow` in compared units
    /// (``LocalSearchRun/swapStarBelow``; where windows bind, the chain passes its current solution's compared
    /// cost).
    ///
    /// `kept` is the chain's run, reused from one iteration to the next (``LocalSearchRun/reset(to:penalties:searching:)``);
    /// `nil` at the first, which builds it.
    ///
    /// Returns the result's cost and violations, and whether the reinsertion put every removed job back where
    /// it was.
    func iterate(
        _ state: inout SearchState, from current: SearchState, recreation: RuinAndRecreate, routeLimit: Int? = nil,
        weights: inout PenaltyWeights, until deadline: Date? = nil, insertions: SwapStarInsertions = SwapStarInsertions(), swapStarBelow: Int64? = nil,
        keeping kept: inout LocalSearchRun?, using random: inout SplitMix64
    ) -> (PricedCost, unchanged: Bool) {
        let longestBlock = recreation.longestBlock(in: state)
        let rate = recreation.configuration.blockRelocationRate
        let movesBlock = longestBlock >= 2 && rate > 0 && uniform(0, 1, &random) < rate
        if !movesBlock { _ = recreation.ruin(&state, using: &random) }
        // Taken out of `kept` so that its buffers stay uniquely referenced (no copy on write).
        var run = kept.take() ?? LocalSearchRun(search: self, state: state, insertions: insertions)
        defer { kept = run }
        run.reset(to: state, penalties: weights.current, searching: self)
        run.deadline = deadline
        run.routeLimit = routeLimit
        run.swapStarBelow = swapStarBelow
        run.markChanged(state, since: current)
        if movesBlock {
            _ = run.relocateBlock(in: &state, recreation: recreation, maximumLength: longestBlock, using: &random)
        } else {
            let removed = recreation.insertionOrder(state.unassigned, using: &random)
            state.unassigned.removeAll(keepingCapacity: true)
            run.insertPriced(removed, into: &state, recreation: recreation, routeLimit: routeLimit, using: &random)
        }
        let unchanged = state.hasSameRoutes(as: current)
        var order = (0..<data.jobCount).filter { state.routeOf[$0] >= 0 }
        order.shuffle(using: &random)
        run.descend(&state, order: order)
        let result = run.pricedCost(state)
        weights.record(timeFeasible: result.timeWarp == 0, loadFeasible: result.excessLoad.allSatisfy { $0 == 0 })
        return (result, unchanged)
    }

    /// `state`'s cost and violations.
    func pricedCost(of state: SearchState) -> PricedCost {
        LocalSearchRun(search: self, state: state).pricedCost(state)
    }
}
