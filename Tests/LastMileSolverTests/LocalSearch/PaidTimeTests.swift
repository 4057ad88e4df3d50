import LastMileCore
import LastMileModel
import Testing

@testable import LastMileSolver

/// Paid time (``PaidTime``) and job charges (``Vehicle/jobCharges``) in the objective: the solver's O(1) costs — route summaries, local-search move
/// deltas, recreate's insertion deltas, the annealing's objective — equal the independent checker's
/// recomputation on random routes, seeded.
@Suite struct PaidTimeTests {
    /// `SolverTests.randomProblem` (times ×1000, shift 0…1 000 000) with a per-hour card on every vehicle: the
    /// rates differ per vehicle, overtime after a quarter of the shift on two of them, and a minimum that binds
    /// on short routes on the third. The first two also charge per job, differently for each job and vehicle
    /// (a card's per-stop, per-parcel and band prices), of the size of a few arcs; the third charges nothing.
    static func paidTimeProblem(seed: UInt64) -> VRPProblem {
        var problem = SolverTests.randomProblem(jobs: 10, vehicles: 3, seed: seed, windows: true)
        problem.vehicles[0].paidTime = PaidTime(costPerTime: 1, overtimeAfter: 250_000, overtimeExtraPerTime: 2)
        problem.vehicles[1].paidTime = PaidTime(costPerTime: 2, overtimeAfter: 300_000, overtimeExtraPerTime: 1)
        problem.vehicles[2].paidTime = PaidTime(costPerTime: 1, minimumRouteCost: 900_000)
        var random = SplitMix64(seed: seed &+ 77)
        for v in 0..<2 { problem.vehicles[v].jobCharges = problem.jobs.map { _ in Int64(random.next() % 60_000) } }
        return problem
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func exchangeDeltasEqualTheChecker(seed: UInt64) {
        let problem = Self.paidTimeProblem(seed: seed)
        let oracle = MoveOracle(problem, seed: seed)
        let run = oracle.run
        var outcomes = [0, 0]
        for ra in oracle.state.routes.indices {
            let na = run.segments[ra].count
            for a1 in stride(from: 1, through: na, by: 1) {
                for rb in oracle.state.routes.indices {
                    let nb = run.segments[rb].count
                    for b1 in 1...(nb + 1) {
                        for b2 in (b1 - 1)...min(b1, nb) {
                            guard let move = run.exchange(ra, a1, a1, reversed: false, with: rb, b1, b2) else { continue }
                            outcomes[oracle.check(move, "exchange \(ra):\(a1) with \(rb):\(b1)-\(b2)") ? 1 : 0] += 1
                        }
                    }
                }
            }
        }
        #expect(outcomes[1] > 0, "seed \(seed): \(outcomes) infeasible/feasible moves")
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func objectiveAndInsertionsEqualTheChecker(seed: UInt64) {
        let problem = Self.paidTimeProblem(seed: seed)
        let oracle = MoveOracle(problem, seed: seed)
        let data = oracle.data
        let state = oracle.state
        #expect(state.objective(data) - state.unassignedPenalty(data) == oracle.before.cost, "seed \(seed): objective vs checker")
        #expect(oracle.before.paidTimeCost > 0, "seed \(seed): paid time is priced")
        #expect(oracle.before.jobChargeCost > 0, "seed \(seed): job charges are priced")
        // Take each served job out and put it back at every feasible place: the O(1) delta equals the checker's.
        var checked = 0
        for r in state.routes.indices {
            for (k, job) in state.routes[r].jobs.enumerated() {
                var without = state
                _ = without.routes[r].remove(positions: [k], data: data)
                let base = PlanChecker.check(solution(without, adding: Int(job)), for: problem)
                for target in state.routes.indices {
                    for i in 0...without.routes[target].jobs.count {
                        guard without.routes[target].fits(Int(job), after: data.hasPickups ? i : 0, data: data),
                            let delta = without.routes[target].insertionDelta(of: Int(job), after: i, data: data)
                        else { continue }
                        var with = without
                        with.routes[target].insert(Int(job), after: i, data: data)
                        let after = PlanChecker.check(solution(with, adding: nil), for: problem)
                        guard after.isFeasible else { continue }
                        let emptyBefore = without.routes[target].isEmpty
                        let fixed = emptyBefore ? data.vehicleFixedCost[target] : 0
                        #expect(delta + fixed == after.cost - base.cost,
                                "seed \(seed): job \(job) into route \(target) after \(i): O(1) \(delta), checker \(after.cost - base.cost)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 0, "seed \(seed): no insertion checked")
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func solverCostEqualsTheChecker(seed: UInt64) {
        let problem = Self.paidTimeProblem(seed: seed)
        let result = Solver.solve(problem, configuration: SolverConfiguration(seed: seed, iterations: 300))
        let report = PlanChecker.check(result.solution, for: problem)
        #expect(report.isFeasible, "seed \(seed): \(report.violations)")
        #expect(result.cost == report.cost, "seed \(seed): solver \(result.cost), checker \(report.cost)")
    }

    /// Waiting costs money under paid time: on one job whose window opens late, the checker charges the wait
    /// unless the vehicle leaves late, and the shortest duration leaves as late as helps.
    @Test func paidDurationLeavesAsLateAsHelps() {
        let problem = VRPProblem(
            name: "late window", locationCount: 2, travelTime: [0, 10, 10, 0], travelCost: [0, 10, 10, 0],
            jobs: [Job(id: "a", location: 1, demand: [1], service: 5, windows: [TimeWindow(earliest: 100, latest: 120)])],
            vehicles: [Vehicle(id: "v", startLocation: 0, endLocation: 0, capacity: [10], shift: TimeWindow(earliest: 0, latest: 1000), fixedCost: 0,
                               paidTime: PaidTime(costPerTime: 3, overtimeAfter: 20, overtimeExtraPerTime: 4))],
            dimensions: 1)
        let report = PlanChecker.check(VRPSolution(routes: [[0]], unassigned: []), for: problem)
        // Duration 10 + 5 + 10 = 25: 20 normal units at 3, 5 overtime units at 3 + 4, arcs 20.
        #expect(report.paidTimeCost == 20 * 3 + 5 * 7)
        #expect(report.cost == 20 + 95)
    }

    /// A break taken while the driver would wait is not paid: the van must serve A (closing at 20) before B
    /// (opening at 100), so it waits 75 at B; its 30-unit break fits in that wait. Paid: 105 from loading to
    /// return, less the break; the return stays at 115.
    @Test func aBreakInPlaceOfWaitingIsNotPaid() {
        let travel: [Int64] = [0, 10, 10, 10, 0, 10, 10, 10, 0]
        let problem = VRPProblem(
            name: "break in the wait", locationCount: 3, travelTime: travel, travelCost: travel,
            jobs: [Job(id: "A", location: 1, demand: [1], service: 5, windows: [TimeWindow(earliest: 0, latest: 20)]),
                   Job(id: "B", location: 2, demand: [1], service: 5, windows: [TimeWindow(earliest: 100, latest: 120)])],
            vehicles: [Vehicle(id: "v", startLocation: 0, endLocation: 0, capacity: [10], shift: TimeWindow(earliest: 0, latest: 1000), fixedCost: 0,
                               breaks: [DriverBreak(id: "lunch", windows: [TimeWindow(earliest: 0, latest: 1000)], duration: 30)],
                               paidTime: PaidTime(costPerTime: 2))],
            dimensions: 1)
        let report = PlanChecker.check(VRPSolution(routes: [[0, 1]], unassigned: []), for: problem)
        #expect(report.isFeasible, "\(report.violations)")
        #expect(report.paidTimeCost == 2 * (105 - 30))
        let result = Solver.solve(problem, configuration: SolverConfiguration(seed: 1, iterations: 50))
        #expect(result.cost == report.cost && result.cost == 30 + 150)
    }

    /// Paid time on the rich model (breaks, a mixed fleet, shipments, loading time): the objective prices each
    /// route on its exact schedule, so the solver's cost is the checker's.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func withBreaksTheSolverCostEqualsTheChecker(seed: UInt64) {
        var problem = RichModelTests.richProblem(jobs: 12, seed: seed)
        for v in problem.vehicles.indices { problem.vehicles[v].paidTime = PaidTime(costPerTime: Int64(1 + v % 2), overtimeAfter: 200_000, overtimeExtraPerTime: 1) }
        #expect(problem.vehicles.contains { !$0.breaks.isEmpty })
        let result = Solver.solve(problem, configuration: SolverConfiguration(seed: seed, iterations: 300))
        let report = PlanChecker.check(result.solution, for: problem)
        #expect(report.isFeasible, "seed \(seed): \(report.violations)")
        #expect(result.cost == report.cost, "seed \(seed): solver \(result.cost), checker \(report.cost)")
    }

    private func solution(_ state: SearchState, adding job: Int?) -> VRPSolution {
        VRPSolution(routes: state.routes.map { $0.jobs.map { JobIndex($0) } },
                    unassigned: (state.unassigned + (job.map { [$0] } ?? [])).sorted().map { JobIndex($0) })
    }
}
