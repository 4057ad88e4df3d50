import Foundation
import LastMileCore
import LastMileModel

/// The vehicle routing solver: SISR ruin and recreate under simulated annealing, keeping the best solution.
///
/// Anytime: stops at the configured iteration count or time limit and returns the best solution found.
/// Deterministic for a seed when stopped by iterations. Jobs that cannot be served stay unassigned; a
/// mandatory job is worth more than any route (its penalty dominates costs, scaled by priority), an optional
/// job is served only when that costs less than its `unassignedCost`.
public enum Solver {
    /// The outcome of a run.
    public struct Result: Sendable {
        public var solution: VRPSolution
        /// Objective of the solution: travel cost, paid time, job charges and fixed costs (unassigned jobs excluded).
        public var cost: Int64
        public var iterations: Int
        public var seconds: Double
        /// The first chain's first solution: the warm start (or empty routes) with the other jobs inserted
        /// greedily, before any search.
        public var initial: VRPSolution? = nil
        /// What the annealing did with its candidates, over every chain.
        public var statistics = SearchStatistics()
        /// The returned chain's fleet minimisation, when vehicles have a fixed cost.
        public var fleetMinimisation: FleetMinimisationSummary? = nil
    }

    /// Where a run stands, for progress displays.
    public struct Progress: Sendable {
        /// Cost of the best solution so far (unassigned jobs excluded) and how many jobs it leaves out.
        public var bestCost: Int64
        public var unassigned: Int
        public var seconds: Double
    }

    /// Solves `problem`. `onImprovement`, if given, hears about new best solutions of the first chain, at most
    /// five times a second.
    public static func solve(
        _ problem: VRPProblem, configuration: SolverConfiguration, onImprovement: (@Sendable (Progress) -> Void)? = nil
    ) -> Result {
        precondition(configuration.iterations != nil || configuration.timeLimit != nil, "set iterations or a time limit")
        // The flat problem data and neighbour lists are built once and shared (read-only) by every chain; the
        // time limit counts from here.
        let started = Date()
        let search = RuinAndRecreate(problem: problem, configuration: configuration)
        let localSearch = configuration.localSearchNeighbours > 0 && configuration.localSearchPolicy != .off
            ? LocalSearch(
                data: search.data, neighbours: configuration.localSearchNeighbours, swapStar: configuration.swapStar,
                penalties: configuration.penalisedSearch != false)
            : nil
        guard configuration.threads > 1 else {
            return solveChain(
                problem, configuration: configuration, search: search, localSearch: localSearch, started: started,
                onImprovement: onImprovement)
        }
        var streams = SplitMix64(seed: configuration.seed)
        let seeds = (0..<configuration.threads).map { _ in streams.next() }
        let exchange = configuration.eliteExchanges > 0 ? EliteExchange(chains: seeds.count) : nil
        let runChain = { @Sendable (chain: Int) -> Result in
            var single = configuration
            single.seed = seeds[chain]
            single.threads = 1
            return solveChain(
                problem, configuration: single, search: search, localSearch: localSearch, started: started,
                exchange: exchange.map { ($0, chain) }, onImprovement: chain == 0 ? onImprovement : nil)
        }
        // Chains that meet must all run at once: a thread each (see ``threadPerItemMap(count:_:)``).
        let results = threadPerItemMap(count: seeds.count, runChain)
        var best = results[0]
        for result in results.dropFirst()
        where (result.solution.unassigned.count, result.cost) < (best.solution.unassigned.count, best.cost) {
            best = result
        }
        best.iterations = results.reduce(0) { $0 + $1.iterations }
        best.statistics = results.reduce(SearchStatistics()) { $0 + $1.statistics }
        best.initial = results[0].initial
        return best
    }

    /// Whether a time limit leaves the penalised chain enough iterations: at least
    /// ``penalisedChainSecondsPerJob`` per job (always when stopped by iterations only). Each of its
    /// iterations searches, 10–20× the cost of a feasible one that searches only improving candidates.
    static func affordsPenalisedChain(_ problem: VRPProblem, _ configuration: SolverConfiguration) -> Bool {
        configuration.timeLimit.map { $0 >= penalisedChainSecondsPerJob * Double(problem.jobs.count) } ?? true
    }

    /// Seconds per job from which the automatic rule runs the penalised chain. Solomon (100 jobs, seed 1,
    /// 2026-12-02): at 1 s the chain's mean gap was 0.95 % against 1.11 % without; as VROOM JSON at 0.1 s it was
    /// level with VROOM's exploration 0 (up to 13 % worse on one instance) where the feasible search is 3 %
    /// below it, and at 0.5 s no better.
    static let penalisedChainSecondsPerJob = 0.01

    /// The penalised chain goes back to its best solution after this many infeasible optima in a row: a trap,
    /// where no move removes the current solution's violations at any price. At the usual share of feasible
    /// optima (43 %), 500 in a row never happen. Gehring–Homberger R2_2_1, hierarchical, 30 s, seed 1
    /// (2026-12-03): in one run of two, a time warp of 7,470 at the highest price held the chain for its whole
    /// run (no new best, +12 %).
    static let penalisedChainRestartAfter = 500

    /// Whether no solution with more routes than `state` can cost less than it: the fixed costs of the
    /// cheapest vehicles, one more than `state` uses, exceed its whole objective (the hierarchical objective's
    /// fixed costs are above any distance).
    static func noLargerFleetPays(_ state: SearchState, _ data: SolverData) -> Bool {
        let used = state.routesInUse
        guard used < state.routes.count else { return true }
        var fixed: Int64 = 0
        for cost in data.vehicleFixedCost.sorted().prefix(used + 1) {
            let (sum, overflows) = fixed.addingReportingOverflow(cost)
            if overflows { return true }
            fixed = sum
        }
        return fixed > state.objective(data)
    }

    /// One search chain on the calling thread.
    static func solveChain(
        _ problem: VRPProblem, configuration: SolverConfiguration, search: RuinAndRecreate, localSearch: LocalSearch?,
        started: Date, exchange: (place: EliteExchange, chain: Int)? = nil, onImprovement: (@Sendable (Progress) -> Void)? = nil
    ) -> Result {
        // A chain that stops no longer holds up the others' meetings.
        defer { exchange?.place.leave() }
        var lastReport = -1.0
        func report(_ state: SearchState, _ cost: Int64) {
            guard let onImprovement else { return }
            let now = Date().timeIntervalSince(started)
            guard now - lastReport >= 0.2 else { return }
            lastReport = now
            onImprovement(Progress(bestCost: cost - state.unassignedPenalty(search.data), unassigned: state.unassigned.count, seconds: now))
        }
        var random = SplitMix64(seed: configuration.seed)
        let deadline = configuration.timeLimit.map { started.addingTimeInterval($0) }

        var current = configuration.initialRoutes.map { SearchState(data: search.data, routes: $0) } ?? SearchState(data: search.data)
        search.recreate(&current, blinks: false, using: &random)
        let initial = current.solution
        // The prices of infeasibility adapt along the chain (only read when the search is penalised).
        var weights = PenaltyWeights(data: search.data, pricing: localSearch?.penalises ?? false)
        // `--penalties` where the chain cannot run penalised: each search passes through infeasibility and repairs.
        let repairsEachSearch = configuration.penalisedSearch == true && !(localSearch?.iteratesPenalised ?? false)
        // SWAP*'s insertions, kept across the chain's searches while their routes stay as they were.
        let insertions = SwapStarInsertions()
        // The local search run of the feasible searches, kept between them.
        var searchRun: LocalSearchRun? = nil
        func improve(_ state: inout SearchState, changedSince reference: SearchState? = nil, swapStarBelow: Int64? = nil) {
            if repairsEachSearch {
                localSearch?.improve(
                    &state, changedSince: reference, weights: &weights, until: deadline, insertions: insertions, using: &random)
            } else {
                localSearch?.improve(
                    &state, changedSince: reference, until: deadline, insertions: insertions, swapStarBelow: swapStarBelow,
                    keeping: &searchRun, using: &random)
            }
        }
        improve(&current)
        var currentCost = current.objective(search.data)
        var best = current
        var bestCost = currentCost
        let schedule = AnnealingSchedule(configuration: configuration, firstSolution: current)

        // Stopping and progress (0…1) by iterations or time, whichever the configuration sets.
        var iteration = 0
        func progress(at iteration: Int) -> Double? {
            var fraction = 0.0
            if let limit = configuration.iterations {
                if iteration >= limit { return nil }
                fraction = Double(iteration) / Double(limit)
            }
            if let limit = configuration.timeLimit {
                let elapsed = Date().timeIntervalSince(started)
                if elapsed >= limit { return nil }
                fraction = max(fraction, elapsed / limit)
            }
            return fraction
        }

        // Fewest vehicles first: when vehicles cost something, spend the first part of the budget removing routes.
        let minimizesFleet = problem.vehicles.contains(where: { $0.fixedCost > 0 }) && current.unassigned.isEmpty
        var fleetMinimisation: FleetMinimisationSummary? = nil
        if minimizesFleet {
            let minimizer = FleetMinimizer(
                search: search, localSearch: localSearch, share: configuration.fleetShare, attemptShare: configuration.fleetAttemptShare,
                attemptIterations: configuration.fleetAttemptIterations, deadline: deadline, insertions: insertions)
            let routesBefore = best.routesInUse
            var lastRemoval = Date()
            (best, iteration) = minimizer.minimize(
                best, from: iteration, progress: progress(at:), onRemoval: { lastRemoval = Date() }, using: &random)
            fleetMinimisation = FleetMinimisationSummary(
                routesBefore: routesBefore, routesAfter: best.routesInUse, iterations: iteration,
                lastRemovalSeconds: routesBefore > best.routesInUse ? lastRemoval.timeIntervalSince(started) : 0,
                seconds: Date().timeIntervalSince(started))
            current = best
            currentCost = best.objective(search.data)
            bestCost = currentCost
        }

        // Past fleet minimisation, where one more vehicle could never pay for itself, the fleet is final: the
        // penalised chain keeps to as many vehicles as are in use and prices routes without their fixed costs. Priced with
        // them, a chain at a low price of time warp merges routes to save a vehicle and is stranded late
        // (Solomon RC202, 5 s: never feasible again, 26 % above the best-known distance).
        let fleetIsFinal = minimizesFleet && Self.noLargerFleetPays(best, search.data)
        let finalFleet = fleetIsFinal ? best.routesInUse : nil

        // The annealing schedule runs over the budget left after fleet minimisation.
        let phaseStart = progress(at: iteration) ?? 1
        var fraction = 0.0
        var statistics = SearchStatistics()
        // The penalised chain (``SolverConfiguration/penalisedSearch``): the current solution may be late or
        // overloaded, compared with each candidate at the prices of the moment; the best is the best feasible
        // one. It inserts every mandatory job at any price, so it starts once the current solution serves them
        // all; until then (a fleet too small for the first solution, jobs no vehicle can serve in time) the
        // feasible search runs, which leaves such jobs out at their penalty. After fleet
        // minimisation wherever the fleet is final, on short routes too. Solomon, hierarchical, 5 s, seeds 1–3, gap
        // to the best-known distance at its vehicle count, feasible annealing → chain: R1 1.32 → 0.63 %, RC1
        // 2.04 → 0.49 % (at 1 s, R1 and RC1 together 2.70 and 2.76 %: level). Long routes (R2, RC2) took the
        // chain before: the feasible annealing left them at 1.49 and 3.03 % against 1.22 and 1.17 %.
        let penalisedChain = localSearch.map { localSearch in
            localSearch.iteratesPenalised && configuration.localSearchPolicy == .automatic
                && (configuration.penalisedSearch
                    ?? (minimizesFleet
                        ? fleetIsFinal
                        : !localSearch.hasLongRoutes(current) && Self.affordsPenalisedChain(problem, configuration)))
        } ?? false
        // Built only for a chain that runs: its own problem data and neighbourhood, O(jobs²).
        let chainSearch = penalisedChain && fleetIsFinal ? localSearch.map { $0.withoutFixedCosts(of: problem) } : localSearch
        var currentPriced: PricedCost? = nil
        // The chain's local search run, kept between its iterations.
        var chainRun: LocalSearchRun? = nil
        var infeasibleInARow = 0
        // Meetings with the other chains (``SolverConfiguration/eliteExchanges``), at even fractions of the run
        // after the fleet minimisation's share, so that every chain is annealing when they meet.
        let meetingsStart = minimizesFleet ? configuration.fleetShare : 0
        let meetings = exchange == nil ? [] : (1...configuration.eliteExchanges).map {
            meetingsStart + (1 - meetingsStart) * Double($0) / Double(configuration.eliteExchanges + 1)
        }
        var nextMeeting = 0
        // Reset to the current solution at each iteration in its own buffers, and swapped with it when accepted.
        var candidate = current
        while true {
            if configuration.iterations != nil || iteration % 64 == 0 {
                guard let now = progress(at: iteration) else { break }
                fraction = phaseStart < 1 ? (now - phaseStart) / (1 - phaseStart) : 1
                if let exchange, nextMeeting < meetings.count, now >= meetings[nextMeeting] {
                    while nextMeeting < meetings.count, now >= meetings[nextMeeting] { nextMeeting += 1 }
                    let elite = exchange.place.meet(EliteExchange.Offer(state: best, objective: bestCost, chain: exchange.chain))
                    if elite.chain != exchange.chain, elite.state.unassigned.count <= best.unassigned.count, elite.objective < bestCost {
                        (best, bestCost) = (elite.state, elite.objective)
                        (current, currentCost, currentPriced) = (best, bestCost, nil)
                        statistics.adoptedElites += 1
                    }
                }
            }
            let temperature = schedule.temperature(at: fraction)
            if penalisedChain, current.servesEveryMandatoryJob(search.data), let localSearch = chainSearch {
                let pricedCurrent = currentPriced ?? localSearch.pricedCost(of: current)
                let prices = weights.current
                candidate.assignInPlace(current)
                let currentCompared = pricedCurrent.priced(by: prices)
                let (priced, unchanged) = localSearch.iterate(
                    &candidate, from: current, recreation: search, routeLimit: finalFleet, weights: &weights, until: deadline, insertions: insertions,
                    swapStarBelow: search.data.windowsBind ? currentCompared : nil, keeping: &chainRun, using: &random)
                statistics.candidates += 1
                statistics.searched += 1
                if unchanged { statistics.unchangedRecreations += 1 }
                if !priced.isFeasible { statistics.infeasible += 1 }
                infeasibleInARow = priced.isFeasible ? 0 : infeasibleInARow + 1
                let candidateCompared = priced.priced(by: prices)
                if candidateCompared == currentCompared { statistics.searchedBackToCurrent += 1 }
                if priced.isFeasible, case let objective = candidate.objective(search.data), objective < bestCost {
                    best = candidate
                    bestCost = objective
                    statistics.newBests += 1
                    report(best, bestCost)
                }
                // Compared units are cost units ×resolution.
                let threshold = Double(currentCompared)
                    - temperature * Double(PenaltyWeights.resolution) * log(uniform(Double.leastNonzeroMagnitude, 1, &random))
                currentPriced = pricedCurrent
                // A mandatory job no vehicle can take (skills, distance limits) keeps its candidate out.
                if Double(candidateCompared) < threshold, candidate.servesEveryMandatoryJob(search.data) {
                    swap(&current, &candidate)
                    currentPriced = priced
                    statistics.accepted += 1
                }
                if infeasibleInARow >= Self.penalisedChainRestartAfter {
                    (current, currentCost, currentPriced, infeasibleInARow) = (best, bestCost, nil, 0)
                }
                iteration += 1
                continue
            }
            candidate.assignInPlace(current)
            _ = search.ruin(&candidate, using: &random)
            search.recreate(&candidate, openingDiscount: search.drawOpeningDiscount(using: &random), using: &random)
            statistics.candidates += 1
            if candidate.hasSameRoutes(as: current) { statistics.unchangedRecreations += 1 }
            var candidateCost = candidate.objective(search.data)
            let threshold = Double(currentCost) - temperature * log(uniform(Double.leastNonzeroMagnitude, 1, &random))
            if let localSearch,
                localSearch.improves(candidate, cost: candidateCost, current: currentCost, threshold: threshold, configuration.localSearchPolicy)
            {
                improve(&candidate, changedSince: current, swapStarBelow: currentCost)
                candidateCost = candidate.objective(search.data)
                statistics.searched += 1
                if candidateCost == currentCost { statistics.searchedBackToCurrent += 1 }
            }
            if Double(candidateCost) < threshold {
                swap(&current, &candidate)
                currentCost = candidateCost
                currentPriced = nil
                statistics.accepted += 1
                if currentCost < bestCost {
                    best = current
                    bestCost = currentCost
                    statistics.newBests += 1
                    report(best, bestCost)
                }
            }
            iteration += 1
        }
        let solution = best.solution
        return Result(
            solution: solution, cost: bestCost - best.unassignedPenalty(search.data), iterations: iteration,
            seconds: Date().timeIntervalSince(started), initial: initial, statistics: statistics,
            fleetMinimisation: fleetMinimisation
        )
    }

}
