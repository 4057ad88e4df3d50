import LastMileCore
import LastMileModel
import Testing

@testable import LastMileSolver

/// SWAP*: for every route pair, the best exchange's cached estimate is the checker's cost change whenever the
/// move is feasible and route costs are additive (no paid time: its overtime and minimum make a removal's and
/// an insertion's changes interact), its exact evaluation agrees with the checker, and a pass never worsens
/// the solution.
@Suite struct SwapStarTests {
    static func instances(seed: UInt64) -> [VRPProblem] {
        var charged = PaidTimeTests.paidTimeProblem(seed: seed)
        for v in charged.vehicles.indices { charged.vehicles[v].paidTime = nil }
        charged.name += " with job charges only"
        return MoveOracle.instances(seed: seed) + [
            SolverTests.randomProblem(jobs: 30, vehicles: 6, seed: seed, windows: true),
            SolverTests.randomProblem(jobs: 30, vehicles: 6, seed: seed, windows: false),
            charged,
        ]
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func estimateAndDeltaEqualTheChecker(seed: UInt64) {
        var outcomes = [0, 0]
        for problem in Self.instances(seed: seed) {
            let oracle = MoveOracle(problem, seed: seed)
            var run = oracle.run
            let used = oracle.state.routes.indices.filter { !oracle.state.routes[$0].isEmpty }
            for ra in used {
                for rb in used where rb != ra {
                    guard let best = run.bestSwapStar(ra, rb, oracle.state) else { continue }
                    let label = "SWAP* \(ra) with \(rb) in \(problem.name)"
                    let feasible = oracle.check(best.move, label)
                    outcomes[feasible ? 1 : 0] += 1
                    guard feasible else { continue }
                    var routes = oracle.state.routes.map { $0.jobs.map { JobIndex($0) } }
                    routes[ra] = run.jobs(of: best.move.plans.0, oracle.state).map { JobIndex($0) }
                    routes[rb] = run.jobs(of: best.move.plans.1, oracle.state).map { JobIndex($0) }
                    let after = PlanChecker.check(VRPSolution(routes: routes, unassigned: oracle.state.unassigned.map { JobIndex($0) }), for: problem)
                    guard problem.vehicles.allSatisfy({ $0.paidTime == nil }) else { continue }
                    #expect(best.estimate == after.cost - oracle.before.cost, "seed \(seed), \(label): estimate \(best.estimate)")
                }
            }
        }
        // The best estimate is often feasible (the estimate prices time warp); both outcomes are checked.
        #expect(outcomes[1] > 0, "seed \(seed): \(outcomes) infeasible/feasible best exchanges")
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func passNeverWorsens(seed: UInt64) {
        for problem in Self.instances(seed: seed) {
            let oracle = MoveOracle(problem, seed: seed)
            var state = oracle.state
            var run = oracle.run
            run.markChanged(state, since: nil)
            while run.swapStarPass(&state) {
                let report = PlanChecker.check(state.solution, for: problem)
                #expect(report.isFeasible, "seed \(seed) \(problem.name): \(report.violations)")
                #expect(report.cost < oracle.before.cost, "seed \(seed) \(problem.name): \(report.cost) after, \(oracle.before.cost) before")
                #expect(report.cost == state.objective(oracle.data) - state.unassignedPenalty(oracle.data), "seed \(seed) \(problem.name)")
            }
        }
    }
}
