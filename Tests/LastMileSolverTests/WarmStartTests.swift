import LastMileCore
import LastMileModel
import LastMileSolver
import Testing

/// `SolverConfiguration.initialRoutes`: the search starts from given routes (the live re-optimiser's warm start).
@Suite struct WarmStartTests {
    /// With no iterations the solution is the warm start with the jobs it leaves out inserted; nothing listed moves.
    @Test(arguments: [UInt64(1), 2, 3])
    func noIterationsKeepsTheInitialRoutesAndInsertsTheRest(seed: UInt64) {
        let problem = SolverTests.randomProblem(jobs: 12, vehicles: 6, seed: seed, windows: false)
        let initial: [[JobIndex]] = [[JobIndex(0), JobIndex(1)], [JobIndex(3), JobIndex(2)], [], [], [], []]
        var configuration = SolverConfiguration(seed: seed, iterations: 0)
        configuration.localSearchNeighbours = 0
        configuration.initialRoutes = initial
        let solution = Solver.solve(problem, configuration: configuration).solution
        for (route, start) in zip(solution.routes, initial) {
            #expect(route.filter { start.contains($0) } == start, "seed \(seed)")
        }
        #expect(solution.routes.joined().count + solution.unassigned.count == 12 && solution.unassigned.isEmpty, "seed \(seed)")
        #expect(PlanChecker.check(solution, for: problem).isFeasible, "seed \(seed)")
    }

    /// Searching from a warm start never returns worse than the warm start itself.
    @Test(arguments: [UInt64(4), 5])
    func searchingFromAWarmStartNeverEndsWorse(seed: UInt64) {
        let problem = SolverTests.randomProblem(jobs: 20, vehicles: 4, seed: seed, windows: true)
        let first = Solver.solve(problem, configuration: SolverConfiguration(seed: seed, iterations: 30)).solution
        var configuration = SolverConfiguration(seed: seed + 1, iterations: 200)
        configuration.initialRoutes = first.routes
        let warm = Solver.solve(problem, configuration: configuration).solution
        let (before, after) = (PlanChecker.check(first, for: problem), PlanChecker.check(warm, for: problem))
        #expect(after.isFeasible, "seed \(seed)")
        #expect((warm.unassigned.count, after.cost) <= (first.unassigned.count, before.cost), "seed \(seed)")
    }
}
