import LastMileCore
import LastMileModel
import Testing

@testable import LastMileSolver

/// The penalised chain: a priced insertion costs what a recomputation from fresh summaries says, the chain
/// passes through late or overloaded solutions, and the solver still answers with a feasible one.
@Suite struct PenalisedChainTests {
    /// Every place of a removed job: the O(1) priced insertion equals the compared cost of the routes rebuilt
    /// from scratch with the job there, minus the compared cost before.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func pricedInsertionEqualsRecomputation(seed: UInt64) {
        for problem in PenalisedSearchTests.instances(seed: seed) {
            let oracle = MoveOracle(problem, seed: seed)
            let penalties = PenalisedSearchTests.cheapWeights(oracle.data).current
            func compared(_ run: LocalSearchRun) -> Int64 { run.segments.indices.reduce(0) { $0 + run.comparedCost(of: $1) } }
            var priced = 0
            for job in (0..<oracle.data.jobCount).filter({ oracle.state.routeOf[$0] >= 0 }).prefix(6) {
                var state = oracle.state
                let from = Int(state.routeOf[job])
                _ = state.routes[from].remove(positions: [state.routes[from].jobs.firstIndex(of: Int32(job))!], data: oracle.data)
                state.routeOf[job] = -1
                let run = LocalSearchRun(search: oracle.search, state: state, penalties: penalties)
                let before = compared(run)
                for r in state.routes.indices {
                    for after in 0...state.routes[r].jobs.count {
                        guard let added = run.insertionCost(of: job, into: r, after: after) else { continue }
                        var inserted = state
                        inserted.routes[r].insert(job, after: after, data: oracle.data)
                        let fresh = LocalSearchRun(search: oracle.search, state: inserted, penalties: penalties)
                        #expect(added == compared(fresh) - before, "seed \(seed) \(problem.name): job \(job) into \(r) after \(after)")
                        if fresh.routePenalty[r] > 0 { priced += 1 }
                    }
                }
            }
            #expect(priced > 0, "seed \(seed) \(problem.name): no insertion was infeasible")
        }
    }

    /// With cheap infeasibility an iteration may end late or overloaded, its reported cost and violations
    /// are those of the state it leaves, and the state stays consistent (every job served once or left out).
    @Test(arguments: [1, 2, 3] as [UInt64])
    func iterationsPassThroughInfeasibleSolutions(seed: UInt64) {
        var visitedInfeasible = false
        for problem in PenalisedSearchTests.instances(seed: seed) {
            let oracle = MoveOracle(problem, seed: seed)
            let recreation = RuinAndRecreate(problem: problem, configuration: SolverConfiguration(seed: seed))
            let search = LocalSearch(data: oracle.data, neighbours: 8, swapStar: true, penalties: true)
            #expect(search.iteratesPenalised)
            var weights = PenalisedSearchTests.cheapWeights(oracle.data)
            var random = SplitMix64(seed: seed)
            var current = oracle.state
            for _ in 0..<20 {
                var state = current
                let (priced, _) = search.iterate(&state, from: current, recreation: recreation, weights: &weights, using: &random)
                #expect(priced == search.pricedCost(of: state), "seed \(seed) \(problem.name)")
                let served = state.routes.flatMap(\.jobs).map(Int.init)
                #expect((served + state.unassigned).sorted() == Array(0..<oracle.data.jobCount), "seed \(seed) \(problem.name)")
                for job in served { #expect(state.routes[Int(state.routeOf[job])].jobs.contains(Int32(job))) }
                if !priced.isFeasible { visitedInfeasible = true }
                current = state
            }
        }
        #expect(visitedInfeasible, "seed \(seed): cheap penalties never left the feasible space")
    }

    /// On an instance whose every job can be served, the chain runs from the first iteration to the last
    /// (every candidate searched), and the answer is feasible at the checker's cost.
    @Test(arguments: [false, true])
    func answersFeasibly(windows: Bool) {
        let problem = SolverTests.randomProblem(jobs: 20, vehicles: 10, seed: 4, windows: windows)
        var configuration = SolverConfiguration(seed: 3, iterations: 600)
        configuration.penalisedSearch = true
        let result = Solver.solve(problem, configuration: configuration)
        let report = PlanChecker.check(result.solution, for: problem)
        #expect(report.isFeasible, "seed 3: \(report.violations)")
        #expect(report.cost == result.cost, "seed 3")
        #expect(result.statistics.searched == 600, "seed 3: \(result.statistics)")
    }
}
