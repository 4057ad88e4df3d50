import LastMileCore
import LastMileModel
import Testing

@testable import LastMileSolver

/// ``LocalSearchRun/arcCostChange(of:_:)``: where it gives a bound, the bound is never above the summaries'
/// delta and equals it for moves without time warp (the operator tests check that on every move through
/// ``MoveOracle``); here, where it applies at all.
@Suite struct ArcCostBoundTests {
    /// Every relocate and swap of the oracle's solution, with its bound (`nil`: none) and delta.
    static func exchanges(_ oracle: MoveOracle) -> [(bound: Int64?, delta: Int64?, reversedRun: Int)] {
        let run = oracle.run
        var found: [(Int64?, Int64?, Int)] = []
        for ra in oracle.state.routes.indices {
            for a1 in stride(from: 1, through: run.segments[ra].count, by: 1) {
                for rb in oracle.state.routes.indices {
                    for b1 in stride(from: 1, through: run.segments[rb].count + 1, by: 1) {
                        for (a2, reversed) in [(a1, false), (a1 + 1, true)] {
                            guard let move = run.exchange(ra, a1, a2, reversed: reversed, with: rb, b1, b1 - 1) else { continue }
                            found.append((run.arcCostChange(of: move, oracle.state), run.delta(of: move, oracle.state)?.cost, reversed ? 2 : 0))
                        }
                    }
                }
            }
        }
        return found
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func boundsEveryMoveWhereRoutesCostTheirArcs(seed: UInt64) {
        let oracle = MoveOracle(SolverTests.randomProblem(jobs: 10, vehicles: 3, seed: seed, windows: true), seed: seed)
        #expect(oracle.search.costsFollowArcs && oracle.search.symmetricCostBases == [oracle.data.vehicleCost[0]])
        let moves = Self.exchanges(oracle)
        #expect(moves.count > 50 && moves.allSatisfy { $0.bound != nil }, "seed \(seed)")
        // Most moves lengthen the routes: the bound turns them away without a summary.
        #expect(moves.filter { $0.bound! >= 0 }.count > moves.count / 2, "seed \(seed)")
    }

    /// Penalised, on routes left late or overloaded by a descent at cheap prices: the bound takes off what a
    /// move could win back, and is never above the priced change (time warp and load prices included).
    @Test(arguments: [1, 2, 3] as [UInt64])
    func penalisedBoundNeverExceedsThePricedChange(seed: UInt64) {
        var onViolatedRoutes = 0
        for problem in PenalisedSearchTests.instances(seed: seed) {
            let oracle = MoveOracle(problem, seed: seed)
            let search = LocalSearch(data: oracle.data, neighbours: 8, swapStar: true, penalties: true)
            let penalties = PenalisedSearchTests.cheapWeights(oracle.data).current
            var state = oracle.state
            var descent = LocalSearchRun(search: search, state: state, penalties: penalties)
            descent.markChanged(state, since: nil)
            descent.descend(&state, order: (0..<oracle.data.jobCount).filter { state.routeOf[$0] >= 0 })
            let run = LocalSearchRun(search: search, state: state, penalties: penalties)
            for ra in state.routes.indices {
                for a1 in stride(from: 1, through: run.segments[ra].count, by: 1) {
                    for rb in state.routes.indices {
                        for b1 in stride(from: 1, through: run.segments[rb].count + 1, by: 1) {
                            for (a2, reversed) in [(a1, false), (a1 + 1, true)] {
                                guard let move = run.exchange(ra, a1, a2, reversed: reversed, with: rb, b1, b1 - 1),
                                    let bound = run.arcCostChange(of: move, state), let delta = run.delta(of: move, state)
                                else { continue }
                                var priced = delta.cost + run.loadPenalty(move.plans.0, in: ra, penalties, state)
                                if move.twoRoutes { priced += run.loadPenalty(move.plans.1, in: rb, penalties, state) }
                                #expect(bound <= priced, "seed \(seed) \(problem.name): \(ra):\(a1)-\(a2) to \(rb):\(b1)")
                                if run.routePenalty[ra] + (move.twoRoutes ? run.routePenalty[rb] : 0) > 0 { onViolatedRoutes += 1 }
                            }
                        }
                    }
                }
            }
        }
        #expect(onViolatedRoutes > 0, "seed \(seed): the descent left no route late or overloaded")
    }

    @Test func noBoundWhenRoutesPayForTime() {
        let oracle = MoveOracle(PaidTimeTests.paidTimeProblem(seed: 1), seed: 1)
        #expect(!oracle.search.costsFollowArcs)
        #expect(Self.exchanges(oracle).allSatisfy { $0.bound == nil })
    }

    /// One-way costs: a reversed pair is priced on its own arc, and still never above the delta.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func asymmetricCostsPriceReversedPairsOnTheirArc(seed: UInt64) {
        let base = SolverTests.randomProblem(jobs: 10, vehicles: 3, seed: seed, windows: true)
        let n = base.locationCount
        var profile = base.profiles[0]
        for k in profile.distance.indices where k / n < k % n { profile.distance[k] += 7_000 }
        profile.cost = profile.distance
        let problem = VRPProblem(
            name: base.name, locationCount: n, profiles: [profile], jobs: base.jobs, vehicles: base.vehicles, dimensions: base.dimensions,
            costScale: base.costScale)
        let oracle = MoveOracle(problem, seed: seed)
        #expect(oracle.search.costsFollowArcs && oracle.search.symmetricCostBases.isEmpty)
        let moves = Self.exchanges(oracle)
        #expect(moves.contains { $0.reversedRun == 2 && $0.bound != nil })
        for move in moves {
            guard let bound = move.bound, let delta = move.delta else { continue }
            #expect(bound <= delta, "seed \(seed)")
        }
    }
}
