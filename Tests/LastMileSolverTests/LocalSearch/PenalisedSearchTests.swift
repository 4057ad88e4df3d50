import LastMileCore
import LastMileModel
import Testing

@testable import LastMileSolver

/// The penalised local search: its move prices equal a recomputation from fresh summaries, it does pass
/// through infeasible solutions when infeasibility is cheap, and what it returns is always feasible
/// (repaired, or searched again without infeasibility).
@Suite struct PenalisedSearchTests {
    /// Weights driven to their lower bound by reporting only feasible optima: infeasibility is cheap.
    static func cheapWeights(_ data: SolverData) -> PenaltyWeights {
        var weights = PenaltyWeights(data: data)
        for _ in 0..<(60 * PenaltyWeights.adaptationPeriod) { weights.record(timeFeasible: true, loadFeasible: true) }
        return weights
    }

    static func instances(seed: UInt64) -> [VRPProblem] {
        [
            SolverTests.randomProblem(jobs: 10, vehicles: 3, seed: seed, windows: true),
            SolverTests.randomProblem(jobs: 40, vehicles: 8, seed: seed, windows: true),
            SolverTests.randomProblem(jobs: 40, vehicles: 8, seed: seed, windows: false),
        ]
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func pricedDeltaEqualsRecomputation(seed: UInt64) {
        for problem in Self.instances(seed: seed) {
            let oracle = MoveOracle(problem, seed: seed)
            let penalties = Self.cheapWeights(oracle.data).current
            let run = LocalSearchRun(search: oracle.search, state: oracle.state, penalties: penalties)
            func compared(_ run: LocalSearchRun) -> Int64 { run.segments.indices.reduce(0) { $0 + run.comparedCost(of: $1) } }
            let before = compared(run)
            var priced = 0
            for ra in oracle.state.routes.indices where run.segments[ra].count > 0 {
                for rb in oracle.state.routes.indices where rb != ra {
                    for a in 1...run.segments[ra].count {
                        guard let move = run.exchange(ra, a, a, reversed: false, with: rb, 1, 0), let delta = run.delta(of: move, oracle.state)
                        else { continue }
                        var state = oracle.state
                        var applied = run
                        applied.apply(move, &state)
                        let fresh = LocalSearchRun(search: oracle.search, state: state, penalties: penalties)
                        let load = run.loadPenalty(move.plans.0, in: ra, penalties, oracle.state) + run.loadPenalty(move.plans.1, in: rb, penalties, oracle.state)
                        #expect(delta.cost + load == compared(fresh) - before, "seed \(seed) \(problem.name): relocate \(ra):\(a) to \(rb)")
                        if fresh.routePenalty[ra] + fresh.routePenalty[rb] > 0 { priced += 1 }
                    }
                }
            }
            #expect(priced > 0, "seed \(seed) \(problem.name): no move was infeasible")
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func infeasibleOptimaAreRepairedOrReplaced(seed: UInt64) {
        var visitedInfeasible = false
        for problem in Self.instances(seed: seed) {
            let oracle = MoveOracle(problem, seed: seed)
            let search = LocalSearch(data: oracle.data, neighbours: 8, swapStar: true, penalties: true)
            #expect(search.penalises)
            var weights = Self.cheapWeights(oracle.data)
            // The penalised descent alone may end infeasible…
            var probe = oracle.state
            var run = LocalSearchRun(search: search, state: probe, penalties: weights.current)
            run.markChanged(probe, since: nil)
            run.descend(&probe, order: (0..<oracle.data.jobCount).filter { probe.routeOf[$0] >= 0 })
            let feasibility = run.feasibility()
            if !(feasibility.time && feasibility.load) { visitedInfeasible = true }
            // …but the search as a whole returns a feasible solution, no worse than it started.
            var state = oracle.state
            var random = SplitMix64(seed: seed)
            search.improve(&state, weights: &weights, using: &random)
            let report = PlanChecker.check(state.solution, for: problem)
            #expect(report.isFeasible, "seed \(seed) \(problem.name): \(report.violations)")
            #expect(report.cost <= oracle.before.cost, "seed \(seed) \(problem.name): \(report.cost) after, \(oracle.before.cost) before")
            #expect(report.cost == state.objective(oracle.data) - state.unassignedPenalty(oracle.data), "seed \(seed) \(problem.name)")
        }
        #expect(visitedInfeasible, "seed \(seed): cheap penalties never left the feasible space")
    }

    @Test(arguments: [false, true])
    func sameSeedSameSolution(windows: Bool) {
        let problem = SolverTests.randomProblem(jobs: 40, vehicles: 8, seed: 4, windows: windows)
        var configuration = SolverConfiguration(seed: 9, iterations: 400)
        configuration.localSearchPolicy = .always
        configuration.penalisedSearch = true
        let first = Solver.solve(problem, configuration: configuration)
        let second = Solver.solve(problem, configuration: configuration)
        #expect(first.solution == second.solution && first.cost == second.cost, "seed 9")
        #expect(PlanChecker.check(first.solution, for: problem).isFeasible, "seed 9")
    }

    @Test func weightsAdaptTowardsTheTargetShare() {
        let data = SolverData(SolverTests.randomProblem(jobs: 10, vehicles: 3, seed: 1, windows: true))
        var weights = PenaltyWeights(data: data)
        let start = weights.current
        for _ in 0..<PenaltyWeights.adaptationPeriod { weights.record(timeFeasible: false, loadFeasible: true) }
        #expect(weights.current.timeWarp > start.timeWarp && weights.current.load[0] < start.load[0])
    }

    /// Optima late half the time and overloaded the other half are each on target in their own dimension but
    /// never feasible: both prices rise.
    @Test func weightsRiseWhenViolationsAlternate() {
        let data = SolverData(SolverTests.randomProblem(jobs: 10, vehicles: 3, seed: 1, windows: true))
        var weights = PenaltyWeights(data: data)
        let start = weights.current
        for search in 0..<PenaltyWeights.adaptationPeriod {
            weights.record(timeFeasible: search.isMultiple(of: 2), loadFeasible: !search.isMultiple(of: 2))
        }
        #expect(weights.current.timeWarp > start.timeWarp && weights.current.load[0] > start.load[0])
    }

    @Test func notPenalisedWhereTimeIsConfirmedExactly() {
        let data = SolverData(SolverTests.twoWindowProblem(jobs: 10, vehicles: 3, seed: 1))
        #expect(!LocalSearch(data: data, neighbours: 8, penalties: true).penalises)
        let rich = SolverData(RichModelTests.richProblem(jobs: 9, seed: 1))
        #expect(!LocalSearch(data: rich, neighbours: 8, penalties: true).penalises)
    }
}
