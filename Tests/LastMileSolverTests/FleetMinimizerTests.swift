import LastMileCore
import LastMileModel
import Testing

@testable import LastMileSolver

/// Fleet minimisation gives each route removal a share of the run; with ruin and recreate (long routes) a
/// failed removal tries the next smallest route, with the ejection pool (short routes) it ends the phase; at
/// the capacity bound the phase ends at once.
@Suite struct FleetMinimizerTests {
    /// Locations on a line, 10 apart, depot at 0. Job 0 (at 1) needs skill 1, which only vehicle 0 has, and
    /// fills it; two light jobs at 2 and `lastRoute` light jobs at 3 weigh 1 each. Three vehicles, each with a
    /// fixed cost: vehicle 0 of capacity 40, the others of `otherCapacity` (80: the capacity bound is 1 route).
    static func problem(lastRoute: Int, otherCapacity: Int64 = 80) -> VRPProblem {
        let locations = 4
        var matrix = [Int64](repeating: 0, count: locations * locations)
        for i in 0..<locations { for j in 0..<locations { matrix[i * locations + j] = Int64(10 * abs(i - j)) } }
        let open = [TimeWindow(earliest: 0, latest: 10_000)]
        var jobs = [Job(id: "heavy", location: 1, demand: [40], service: 0, windows: open, skills: [1])]
        for n in 0..<(2 + lastRoute) {
            jobs.append(Job(id: "light\(n + 1)", location: n < 2 ? 2 : 3, demand: [1], service: 0, windows: open))
        }
        let vehicles = (0..<3).map {
            Vehicle(
                id: "v\($0)", startLocation: 0, endLocation: 0, capacity: [$0 == 0 ? 40 : otherCapacity], shift: TimeWindow(earliest: 0, latest: 10_000),
                fixedCost: 1_000, skills: $0 == 0 ? [1] : [])
        }
        return VRPProblem(
            name: "one route that cannot go", locationCount: locations,
            profiles: [TravelProfile(name: "car", time: matrix, distance: matrix)], jobs: jobs, vehicles: vehicles, dimensions: 1)
    }

    static let limit = 10_000

    /// Fleet minimisation of routes [heavy], [light1, light2], [the other light jobs] over a run of ``limit``
    /// iterations, without local search; the phase may take 40 % of the run. The smallest route cannot be
    /// removed (no other vehicle has the skill), the next smallest can. Returns the answer, the iterations
    /// and the removals.
    static func minimize(
        lastRoute: Int, otherCapacity: Int64 = 80, attemptShare: Double, attemptIterations: ClosedRange<Int> = 0...60_000
    ) -> (SearchState, Int, Int) {
        let problem = problem(lastRoute: lastRoute, otherCapacity: otherCapacity)
        let search = RuinAndRecreate(problem: problem, configuration: SolverConfiguration(seed: 1, iterations: 1))
        let start = SearchState(
            data: search.data, routes: [[JobIndex(0)], [JobIndex(1), JobIndex(2)], (3..<(3 + lastRoute)).map { JobIndex($0) }])
        let minimizer = FleetMinimizer(
            search: search, localSearch: nil, share: 0.4, attemptShare: attemptShare, attemptIterations: attemptIterations)
        var removals = 0
        var random = SplitMix64(seed: 1)
        let (best, iterations) = minimizer.minimize(
            start, from: 0, progress: { $0 < limit ? Double($0) / Double(limit) : nil }, onRemoval: { removals += 1 },
            using: &random)
        #expect(PlanChecker.check(best.solution, for: problem).isFeasible)
        return (best, iterations, removals)
    }

    /// Long routes (34 jobs on 3 routes), ruin and recreate, 1 % of the run per attempt: the heavy route fails,
    /// the next succeeds; then the heavy route and the last one fail and the phase ends, long before its share.
    @Test func aFailedRemovalTriesTheNextRoute() {
        let (best, iterations, removals) = Self.minimize(lastRoute: 31, attemptShare: 0.01)
        #expect(removals == 1 && best.routesInUse == 2 && best.unassigned.isEmpty)
        #expect(best.routes[0].jobs == [0], "the heavy job stays on the only vehicle with its skill")
        #expect(iterations >= 3 * Self.limit / 100 && iterations <= 3 * Self.limit / 100 + 3, "\(iterations) iterations")
    }

    /// Short routes (6 jobs), the ejection pool: the heavy route fails for 1 % of the run and the phase ends.
    @Test func aFailedPoolEndsThePhase() {
        let (best, iterations, removals) = Self.minimize(lastRoute: 3, attemptShare: 0.01)
        #expect(removals == 0 && best.routesInUse == 3 && iterations == Self.limit / 100)
    }

    /// A short run: 1 % of it is 100 iterations, but an attempt takes at least 1,000 before the share ends it.
    @Test func anAttemptTakesItsLeastIterations() {
        let (best, iterations, removals) = Self.minimize(lastRoute: 3, attemptShare: 0.01, attemptIterations: 1_000...60_000)
        #expect(removals == 0 && best.routesInUse == 3 && iterations == 1_000)
    }

    /// An attempt that may take the whole phase spends it on the heavy route: the share per attempt is what
    /// lets the next route be tried.
    @Test(arguments: [3, 31])
    func anAttemptAsLongAsThePhaseRemovesNothing(lastRoute: Int) {
        let (best, iterations, removals) = Self.minimize(lastRoute: lastRoute, attemptShare: 1)
        #expect(removals == 0 && best.routesInUse == 3 && iterations == 4 * Self.limit / 10)
    }

    /// Vehicles of capacity 40 for 73 units of demand: 2 routes at least. Once the light routes are one, the
    /// phase ends without trying to remove another.
    @Test func thePhaseEndsAtTheCapacityBound() {
        let (best, iterations, removals) = Self.minimize(lastRoute: 31, otherCapacity: 40, attemptShare: 0.01)
        #expect(removals == 1 && best.routesInUse == 2 && best.unassigned.isEmpty)
        #expect(iterations >= Self.limit / 100 && iterations < 2 * Self.limit / 100, "\(iterations) iterations")
    }

    /// The last removal the capacity bound allows runs to its share of the run, past the cap on iterations (the
    /// setup of ``thePhaseEndsAtTheCapacityBound()``): the heavy route fails after 1 % of the run, not after the
    /// cap's 20 iterations, and the next route goes.
    @Test func theLastRemovalTheBoundAllowsIsNotCapped() {
        let (best, iterations, removals) = Self.minimize(lastRoute: 31, otherCapacity: 40, attemptShare: 0.01, attemptIterations: 0...20)
        #expect(removals == 1 && best.routesInUse == 2 && best.unassigned.isEmpty)
        #expect(iterations >= Self.limit / 100, "\(iterations) iterations")
        #expect(FleetMinimizer.isUncapped(usingPool: false, routesInUse: 3, fewestRoutes: 2))
        #expect(!FleetMinimizer.isUncapped(usingPool: false, routesInUse: 4, fewestRoutes: 2))
        #expect(!FleetMinimizer.isUncapped(usingPool: true, routesInUse: 3, fewestRoutes: 2))
    }

    /// The last removal the capacity bound allows tries a third route. Vehicles 0 and 1 (capacity 50, skills 1
    /// and 2) each carry a job of 40 only they can serve; vehicles 2 and 3 (capacity 80) carry 45 light jobs
    /// each: 170 units, 3 routes at least. The heavy routes, the smallest, cannot go; the third try, 1 % of
    /// the run, puts one light route into the others' room (10 + 10 + 35).
    @Test func theLastRemovalTheBoundAllowsTriesAThirdRoute() {
        let open = [TimeWindow(earliest: 0, latest: 10_000)]
        var jobs = (1...2).map { Job(id: "heavy\($0)", location: 1, demand: [40], service: 0, windows: open, skills: [$0]) }
        jobs += (0..<90).map { Job(id: "light\($0 + 1)", location: LocationIndex(2 + $0 / 45), demand: [1], service: 0, windows: open) }
        let vehicles = (0..<4).map {
            Vehicle(
                id: "v\($0)", startLocation: 0, endLocation: 0, capacity: [$0 < 2 ? 50 : 80], shift: TimeWindow(earliest: 0, latest: 10_000),
                fixedCost: 1_000, skills: $0 < 2 ? [$0 + 1] : [])
        }
        let matrix: [Int64] = [0, 10, 20, 30, 10, 0, 10, 20, 20, 10, 0, 10, 30, 20, 10, 0]
        let problem = VRPProblem(
            name: "the last removal", locationCount: 4, profiles: [TravelProfile(name: "car", time: matrix, distance: matrix)],
            jobs: jobs, vehicles: vehicles, dimensions: 1)
        let search = RuinAndRecreate(problem: problem, configuration: SolverConfiguration(seed: 1, iterations: 1))
        #expect(FleetMinimizer.capacityBound(search.data) == 3)
        let start = SearchState(
            data: search.data, routes: [[JobIndex(0)], [JobIndex(1)], (2..<47).map { JobIndex($0) }, (47..<92).map { JobIndex($0) }])
        let minimizer = FleetMinimizer(search: search, localSearch: nil, share: 0.4, attemptShare: 0.01, attemptIterations: 0...60_000)
        var random = SplitMix64(seed: 1)
        var removals = 0
        let (best, iterations) = minimizer.minimize(
            start, from: 0, progress: { $0 < Self.limit ? Double($0) / Double(Self.limit) : nil }, onRemoval: { removals += 1 },
            using: &random)
        #expect(removals == 1 && best.routesInUse == 3 && best.unassigned.isEmpty)
        #expect(best.routes[0].jobs.contains(0) && best.routes[1].jobs.contains(1), "the heavy jobs stay on the only vehicles with their skills")
        #expect(iterations >= 2 * Self.limit / 100 && iterations < 3 * Self.limit / 100, "\(iterations) iterations")
        #expect(PlanChecker.check(best.solution, for: problem).isFeasible)
        #expect(FleetMinimizer.tries(usingPool: false, routesInUse: 5, fewestRoutes: 3) == FleetMinimizer.triesWithRuinAndRecreate)
        #expect(FleetMinimizer.tries(usingPool: true, routesInUse: 4, fewestRoutes: 3) == FleetMinimizer.triesWithPool)
    }

    /// The largest capacities first, in every dimension; no bound with pickups.
    @Test func theCapacityBoundTakesTheLargestVehiclesInEachDimension() {
        func bound(_ demands: [[Int64]], _ capacities: [[Int64]], pickup: Bool = false) -> Int {
            let open = [TimeWindow(earliest: 0, latest: 100)]
            let jobs = demands.enumerated().map { n, demand in
                Job(id: "j\(n)", kind: pickup && n == 0 ? .pickup : .delivery, location: 1, demand: demand, service: 0, windows: open)
            }
            let vehicles = capacities.enumerated().map { n, capacity in
                Vehicle(id: "v\(n)", startLocation: 0, endLocation: 0, capacity: capacity, shift: TimeWindow(earliest: 0, latest: 100), fixedCost: 0)
            }
            let problem = VRPProblem(
                name: "bound", locationCount: 2, profiles: [TravelProfile(name: "car", time: [0, 1, 1, 0], distance: [0, 1, 1, 0])],
                jobs: jobs, vehicles: vehicles, dimensions: demands[0].count)
            return FleetMinimizer.capacityBound(SolverData(problem))
        }
        #expect(bound([[30], [30], [30]], [[40], [100], [40], [40]]) == 1)
        #expect(bound([[30], [30], [50]], [[40], [100], [40], [40]]) == 2)
        #expect(bound([[30, 1], [30, 1], [30, 1]], [[100, 1], [100, 1], [100, 1]]) == 3, "the second dimension binds")
        #expect(bound([[0], [0]], [[10], [10]]) == 1)
        #expect(bound([[30], [30], [50]], [[40], [100], [40], [40]], pickup: true) == 1)
    }
}
