import Foundation
import LastMileCore
import LastMileModel
import LastMileTestSupport
import Testing

@testable import LastMileSolver

/// Shipments, pickups, breaks, mixed fleets with their own profiles, speed factors and cost rates, distance
/// limits and loading times: the solver against brute force (judged by the independent checker), the break
/// scheduler and the shipment placements against recomputation.
@Suite struct RichModelTests {
    /// `SolverTests.randomProblem` turned into a last-mile day: jobs 0 → 1 a shipment, job 2 a pickup; vehicle 0
    /// a van that loads for 5 time units and takes a 30-unit break, vehicle 1 a slower cargo bike on its own
    /// profile with cheaper rates, a smaller capacity and a distance limit.
    static func richProblem(jobs: Int, seed: UInt64) -> VRPProblem {
        let base = SolverTests.randomProblem(jobs: jobs, vehicles: 2, seed: seed, windows: true)
        var random = SplitMix64(seed: seed &+ 99)
        let bike = TravelProfile(
            name: "bike", time: base.profiles[0].time.map { $0 * 3 / 2 }, distance: base.profiles[0].distance.map { $0 * 9 / 10 }
        )
        var problem = VRPProblem(
            name: base.name, locationCount: base.locationCount, profiles: [base.profiles[0], bike], jobs: base.jobs,
            shipments: [Shipment(pickup: 0, delivery: 1)], vehicles: base.vehicles, dimensions: 1, costScale: base.costScale
        )
        problem.jobs[0].kind = .pickup
        problem.jobs[1].demand = problem.jobs[0].demand
        problem.jobs[2].kind = .pickup
        let breakStart = Int64(100 + random.next() % 150) * 1000
        problem.vehicles[0] = Vehicle(
            id: "van", startLocation: 0, endLocation: 0, capacity: [40], shift: problem.vehicles[0].shift, fixedCost: 10_000,
            costPerDistance: 1, costPerTime: 1, loadingTime: 5000,
            breaks: [DriverBreak(id: "lunch", windows: [TimeWindow(earliest: breakStart, latest: breakStart + 60_000)], duration: 30_000)]
        )
        problem.vehicles[1] = Vehicle(
            id: "bike", startLocation: 0, endLocation: 0, capacity: [25], shift: problem.vehicles[1].shift, fixedCost: 2_000,
            costPerDistance: 1, costPerTime: 0, maxDistance: 250_000, profile: 1, speedFactor: 1.1
        )
        return problem
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func solverFindsTheBruteForceOptimum(seed: UInt64) {
        let problem = Self.richProblem(jobs: 6, seed: seed)
        let optimum = SolverTests.bruteForce(problem)
        let result = Solver.solve(problem, configuration: SolverConfiguration(seed: seed, iterations: 4000))
        let report = PlanChecker.check(result.solution, for: problem)
        #expect(report.isFeasible, "seed \(seed): \(report.violations)")
        let served = problem.jobs.count - result.solution.unassigned.count
        #expect(served == optimum.served, "seed \(seed): solver serves \(served), brute force \(optimum.served)")
        #expect(report.cost == optimum.cost, "seed \(seed): solver \(report.cost), brute force \(optimum.cost)")
        #expect(result.cost == report.cost, "seed \(seed): the solver's own cost \(result.cost), the checker's \(report.cost)")
    }

    /// The exact break placement agrees with the checker's enumeration of every placement, on random routes
    /// (several windows, two breaks), both ways: feasible and infeasible.
    @Test func breakSchedulingAgreesWithTheChecker() throws {
        var random = SplitMix64(seed: 5)
        var outcomes = [0, 0]
        var leftLater = 0
        for round in 0..<300 {
            var problem = SolverTests.twoWindowProblem(jobs: 7, vehicles: 1, seed: UInt64(round))
            let first = Int64(random.next() % 400) * 1000, second = first + Int64(random.next() % 300) * 1000
            problem.vehicles[0].breaks = [
                DriverBreak(id: "a", windows: [TimeWindow(earliest: first, latest: first + 40_000)], duration: 20_000),
                DriverBreak(id: "b", windows: [TimeWindow(earliest: second, latest: second + 40_000),
                                               TimeWindow(earliest: second + 200_000, latest: second + 260_000)], duration: 15_000),
            ]
            problem.vehicles[0].loadingTime = Int64(random.next() % 20) * 1000
            var route = JobIndex.all(problem.jobs.count).shuffled(using: &random)
            route.removeLast(Int(random.next() % 4))
            let schedule = RouteSchedule(route: route, vehicle: problem.vehicles[0], problem: problem)
            let report = PlanChecker.check(VRPSolution(routes: [route], unassigned: JobIndex.all(problem.jobs.count).filter { !route.contains($0) }), for: problem)
            let timeFeasible = !report.violations.contains { $0.contains("break") || $0.contains("shift") || $0.contains("window") }
            #expect((schedule != nil) == timeFeasible, "round \(round): \(report.violations)")
            if let schedule {
                // Every break inside its window, in order, and the visits consistent with travel times.
                for taken in schedule.breaks {
                    let driverBreak = problem.vehicles[0].breaks[taken.index]
                    #expect(driverBreak.windows.contains { $0.earliest <= taken.start && taken.start <= $0.latest })
                }
                #expect(schedule.breaks.map(\.index) == [0, 1])
                // Leaving as late as helps: same return, less idle time on the road, every start still in its window.
                let late = try #require(RouteSchedule(route: route, vehicle: problem.vehicles[0], problem: problem, leavingAsLateAsHelps: true))
                #expect(late.end == schedule.end && late.loadingStart >= schedule.loadingStart && late.travelTime == schedule.travelTime)
                for visit in late.visits {
                    #expect(problem.job(visit.job).windows.contains { $0.earliest <= visit.start && visit.start <= $0.latest })
                }
                leftLater += late.loadingStart > schedule.loadingStart ? 1 : 0
            }
            outcomes[schedule == nil ? 0 : 1] += 1
        }
        #expect(outcomes[0] > 20 && outcomes[1] > 20, "both outcomes exercised: \(outcomes)")
        #expect(leftLater > 10, "late departures exercised: \(leftLater)")
    }

    /// Every shipment placement the route reports is feasible with the reported delta, and every feasible
    /// placement (checked by the checker) is reported.
    @Test(arguments: [7, 8, 9] as [UInt64])
    func shipmentPlacementsEqualRecomputation(seed: UInt64) {
        var problem = Self.richProblem(jobs: 9, seed: seed)
        problem.vehicles[0].breaks = []
        problem.vehicles[1].maxDistance = nil
        let data = SolverData(problem)
        var random = SplitMix64(seed: seed)
        for v in 0..<2 {
            var route = RouteState(vehicle: v, data: data)
            let others = Array(2..<problem.jobs.count).shuffled(using: &random).prefix(5)
            for job in others where route.fits(job, after: route.jobs.count, data: data) {
                if route.insertionDelta(of: job, after: route.jobs.count, data: data) != nil {
                    route.insert(job, after: route.jobs.count, data: data)
                }
            }
            var reported: [[JobIndex]: Int64] = [:]
            route.shipmentPlacements(pickup: 0, delivery: 1, data: data, blinkRate: 0, random: &random) { placement in
                let jobs = placement.applied(to: route.jobs, pickup: 0, delivery: 1).map { JobIndex($0) }
                reported[jobs] = placement.delta
            }
            let before = PlanChecker.check(single(problem, v, route.jobs.map { JobIndex($0) }), for: singleProblem(problem, v)).travelCost
            for i in 0...route.jobs.count {
                for j in i...route.jobs.count {
                    let jobs = ShipmentPlacement(delta: 0, pickupAfter: i, deliveryAfter: j).applied(to: route.jobs, pickup: 0, delivery: 1)
                        .map { JobIndex($0) }
                    let report = PlanChecker.check(single(problem, v, jobs), for: singleProblem(problem, v))
                    let feasible = report.violations.allSatisfy { $0.contains("neither served") }
                    #expect((reported[jobs] != nil) == feasible, "vehicle \(v), \(jobs): \(report.violations)")
                    if let delta = reported[jobs] { #expect(delta == report.travelCost - before) }
                }
            }
        }
    }

    private func singleProblem(_ problem: VRPProblem, _ v: Int) -> VRPProblem {
        var copy = problem
        copy.vehicles = [problem.vehicles[v]]
        return copy
    }

    private func single(_ problem: VRPProblem, _ v: Int, _ jobs: [JobIndex]) -> VRPSolution {
        VRPSolution(routes: [jobs], unassigned: JobIndex.all(problem.jobs.count).filter { !jobs.contains($0) })
    }

    @Test func checkerRejectsBrokenShipmentsAndLoads() {
        let problem = Self.richProblem(jobs: 4, seed: 3)
        let others: [JobIndex] = [2, 3]
        let reversed = PlanChecker.check(VRPSolution(routes: [[1, 0] + others, []], unassigned: []), for: problem)
        #expect(reversed.violations.contains { $0.contains("delivered before it is picked up") })
        let split = PlanChecker.check(VRPSolution(routes: [[0] + others, [1]], unassigned: []), for: problem)
        #expect(split.violations.contains { $0.contains("not on the same vehicle") })
        var heavy = problem
        heavy.jobs[2].demand = [30]  // a pickup: on board from job 2 to the end, with the shipment's load
        heavy.jobs[0].demand = [20]
        heavy.jobs[1].demand = [20]
        let overloaded = PlanChecker.check(VRPSolution(routes: [[2, 0, 1, 3], []], unassigned: []), for: heavy)
        #expect(overloaded.violations.contains { $0.contains("exceeds capacity") && $0.contains("after job") })
    }

    @Test func depotOpeningHoursNarrowTheShift() throws {
        let vehicle = Vehicle(id: "v", startLocation: 9, endLocation: 9, capacity: [1], shift: TimeWindow(earliest: 6, latest: 20), fixedCost: 0)
        let depot = Depot(id: "mfc", location: 2, opening: TimeWindow(earliest: 8, latest: 18), loadingTime: 1)
        let based = try #require(depot.base(vehicle))
        #expect(based.shift == TimeWindow(earliest: 8, latest: 18) && based.loadingTime == 1 && based.startLocation == 2)
        let closed = Depot(id: "night", location: 3, opening: TimeWindow(earliest: 21, latest: 23), loadingTime: 0)
        #expect(closed.base(vehicle) == nil)
    }

    /// A VROOM input with shipments, a pickup, a break, two profiles, a speed factor, per-hour and per-km costs
    /// and a distance limit: solved, checked, and written in VROOM's shape (golden file).
    @Test func vroomMixedFleetMatchesGoldenSolution() throws {
        let input = try VroomFormatTests.input("mixed-fleet.json")
        let problem = input.problem
        #expect(problem.profiles.map(\.name) == ["bike", "car"] && problem.vehicles[1].profile == 0)
        #expect(problem.shipments.count == 2 && problem.jobs[1].kind == .pickup)
        #expect(problem.vehicles[0].costPerDistance == 100 * 3600 && problem.costScale == 3_600_000)
        let result = Solver.solve(problem, configuration: SolverConfiguration(seed: 1, iterations: 2000))
        let report = PlanChecker.check(result.solution, for: problem)
        #expect(report.isFeasible, "\(report.violations)")
        #expect(result.solution.unassigned.isEmpty)
        let output = VroomFormat.write(result.solution, for: input)
        try Golden.assertMatches(output, file: "solutions/vroom-mixed-fleet.solution.json")
        #expect(output.contains(#""type" : "break""#) && output.contains(#""type" : "pickup""#))
    }
}
