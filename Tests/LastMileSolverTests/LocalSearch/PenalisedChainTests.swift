import LastMileCore
import LastMileModel
import LastMileTestSupport
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

    /// The arcs' share of a place, less what the route's violations cost now, never exceeds its priced cost,
    /// and the scan that turns places away on it puts every job where the scan pricing every place does, with
    /// the same random stream after, at cheap and at the first prices of infeasibility.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func placesTurnedAwayOnArcsNeverHoldTheBest(seed: UInt64) {
        var (turnedAway, onViolatedRoutes) = (0, 0)
        for problem in PenalisedSearchTests.instances(seed: seed) {
            let oracle = MoveOracle(problem, seed: seed)
            let recreation = RuinAndRecreate(problem: problem, configuration: SolverConfiguration(seed: seed))
            // The oracle's feasible solution, and where a chain at cheap prices leaves it (late or overloaded).
            var cheap = PenalisedSearchTests.cheapWeights(oracle.data)
            var (violated, chainRandom) = (oracle.state, SplitMix64(seed: seed))
            let chain = LocalSearch(data: oracle.data, neighbours: 8, penalties: true)
            var kept: LocalSearchRun? = nil
            for _ in 0..<5 {
                let from = violated
                _ = chain.iterate(&violated, from: from, recreation: recreation, weights: &cheap, keeping: &kept, using: &chainRandom)
            }
            for (start, weights) in [oracle.state, violated].flatMap({ start in
                [PenalisedSearchTests.cheapWeights(oracle.data), PenaltyWeights(data: oracle.data)].map { (start, $0) }
            }) {
                var random = SplitMix64(seed: seed)
                for _ in 0..<5 {
                    var ruined = start
                    _ = recreation.ruin(&ruined, using: &random)
                    let removed = ruined.unassigned
                    ruined.unassigned = []
                    let run = LocalSearchRun(search: oracle.search, state: ruined, penalties: weights.current)
                    for job in removed {
                        for r in ruined.routes.indices {
                            for after in 0...ruined.routes[r].jobs.count {
                                guard let added = run.insertionCost(of: job, into: r, after: after) else { continue }
                                let arcs = run.arcInsertionChange(of: job, into: r, after: after, ruined.routes[r].jobs)
                                #expect(arcs <= added, "seed \(seed) \(problem.name): job \(job) into \(r) after \(after)")
                                if arcs > 0 { turnedAway += 1 }
                                if run.routePenalty[r] > 0 { onViolatedRoutes += 1 }
                            }
                        }
                    }
                    var (bounded, every) = (ruined, ruined)
                    var (boundedRun, everyRun) = (run, run)
                    var (boundedRandom, everyRandom) = (random, random)
                    boundedRun.insertPriced(removed, into: &bounded, recreation: recreation, using: &boundedRandom)
                    everyRun.insertPriced(removed, into: &every, recreation: recreation, boundedByArcs: false, using: &everyRandom)
                    #expect(bounded.routes.map(\.jobs) == every.routes.map(\.jobs), "seed \(seed) \(problem.name)")
                    #expect(boundedRandom.next() == everyRandom.next(), "seed \(seed) \(problem.name)")
                }
            }
        }
        #expect(turnedAway > 0 && onViolatedRoutes > 0, "seed \(seed): \(turnedAway) places added arc cost, \(onViolatedRoutes) on late or overloaded routes")
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
            var kept: LocalSearchRun? = nil
            for _ in 0..<20 {
                var state = current
                let (priced, _) = search.iterate(&state, from: current, recreation: recreation, weights: &weights, keeping: &kept, using: &random)
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

    /// A run kept from one iteration to the next (``LocalSearchRun/reset(to:penalties:searching:)``) iterates as runs built
    /// afresh for each: the same routes and priced costs, with one candidate in three rejected, so that the
    /// kept run starts from routes other than the current solution's, and on routes long enough for SWAP*.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func aKeptRunIteratesAsFreshRuns(seed: UInt64) {
        let problems = PenalisedSearchTests.instances(seed: seed) + [SolverTests.randomProblem(jobs: 60, vehicles: 4, seed: seed, windows: true)]
        for problem in problems {
            let oracle = MoveOracle(problem, seed: seed)
            let recreation = RuinAndRecreate(problem: problem, configuration: SolverConfiguration(seed: seed))
            let search = LocalSearch(data: oracle.data, neighbours: 8, swapStar: true, penalties: true)
            func chain(keepingRuns: Bool) -> (routes: [[[Int32]]], priced: [PricedCost]) {
                var (weights, random, current) = (PenalisedSearchTests.cheapWeights(oracle.data), SplitMix64(seed: seed), oracle.state)
                var kept: LocalSearchRun? = nil
                var (routes, priced): ([[[Int32]]], [PricedCost]) = ([], [])
                for iteration in 0..<30 {
                    if !keepingRuns { kept = nil }
                    var state = current
                    priced.append(search.iterate(&state, from: current, recreation: recreation, weights: &weights, keeping: &kept, using: &random).0)
                    routes.append(state.routes.map(\.jobs))
                    if iteration % 3 != 2 { current = state }
                }
                return (routes, priced)
            }
            let (kept, fresh) = (chain(keepingRuns: true), chain(keepingRuns: false))
            #expect(kept.routes == fresh.routes, "seed \(seed) \(problem.name)")
            #expect(kept.priced == fresh.priced, "seed \(seed) \(problem.name)")
        }
    }

    /// SWAP*'s gate in the chain compares priced costs: below every cost (`Int64.min`) the iterations are
    /// those of a search without SWAP*, above every cost (`Int64.max`) those of an ungated one, step by step
    /// with the same random stream and prices; and SWAP* changes some iteration, so the gate matters.
    @Test func swapStarGateFollowsComparedCost() {
        var swapStarMattered = false
        // Long routes too, where SWAP* finds what the granular moves miss.
        let problems = (1...3 as ClosedRange<UInt64>).flatMap { seed in
            (PenalisedSearchTests.instances(seed: seed)
                + [true, false].map { SolverTests.randomProblem(jobs: 80, vehicles: 4, seed: seed, windows: $0) }).map { (seed, $0) }
        }
        for (seed, problem) in problems {
            let oracle = MoveOracle(problem, seed: seed)
            let recreation = RuinAndRecreate(problem: problem, configuration: SolverConfiguration(seed: seed))
            let on = LocalSearch(data: oracle.data, neighbours: 8, swapStar: true, penalties: true)
            let off = LocalSearch(data: oracle.data, neighbours: 8, swapStar: false, penalties: true)
            // Ten iterations of a chain that accepts every candidate.
            func chain(_ search: LocalSearch, gate: Int64?) -> [[[Int32]]] {
                var (weights, random, current) = (PenalisedSearchTests.cheapWeights(oracle.data), SplitMix64(seed: seed), oracle.state)
                var kept: LocalSearchRun? = nil
                return (0..<10).map { _ in
                    var state = current
                    _ = search.iterate(
                        &state, from: current, recreation: recreation, weights: &weights, swapStarBelow: gate, keeping: &kept, using: &random)
                    current = state
                    return state.routes.map(\.jobs)
                }
            }
            let label = "seed \(seed) \(problem.name)"
            let (ungated, without) = (chain(on, gate: nil), chain(off, gate: nil))
            #expect(chain(on, gate: .max) == ungated, "\(label)")
            #expect(chain(on, gate: .min) == without, "\(label)")
            if ungated != without { swapStarMattered = true }

            // The gate reads the priced cost, which counts the violations the plain objective leaves out.
            let penalties = PenalisedSearchTests.cheapWeights(oracle.data).current
            var state = oracle.state
            var random = SplitMix64(seed: seed)
            var weights = PenalisedSearchTests.cheapWeights(oracle.data)
            var fresh: LocalSearchRun? = nil
            _ = on.iterate(&state, from: oracle.state, recreation: recreation, weights: &weights, keeping: &fresh, using: &random)
            let run = LocalSearchRun(search: on, state: state, penalties: penalties)
            #expect(run.comparedObjective(state) == run.pricedCost(state).priced(by: penalties), "\(label)")
            #expect(LocalSearchRun(search: on, state: state).comparedObjective(state) == state.objective(oracle.data), "\(label)")
        }
        #expect(swapStarMattered, "seeds 1–3: SWAP* never changed an iteration")
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
    /// The fleet is final exactly where one vehicle more costs more than the whole plan: with the hierarchical
    /// objective's fixed costs, not with fixed costs of 1, and always when every vehicle is in use.
    @Test func fleetIsFinalOnlyWhereFixedCostsExceedThePlan() throws {
        var problem = SolverTests.randomProblem(jobs: 20, vehicles: 10, seed: 5, windows: true)
        for v in problem.vehicles.indices { problem.vehicles[v].fixedCost = 1_000_000 }
        let routes = Solver.solve(problem, configuration: SolverConfiguration(seed: 1, iterations: 200)).solution.routes
        let used = routes.filter { !$0.isEmpty }.count
        try #require(used > 1 && used < problem.vehicles.count, "seed 5: \(used) routes")
        let data = SolverData(problem)
        #expect(Solver.noLargerFleetPays(SearchState(data: data, routes: routes), data))

        var cheap = problem
        for v in cheap.vehicles.indices { cheap.vehicles[v].fixedCost = 1 }
        let cheapData = SolverData(cheap)
        #expect(!Solver.noLargerFleetPays(SearchState(data: cheapData, routes: routes), cheapData))

        // Every vehicle in use: there is no larger fleet.
        var full = cheap
        full.vehicles = routes.indices.filter { !routes[$0].isEmpty }.map { cheap.vehicles[$0] }
        let fullData = SolverData(full)
        #expect(Solver.noLargerFleetPays(SearchState(data: fullData, routes: routes.filter { !$0.isEmpty }), fullData))
    }

    /// On a final fleet the chain reshapes the routes and never drives more vehicles than it had, even priced
    /// without fixed costs, where a new route would be the cheapest place for a removed job.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func aFinalFleetOpensNoRoute(seed: UInt64) {
        var problem = SolverTests.randomProblem(jobs: 30, vehicles: 12, seed: seed, windows: true)
        for v in problem.vehicles.indices { problem.vehicles[v].fixedCost = 1_000_000 }
        let data = SolverData(problem)
        let routes = Solver.solve(problem, configuration: SolverConfiguration(seed: seed, iterations: 300)).solution.routes
        let recreation = RuinAndRecreate(problem: problem, configuration: SolverConfiguration(seed: seed))
        let search = LocalSearch(data: data, neighbours: 8, swapStar: true, penalties: true).withoutFixedCosts(of: problem)
        var weights = PenaltyWeights(data: search.data)
        var random = SplitMix64(seed: seed)
        var current = SearchState(data: data, routes: routes)
        let inUse = current.routes.indices.filter { !current.routes[$0].isEmpty }
        let fleet = inUse.count
        var opened = SearchState(data: data, routes: routes)
        var openedOnce = false
        var (keptFinal, keptFree): (LocalSearchRun?, LocalSearchRun?) = (nil, nil)
        for _ in 0..<30 {
            var state = current
            _ = search.iterate(
                &state, from: current, recreation: recreation, routeLimit: fleet, weights: &weights, keeping: &keptFinal, using: &random)
            #expect(state.routesInUse <= fleet, "seed \(seed)")
            current = state
            // The same iteration allowed to open routes does, which is what the final fleet forbids.
            var free = opened
            _ = search.iterate(&free, from: opened, recreation: recreation, weights: &weights, keeping: &keptFree, using: &random)
            if free.routes.contains(where: { !$0.isEmpty }) && free.routes.indices.contains(where: { !free.routes[$0].isEmpty && !inUse.contains($0) }) {
                openedOnce = true
            }
            opened = free
        }
        #expect(openedOnce, "seed \(seed): without fixed costs, an open fleet never started a route")
    }

    /// Two far jobs a ruin took out of a whole route, due at the same time on opposite sides of the depot,
    /// and one full route left: a fleet of two starts the emptied vehicle again (without a limit each job takes
    /// its own; frozen at the vehicles still in use, both would overload the full route).
    @Test(arguments: [(nil, 3), (2, 2), (1, 1)] as [(Int?, Int)])
    func aFinalFleetStartsAgainARouteTheRuinEmptied(routeLimit: Int?, routes: Int) throws {
        let problem = try SolomonReader.read(text: Self.emptiedRoute, name: "emptied", objective: .distance)
        let data = SolverData(problem)
        var configuration = SolverConfiguration(seed: 1)
        configuration.blinkRate = 0
        let recreation = RuinAndRecreate(problem: problem, configuration: configuration)
        let search = LocalSearch(data: data, neighbours: 3, penalties: true)
        var state = SearchState(data: data, routes: [[JobIndex(0), JobIndex(1)], [], []])
        var run = LocalSearchRun(search: search, state: state, penalties: PenaltyWeights(data: data).current)
        var random = SplitMix64(seed: 1)
        state.unassigned = []
        run.insertPriced([2, 3], into: &state, recreation: recreation, routeLimit: routeLimit, using: &random)
        #expect(state.unassigned.isEmpty && state.routesInUse == routes, "\(state.solution.routes)")
    }

    /// Three vehicles of capacity 2; jobs 1 and 2 fill one, jobs 3 and 4 are both due at 100 but 200 apart.
    static let emptiedRoute = """
        emptied

        VEHICLE
        NUMBER     CAPACITY
          3         2

        CUSTOMER
        CUST NO. X Y DEMAND READY DUE SERVICE

        0 0 0 0 0 1000 0
        1 10 0 1 0 1000 0
        2 11 0 1 0 1000 0
        3 0 100 1 100 100 0
        4 0 -100 1 100 100 0
        """

    /// Solomon C101 in whole units, as a VROOM client sends seconds (travel times rounded up, costs rounded):
    /// ten routes are a unit too tight, so the chain's optima are late or overloaded by turns, each on target
    /// in its own dimension. Both prices must rise until optima are feasible again; before, the chain never
    /// improved on its first solution (862, eleven routes, 2026-12-03).
    @Test func chainTradingLatenessForOverloadStillImproves() throws {
        let text = try SolomonReader.read(try SharedData.shared("benchmarks/solomon/C101.txt"), objective: .distance)
        let json = try VroomFormat.read(try ScaleInvarianceTests.vroomJSON(text, unit: text.costScale), name: "C101.json").problem
        var configuration = SolverConfiguration(seed: 1, iterations: 1500)
        configuration.penalisedSearch = true
        let result = Solver.solve(json, configuration: configuration)
        #expect(PlanChecker.check(result.solution, for: json).isFeasible)
        #expect(result.statistics.newBests > 0 && result.solution.routes.filter { !$0.isEmpty }.count == 10)
    }
}
