import LastMileCore
import LastMileModel
import Testing

@testable import LastMileSolver

/// Judges local-search moves against the independent checker: for a move, the O(1) delta and feasibility
/// must equal what ``PlanChecker`` recomputes from the whole solution before and after, and applying it must
/// leave the search state and summaries consistent with a fresh build.
struct MoveOracle {
    let problem: VRPProblem
    let data: SolverData
    let search: LocalSearch
    let state: SearchState
    let run: LocalSearchRun
    let before: PlanChecker.Report
    let seed: UInt64

    /// A random feasible solution of `problem`: a short ruin-and-recreate run without local search. With
    /// `spareVehicle`, the problem gets one more vehicle, a copy of the last, left empty.
    init(_ problem: VRPProblem, seed: UInt64, spareVehicle: Bool = false) {
        self.seed = seed
        var configuration = SolverConfiguration(seed: seed, iterations: 3)
        configuration.localSearchNeighbours = 0
        var result = Solver.solve(problem, configuration: configuration).solution
        var problem = problem
        if spareVehicle {
            var spare = problem.vehicles[problem.vehicles.count - 1]
            spare.id += "-spare"
            problem.vehicles.append(spare)
            result.routes.append([])
        }
        self.problem = problem
        data = SolverData(problem)
        search = LocalSearch(data: data, neighbours: 8)
        var state = SearchState(data: data)
        state.unassigned = result.unassigned.map(\.position)
        for (v, jobs) in result.routes.enumerated() {
            state.routes[v].replaceJobs(jobs.map { Int32($0.position) }, data: data)
            for job in jobs { state.routeOf[job.position] = Int32(v) }
        }
        self.state = state
        run = LocalSearchRun(search: search, state: state)
        before = PlanChecker.check(result, for: problem)
    }

    /// Checks `move`; returns whether it was feasible (so callers can count both outcomes).
    @discardableResult
    func check(_ move: Move, _ label: String) -> Bool {
        #expect(before.isFeasible, "seed \(seed): the starting solution \(before.violations)")
        var routes = state.routes.map { $0.jobs }
        routes[move.routes.0] = run.jobs(of: move.plans.0, state)
        if move.twoRoutes { routes[move.routes.1] = run.jobs(of: move.plans.1, state) }
        let solution = VRPSolution(routes: routes.map { $0.map { JobIndex($0) } }, unassigned: state.unassigned.map { JobIndex($0) })
        let after = PlanChecker.check(solution, for: problem)
        let delta = run.delta(of: move, state)
        let feasible = delta.map { run.isFeasible(move, distances: $0.distances, state) } ?? false
        #expect(feasible == after.isFeasible, "seed \(seed), \(label): O(1) says \(feasible), checker \(after.violations)")
        // The arc-cost bound never rejects what the summaries would accept, and is exact without time warp.
        if let bound = run.arcCostChange(of: move, state), let delta {
            #expect(bound <= delta.cost, "seed \(seed), \(label): arc bound \(bound) above the delta \(delta.cost)")
            if feasible { #expect(bound == delta.cost, "seed \(seed), \(label): arc bound \(bound), delta \(delta.cost)") }
        }
        if feasible, let delta {
            #expect(delta.cost == after.cost - before.cost, "seed \(seed), \(label): delta \(delta.cost), checker \(after.cost - before.cost)")
            var applied = state
            var appliedRun = run
            appliedRun.apply(move, &applied)
            #expect(applied.objective(data) - applied.unassignedPenalty(data) == after.cost, "seed \(seed), \(label): objective after the move")
            let fresh = LocalSearchRun(search: search, state: applied)
            for r in applied.routes.indices {
                #expect(appliedRun.segments[r].cost == fresh.segments[r].cost, "seed \(seed), \(label): route \(r) summary")
                for (k, job) in applied.routes[r].jobs.enumerated() {
                    #expect(applied.routeOf[Int(job)] == Int32(r) && appliedRun.positionOf[Int(job)] == k + 1, "seed \(seed), \(label)")
                }
            }
        }
        return feasible
    }

    /// The instances the operator tests run on: one window, two windows, the rich model (shipments, a
    /// pickup, breaks, a mixed fleet with a distance limit and loading time), and paid time with job charges
    /// that differ per vehicle.
    static func instances(seed: UInt64) -> [VRPProblem] {
        [
            SolverTests.randomProblem(jobs: 10, vehicles: 3, seed: seed, windows: true),
            SolverTests.twoWindowProblem(jobs: 10, vehicles: 3, seed: seed),
            RichModelTests.richProblem(jobs: 9, seed: seed),
            PaidTimeTests.paidTimeProblem(seed: seed),
        ]
    }
}
