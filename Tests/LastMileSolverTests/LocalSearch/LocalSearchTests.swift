import Foundation
import LastMileCore
import LastMileModel
import Testing

@testable import LastMileSolver

/// The local search as a whole: it only lowers the objective, keeps the solution feasible for the checker,
/// and is deterministic.
@Suite struct LocalSearchTests {
    @Test(arguments: [1, 2, 3] as [UInt64])
    func improvesAndStaysFeasible(seed: UInt64) {
        for problem in MoveOracle.instances(seed: seed) + [SolverTests.randomProblem(jobs: 40, vehicles: 8, seed: seed, windows: true)] {
            let oracle = MoveOracle(problem, seed: seed)
            var state = oracle.state
            var random = SplitMix64(seed: seed)
            oracle.search.improve(&state, using: &random)
            let report = PlanChecker.check(state.solution, for: problem)
            #expect(report.isFeasible, "seed \(seed) \(problem.name): \(report.violations)")
            #expect(report.cost == state.objective(oracle.data) - state.unassignedPenalty(oracle.data), "seed \(seed) \(problem.name)")
            #expect(report.cost <= oracle.before.cost, "seed \(seed) \(problem.name): \(report.cost) after, \(oracle.before.cost) before")
            // Searching again from a changed solution, only around what changed, keeps it feasible and cheaper.
            var ruined = state
            let ruin = RuinAndRecreate(problem: problem, configuration: SolverConfiguration())
            _ = ruin.ruin(&ruined, using: &random)
            ruin.recreate(&ruined, using: &random)
            let recreated = ruined.objective(oracle.data)
            oracle.search.improve(&ruined, changedSince: state, using: &random)
            #expect(ruined.objective(oracle.data) <= recreated, "seed \(seed) \(problem.name)")
            #expect(PlanChecker.check(ruined.solution, for: problem).isFeasible, "seed \(seed) \(problem.name)")
        }
    }

    /// A run kept from one search to the next (``LocalSearchRun/reset(to:penalties:searching:)``) finds what runs built
    /// afresh find, searching ruined and recreated candidates of which one in three becomes the next reference,
    /// so that the kept run starts from routes other than the candidate's; the rich instances carry shipments,
    /// several windows, breaks and limits.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func aKeptRunSearchesAsFreshRuns(seed: UInt64) {
        let problems = MoveOracle.instances(seed: seed) + [SolverTests.randomProblem(jobs: 60, vehicles: 4, seed: seed, windows: true)]
        for problem in problems {
            let oracle = MoveOracle(problem, seed: seed)
            let ruin = RuinAndRecreate(problem: problem, configuration: SolverConfiguration(seed: seed))
            func searches(keepingRuns: Bool) -> [[[Int32]]] {
                var (random, reference, kept) = (SplitMix64(seed: seed), oracle.state, LocalSearchRun?.none)
                oracle.search.improve(&reference, keeping: &kept, using: &random)
                return (0..<20).map { iteration in
                    if !keepingRuns { kept = nil }
                    var candidate = reference
                    _ = ruin.ruin(&candidate, using: &random)
                    ruin.recreate(&candidate, using: &random)
                    oracle.search.improve(&candidate, changedSince: reference, keeping: &kept, using: &random)
                    if iteration % 3 == 2 { reference = candidate }
                    return candidate.routes.map(\.jobs)
                }
            }
            #expect(searches(keepingRuns: true) == searches(keepingRuns: false), "seed \(seed) \(problem.name)")
        }
    }

    @Test(arguments: [LocalSearchPolicy.always, .accepted])
    func sameSeedSameSolution(policy: LocalSearchPolicy) {
        let problem = RichModelTests.richProblem(jobs: 20, seed: 5)
        var configuration = SolverConfiguration(seed: 9, iterations: 300)
        configuration.localSearchPolicy = policy
        let first = Solver.solve(problem, configuration: configuration)
        let second = Solver.solve(problem, configuration: configuration)
        #expect(first.solution == second.solution && first.cost == second.cost)
        #expect(PlanChecker.check(first.solution, for: problem).isFeasible)
    }

    /// A passed deadline (the solver's time limit) stops the descent before its first move; without it, the
    /// same search improves the solution.
    @Test func aPassedDeadlineStopsTheDescent() {
        let oracle = MoveOracle(SolverTests.randomProblem(jobs: 40, vehicles: 8, seed: 2, windows: false), seed: 2)
        var random = SplitMix64(seed: 2)
        var stopped = oracle.state
        oracle.search.improve(&stopped, until: Date(timeIntervalSinceNow: -1), using: &random)
        #expect(stopped.hasSameRoutes(as: oracle.state), "seed 2")
        var searched = oracle.state
        oracle.search.improve(&searched, using: &random)
        #expect(searched.objective(oracle.data) < oracle.state.objective(oracle.data), "seed 2")
    }
}
