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

    /// The three best places of each job in each route, found with the lower bounds that dismiss places
    /// (travel and charge, paid time, lateness on travel times alone), are those of trying every place by
    /// concatenation: windows, paid time with overtime and a minimum route cost, charges.
    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func dismissedPlacesNeverHoldABestInsertion(seed: UInt64) {
        // Long routes with paid time, so that the three best fill up and the bounds dismiss places.
        let paidDays = [true, false].map { windows in
            var problem = SolverTests.randomProblem(jobs: 40, vehicles: 3, seed: seed, windows: windows)
            problem.vehicles[0].paidTime = PaidTime(costPerTime: 1, overtimeAfter: 250_000, overtimeExtraPerTime: 2)
            problem.vehicles[1].paidTime = PaidTime(costPerTime: 3)
            problem.name += " with paid time"
            return problem
        }
        for problem in Self.instances(seed: seed) + [PaidTimeTests.paidTimeProblem(seed: seed)] + paidDays {
            let oracle = MoveOracle(problem, seed: seed)
            let (run, data) = (oracle.run, oracle.data)
            let used = oracle.state.routes.indices.filter { !oracle.state.routes[$0].isEmpty }
            for r in used {
                var legs: [RouteLeg] = []
                run.legs(of: r, oracle.state, into: &legs)
                let target = run.insertionTarget(r, legs: legs, oracle.state)
                let evaluator = run.segments[r].evaluator
                for job in 0..<data.jobCount where data.partner[job] < 0 && oracle.state.routeOf[job] != Int32(r) {
                    var expected = ThreeBest()
                    for i in 0...run.segments[r].count {
                        var whole = evaluator.concatenate(run.segments[r].prefix[i], evaluator.job(job, data), data: data)
                        if i < run.segments[r].count { whole = evaluator.concatenate(whole, run.segments[r].suffix[i + 1], data: data) }
                        whole = evaluator.concatenate(whole, evaluator.endDepot(data), data: data)
                        guard whole.timeWarp == 0 else { continue }
                        expected.add(data.routeCost(r, whole) - run.timeCost(of: r), after: i)
                    }
                    let found = run.bestInsertions(of: job, into: r, target)
                    for k in 0..<3 {
                        #expect(
                            found.entries[k].delta == expected.entries[k].delta && found.entries[k].after == expected.entries[k].after,
                            "seed \(seed) \(problem.name): job \(job) into route \(r), place \(k)")
                    }
                }
            }
        }
    }

    /// SWAP*'s places kept by the chain across its searches (``SwapStarInsertions``) change nothing: a chain of
    /// ruins and searches sharing one memo ends where the same chain with a fresh memo per search does.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func placesKeptAcrossSearchesChangeNothing(seed: UInt64) {
        let problem = SolverTests.randomProblem(jobs: 60, vehicles: 8, seed: seed, windows: true)
        let data = SolverData(problem)
        let search = LocalSearch(data: data, neighbours: 8, swapStar: true)
        let ruin = RuinAndRecreate(problem: problem, configuration: SolverConfiguration())
        var ends: [SearchState] = []
        for shared in [true, false] {
            var random = SplitMix64(seed: seed)
            let memo = SwapStarInsertions()
            var state = SearchState(data: data)
            ruin.recreate(&state, using: &random)
            for _ in 0..<30 {
                var candidate = state
                _ = ruin.ruin(&candidate, using: &random)
                ruin.recreate(&candidate, using: &random)
                search.improve(&candidate, changedSince: state, insertions: shared ? memo : SwapStarInsertions(), using: &random)
                if candidate.objective(data) <= state.objective(data) { state = candidate }
            }
            ends.append(state)
        }
        #expect(ends[0].hasSameRoutes(as: ends[1]), "seed \(seed)")
        #expect(PlanChecker.check(ends[0].solution, for: problem).isFeasible, "seed \(seed)")
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
