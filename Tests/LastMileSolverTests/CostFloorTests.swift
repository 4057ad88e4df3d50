import LastMileCore
import LastMileModel
import Testing

@testable import LastMileSolver

/// Cost floors (a carrier's day minimum, ``CostFloor``): the checker's top-up by hand, and the solver's answer
/// costed exactly as the checker costs it, floor included, on random problems where the floor binds.
@Suite struct CostFloorTests {
    /// Two vehicles at 0 serving jobs at 1 and 2 (arcs 10 and 20 each way), fixed cost 5 each, one floor of 100
    /// over both: one route 5 + 20 costs 25 and is topped up by 75; no route costs nothing.
    @Test func topUpByHand() {
        let jobs = [Job(id: "a", location: 1, demand: [1], service: 0, windows: [TimeWindow(earliest: 0, latest: 1000)]),
                    Job(id: "b", location: 2, demand: [1], service: 0, windows: [TimeWindow(earliest: 0, latest: 1000)])]
        let vehicles = (0..<2).map { Vehicle(id: "v\($0)", startLocation: 0, endLocation: 0, capacity: [10],
                                              shift: TimeWindow(earliest: 0, latest: 1000), fixedCost: 5, jobCharges: [3, 4]) }
        let travel: [Int64] = [0, 10, 20, 10, 0, 10, 20, 10, 0]
        let problem = VRPProblem(name: "floor", locationCount: 3, profiles: [TravelProfile(name: "p", time: travel, distance: travel)],
                                 jobs: jobs, vehicles: vehicles, dimensions: 1, costFloors: [CostFloor(vehicles: [0, 1], minimum: 100)])
        let one = PlanChecker.check(VRPSolution(routes: [[0], []], unassigned: [1]), for: problem)
        #expect(one.jobChargeCost == 3 && one.floorTopUpCost == 100 - (5 + 20 + 3) && one.cost == 100)
        let both = PlanChecker.check(VRPSolution(routes: [[0], [1]], unassigned: []), for: problem)
        #expect(both.floorTopUpCost == 100 - (5 + 20 + 3) - (5 + 40 + 4) && both.cost == 100)
        let none = PlanChecker.check(VRPSolution(routes: [[], []], unassigned: [0, 1]), for: problem)
        #expect(none.floorTopUpCost == 0 && none.cost == 0)
    }

    /// `PaidTimeTests.paidTimeProblem` (paid time, job charges) with a floor over its first two vehicles high
    /// enough to bind on some seeds: the solver's cost is the checker's.
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func solverCostEqualsTheChecker(seed: UInt64) {
        let base = PaidTimeTests.paidTimeProblem(seed: seed)
        let problem = VRPProblem(name: base.name, locationCount: base.locationCount, profiles: base.profiles, jobs: base.jobs,
                                 vehicles: base.vehicles, dimensions: base.dimensions, costFloors: [CostFloor(vehicles: [0, 1], minimum: 3_000_000)])
        let result = Solver.solve(problem, configuration: SolverConfiguration(seed: seed, iterations: 300))
        let report = PlanChecker.check(result.solution, for: problem)
        #expect(report.isFeasible, "seed \(seed): \(report.violations)")
        #expect(result.cost == report.cost, "seed \(seed): solver \(result.cost), checker \(report.cost) (top-up \(report.floorTopUpCost))")
    }
}
