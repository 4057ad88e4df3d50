import LastMileCore
import LastMileModel
import Testing

@testable import LastMileSolver

/// Fleet minimisation's ejection pool: the insertion-ejection search against brute force, judged by the plan
/// checker; the pool and its perturbation keep every route feasible and every job accounted for.
@Suite struct EjectionPoolTests {
    /// Tight windows and capacity (so that ejections are needed), two windows per job, and limits.
    static func instances(seed: UInt64) -> [VRPProblem] {
        var limited = SolverTests.randomProblem(jobs: 30, vehicles: 9, seed: seed, windows: true)
        for v in limited.vehicles.indices {
            limited.vehicles[v].maxDistance = 200_000
            limited.vehicles[v].maxDuration = 400_000
        }
        limited.name += " with distance and duration limits"
        return [
            SolverTests.randomProblem(jobs: 30, vehicles: 9, seed: seed, windows: true),
            SolverTests.twoWindowProblem(jobs: 30, vehicles: 9, seed: seed),
            limited,
        ]
    }

    /// A first solution of `problem`, with every route feasible.
    static func firstState(_ problem: VRPProblem, seed: UInt64) -> (RuinAndRecreate, SearchState) {
        let search = RuinAndRecreate(problem: problem, configuration: SolverConfiguration(seed: seed, iterations: 1))
        var state = SearchState(data: search.data)
        var random = SplitMix64(seed: seed)
        search.recreate(&state, blinks: false, using: &random)
        return (search, state)
    }

    /// For a job taken out of its route and random penalty counters, the search's answer in each other route
    /// has the smallest penalty sum, then the smallest travel-cost change, of every feasible way to eject at
    /// most two jobs and insert it (the plan checker judges), and it is such a way.
    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func ejectionIsTheBestOfEveryWay(seed: UInt64) {
        var found = [0, 0, 0]
        for problem in Self.instances(seed: seed) {
            let (search, state) = Self.firstState(problem, seed: seed)
            let data = search.data
            var random = SplitMix64(seed: seed ^ 0x5eed)
            var ejection = InsertionEjection(data: data, maximumEjected: 2)
            for j in ejection.penalties.indices { ejection.penalties[j] = 1 + Int(random.next() % 4) }
            for job in stride(from: 0, to: data.jobCount, by: 3) where state.routeOf[job] >= 0 {
                var without = state
                let home = Int(without.routeOf[job])
                _ = without.routes[home].remove(positions: [without.routes[home].jobs.firstIndex(of: Int32(job))!], data: data)
                without.routeOf[job] = -1
                without.unassigned.append(job)
                for r in without.routes.indices where r != home && !without.routes[r].isEmpty {
                    let label = "seed \(seed), \(problem.name), job \(job) into route \(r)"
                    let expected = Self.bruteForce(job, into: r, of: without, penalties: ejection.penalties, maximum: 2, problem: problem, data: data)
                    let answer = ejection.best(inserting: job, into: [r], of: without)
                    #expect(answer.map { [$0.penalty, Int($0.costDelta)] } == expected.map { [$0.penalty, Int($0.costDelta)] }, "\(label)")
                    guard let answer else { continue }
                    found[answer.ejected.count] += 1
                    #expect(Self.isFeasible(answer.jobs, route: r, of: without, problem: problem), "\(label): \(answer.jobs)")
                    #expect(Set(answer.jobs.map(Int.init) + answer.ejected) == Set(without.routes[r].jobs.map(Int.init) + [job]), "\(label)")
                }
            }
        }
        #expect(found.filter { $0 > 0 }.count >= 2, "seed \(seed): \(found) answers with 0, 1, 2 ejections")
    }

    /// The pool serves a removed route's jobs or gives up with them left out; either way every route stays
    /// feasible for the checker and every job is in exactly one route or left out.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func poolKeepsEveryRouteFeasible(seed: UInt64) {
        for problem in Self.instances(seed: seed) {
            var (search, state) = Self.firstState(problem, seed: seed)
            let data = search.data
            var random = SplitMix64(seed: seed)
            let smallest = state.routes.indices.filter { !state.routes[$0].isEmpty }.min { state.routes[$0].jobs.count < state.routes[$1].jobs.count }!
            let removed = state.routes[smallest].remove(positions: Array(state.routes[smallest].jobs.indices), data: data)
            for job in removed { state.routeOf[job] = -1 }
            state.unassigned += removed
            var iteration = 0
            let served = EjectionPool(search: search).serveLeftOut(
                &state, iteration: &iteration, until: { $0 >= 300 }, using: &random)
            let report = PlanChecker.check(state.solution, for: problem)
            #expect(report.isFeasible, "seed \(seed), \(problem.name): \(report.violations.prefix(3))")
            #expect(served == state.unassigned.isEmpty, "seed \(seed), \(problem.name)")
            var seen = [Int](repeating: 0, count: data.jobCount)
            for (r, route) in state.routes.enumerated() {
                for job in route.jobs {
                    seen[Int(job)] += 1
                    #expect(state.routeOf[Int(job)] == Int32(r), "seed \(seed), \(problem.name), job \(job)")
                }
            }
            for job in state.unassigned { seen[job] += 1 }
            #expect(seen.allSatisfy { $0 == 1 }, "seed \(seed), \(problem.name)")
        }
    }

    /// Every way to eject at most `maximum` of route `r`'s jobs and insert `job`: the feasible one with the
    /// smallest penalty sum, then travel-cost change.
    static func bruteForce(
        _ job: Int, into r: Int, of state: SearchState, penalties: [Int], maximum: Int, problem: VRPProblem, data: SolverData
    ) -> (penalty: Int, costDelta: Int64)? {
        let jobs = state.routes[r].jobs
        var best: (penalty: Int, costDelta: Int64)? = nil
        func consider(_ kept: [Int32], penalty: Int) {
            for position in 0...kept.count {
                var candidate = kept
                candidate.insert(Int32(job), at: position)
                guard isFeasible(candidate, route: r, of: state, problem: problem) else { continue }
                var route = state.routes[r]
                route.replaceJobs(candidate, data: data)
                let value = (penalty, route.travelCost - state.routes[r].travelCost)
                if best.map({ value < ($0.penalty, $0.costDelta) }) ?? true { best = value }
            }
        }
        func eject(from start: Int, kept: [Int32], removed: Int, penalty: Int) {
            consider(kept + jobs[start...], penalty: penalty)
            guard removed < maximum else { return }
            for i in start..<jobs.count {
                eject(from: i + 1, kept: kept + jobs[start..<i], removed: removed + 1, penalty: penalty + penalties[Int(jobs[i])])
            }
        }
        eject(from: 0, kept: [], removed: 0, penalty: 0)
        return best
    }

    /// Whether route `r` with `jobs` is feasible for the checker (the other routes as in `state`).
    static func isFeasible(_ jobs: [Int32], route r: Int, of state: SearchState, problem: VRPProblem) -> Bool {
        var routes = state.routes.map { $0.jobs.map { JobIndex($0) } }
        routes[r] = jobs.map { JobIndex($0) }
        let served = Set(routes.joined())
        let unassigned = JobIndex.all(problem.jobs.count).filter { !served.contains($0) }
        return PlanChecker.check(VRPSolution(routes: routes, unassigned: unassigned), for: problem).isFeasible
    }
}
