import Foundation
import LastMileCore
import LastMileModel
import LastMileTestSupport
import Testing

@testable import LastMileSolver

/// Small random instances and their optimum by brute force; the solver against it; move evaluation against
/// recomputation; the checker against hand-broken plans.
@Suite struct SolverTests {
    /// A random instance: `jobs` customers on a 100 × 100 square, one depot in the middle, `vehicles` vehicles.
    static func randomProblem(jobs: Int, vehicles: Int, seed: UInt64, windows: Bool) -> VRPProblem {
        var random = SplitMix64(seed: seed)
        var x = [50.0], y = [50.0]
        for _ in 0..<jobs {
            x.append(Double(random.next() % 100))
            y.append(Double(random.next() % 100))
        }
        var text = "random\n\nVEHICLE\nNUMBER     CAPACITY\n  \(vehicles)         40\n\nCUSTOMER\nCUST NO. X Y DEMAND READY DUE SERVICE\n\n"
        text += "0 50 50 0 0 1000 0\n"
        for i in 1...jobs {
            let ready = windows ? Int(random.next() % 300) : 0
            let due = windows ? ready + 150 + Int(random.next() % 300) : 1000
            text += "\(i) \(Int(x[i])) \(Int(y[i])) \(5 + random.next() % 15) \(ready) \(due) 10\n"
        }
        return try! SolomonReader.read(text: text, name: "random-\(seed)", objective: .distance)
    }

    /// `randomProblem` with every other job's window split in two, with a gap of a third in the middle.
    static func twoWindowProblem(jobs: Int, vehicles: Int, seed: UInt64) -> VRPProblem {
        var problem = randomProblem(jobs: jobs, vehicles: vehicles, seed: seed, windows: true)
        for index in stride(from: 0, to: problem.jobs.count, by: 2) {
            let window = problem.jobs[index].windows[0]
            let third = (window.latest - window.earliest) / 3
            problem.jobs[index].windows = [
                TimeWindow(earliest: window.earliest, latest: window.earliest + third),
                TimeWindow(earliest: window.latest - third, latest: window.latest + 100_000),
            ]
        }
        return problem
    }

    /// The optimum over every plan in at most two routes, judged by the plan checker: the most jobs served (all
    /// priorities equal), then the lowest cost. Enumerates every sequence of distinct jobs and every split of it
    /// into the first two vehicles; the empty plan is always feasible.
    static func bruteForce(_ problem: VRPProblem) -> (served: Int, cost: Int64) {
        var best = (served: 0, cost: Int64(0))
        var sequence: [JobIndex] = []
        func extend() {
            if sequence.count >= best.served {
                for split in 0...sequence.count {
                    var routes = [Array(sequence[..<split]), Array(sequence[split...])]
                    routes += Array(repeating: [], count: problem.vehicles.count - 2)
                    let unassigned = JobIndex.all(problem.jobs.count).filter { !sequence.contains($0) }
                    let report = PlanChecker.check(VRPSolution(routes: routes, unassigned: unassigned), for: problem)
                    if report.isFeasible, (-sequence.count, report.cost) < (-best.served, best.cost) {
                        best = (sequence.count, report.cost)
                    }
                }
            }
            for job in JobIndex.all(problem.jobs.count) where !sequence.contains(job) {
                sequence.append(job)
                extend()
                sequence.removeLast()
            }
        }
        extend()
        return best
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func findsTheBruteForceOptimum(seed: UInt64) throws {
        // Seeds above 5 split windows in two.
        let problem = seed > 5 ? Self.twoWindowProblem(jobs: 6, vehicles: 2, seed: seed)
            : Self.randomProblem(jobs: 6, vehicles: 2, seed: seed, windows: true)
        let optimum = Self.bruteForce(problem)
        let result = Solver.solve(problem, configuration: SolverConfiguration(seed: seed, iterations: 3000))
        let report = PlanChecker.check(result.solution, for: problem)
        #expect(report.isFeasible, "seed \(seed): \(report.violations)")
        let served = problem.jobs.count - result.solution.unassigned.count
        #expect(served == optimum.served, "seed \(seed): solver serves \(served), brute force \(optimum.served)")
        #expect(report.cost == optimum.cost, "seed \(seed): solver \(report.cost), brute force \(optimum.cost)")
        #expect(result.cost == report.cost, "seed \(seed): the solver's own cost \(result.cost), the checker's \(report.cost)")
    }

    /// Insertion deltas and feasibility equal a full recomputation by the checker, for every job and position.
    @Test(arguments: [false, true])
    func insertionDeltaEqualsRecomputation(twoWindows: Bool) throws {
        let problem = twoWindows ? Self.twoWindowProblem(jobs: 12, vehicles: 3, seed: 11)
            : Self.randomProblem(jobs: 12, vehicles: 3, seed: 11, windows: true)
        let result = Solver.solve(problem, configuration: SolverConfiguration(seed: 3, iterations: 50))
        var checked = 0
        for (v, jobs) in result.solution.routes.enumerated() {
            let data = SolverData(problem)
            var route = RouteState(vehicle: v, data: data)
            for job in jobs { route.insert(job.position, after: route.jobs.count, data: data) }
            for job in JobIndex.all(problem.jobs.count) where !jobs.contains(job) {
                for position in 0...jobs.count {
                    var routes = result.solution.routes.map { $0.filter { $0 != job } }
                    routes[v].insert(job, at: position)
                    let before = PlanChecker.check(VRPSolution(routes: [jobs], unassigned: []), for: single(problem, v)).travelCost
                    let after = PlanChecker.check(VRPSolution(routes: [routes[v]], unassigned: []), for: single(problem, v))
                    let delta = route.insertionDelta(of: job.position, after: position, data: data)
                    let timeFeasible = !after.violations.contains { $0.contains("window") || $0.contains("shift") }
                    #expect((delta != nil) == timeFeasible, "job \(job) at \(position) of vehicle \(v)")
                    if let delta { #expect(delta == after.travelCost - before) }
                    checked += 1
                }
            }
        }
        #expect(checked > 50)
    }

    /// The problem restricted to vehicle `v`, with every job, so that one route can be checked alone.
    private func single(_ problem: VRPProblem, _ v: Int) -> VRPProblem {
        var copy = problem
        copy.vehicles = [problem.vehicles[v]]
        return copy
    }

    /// The solver's O(n) shortest-duration formula equals the checker's search over simulated departures, for
    /// every insertion into every route, with one and two windows per job.
    @Test(arguments: [false, true])
    func routeDurationEqualsTheCheckersSearch(twoWindows: Bool) throws {
        var problem = twoWindows ? Self.twoWindowProblem(jobs: 14, vehicles: 3, seed: 17)
            : Self.randomProblem(jobs: 14, vehicles: 3, seed: 17, windows: true)
        let result = Solver.solve(problem, configuration: SolverConfiguration(seed: 2, iterations: 50))
        let data = SolverData(problem)
        var compared = 0
        for (v, jobs) in result.solution.routes.enumerated() {
            var route = RouteState(vehicle: v, data: data)
            for job in jobs { route.insert(job.position, after: route.jobs.count, data: data) }
            for job in JobIndex.all(problem.jobs.count) where !jobs.contains(job) {
                for position in 0...jobs.count where route.insertionDelta(of: job.position, after: position, data: data) != nil {
                    var sequence = jobs
                    sequence.insert(job, at: position)
                    let expected = PlanChecker.shortestDuration(of: sequence, vehicle: problem.vehicles[v], problem: problem)
                    #expect(route.shortestDuration(of: route.inserting(job.position, after: position), data: data) == expected, "job \(job) at \(position), vehicle \(v)")
                    compared += 1
                }
            }
        }
        #expect(compared > 20)
        // A limit below the shortest duration of a route makes the checker reject it, and the solver respect it.
        let longest = result.solution.routes.enumerated().filter { !$0.element.isEmpty }.compactMap {
            PlanChecker.shortestDuration(of: $0.element, vehicle: problem.vehicles[$0.offset], problem: problem)
        }.max()!
        for v in problem.vehicles.indices { problem.vehicles[v].maxDuration = longest - 1 }
        #expect(PlanChecker.check(result.solution, for: problem).violations.contains { $0.contains("over its limit") })
        // Twice the vehicles leave room to serve every job within the limit: leaving jobs out is no way out.
        problem.vehicles += problem.vehicles.map { vehicle in
            var twin = vehicle
            twin.id += "-twin"
            return twin
        }
        let limited = Solver.solve(problem, configuration: SolverConfiguration(seed: 2, iterations: 300))
        let limitedReport = PlanChecker.check(limited.solution, for: problem)
        #expect(limitedReport.isFeasible, "\(limitedReport.violations)")
        #expect(limited.solution.unassigned.isEmpty, "\(limited.solution.unassigned)")
    }

    @Test func windowsAreMergedAndSearched() {
        let merged = TimeWindow.normalized([
            TimeWindow(earliest: 50, latest: 60), TimeWindow(earliest: 0, latest: 10), TimeWindow(earliest: 5, latest: 20),
        ])
        #expect(merged == [TimeWindow(earliest: 0, latest: 20), TimeWindow(earliest: 50, latest: 60)])
        let job = Job(id: "a", location: 0, demand: [0], service: 0, windows: merged)
        #expect(job.earliestStart(arrivingAt: 15) == 15)
        #expect(job.earliestStart(arrivingAt: 30) == 50)
        #expect(job.earliestStart(arrivingAt: 61) == nil)
    }

    /// One vehicle, room for one of two jobs: the higher priority is served although the other is the cheaper
    /// detour (with equal priorities the cheaper one is served, so the outcome is the priorities' doing). An
    /// optional job whose detour costs more than leaving it out is left out.
    @Test func prioritiesAndOptionalJobs() throws {
        var problem = Self.randomProblem(jobs: 3, vehicles: 1, seed: 2, windows: false)
        problem.vehicles[0].capacity = [problem.jobs[0].demand[0] + problem.jobs[1].demand[0] - 1]
        func roundTrip(_ job: Int) -> Int64 {
            let depot = problem.vehicles[0].startLocation, stop = problem.jobs[job].location
            return problem.distance(depot, stop) + problem.distance(stop, depot)
        }
        try #require(roundTrip(0) != roundTrip(1))
        let (near, far): (JobIndex, JobIndex) = roundTrip(0) < roundTrip(1) ? (0, 1) : (1, 0)
        problem.jobs[2].demand = [0]
        problem.jobs[2].unassignedCost = 1
        let equal = Solver.solve(problem, configuration: SolverConfiguration(seed: 1, iterations: 200))
        #expect(equal.solution.routes[0] == [near])

        problem.jobs[far.position].priority = 10
        let result = Solver.solve(problem, configuration: SolverConfiguration(seed: 1, iterations: 200))
        #expect(result.solution.routes[0] == [far])
        #expect(result.solution.unassigned == [near, 2].sorted())
        problem.jobs[2].unassignedCost = 10_000_000
        let served = Solver.solve(problem, configuration: SolverConfiguration(seed: 1, iterations: 200))
        #expect(served.solution.routes[0].sorted() == [far, 2].sorted())
    }

    /// Orders served only from depots that stock them: every job goes to a vehicle from an allowed depot.
    @Test func allowedDepotsAreRespected() throws {
        var problem = try CordeauReader.read(try SharedData.shared("benchmarks/mdvrp_cordeau/p01"))
        for index in problem.jobs.indices { problem.jobs[index].allowedDepots = [LocationIndex(50 + index % 2), LocationIndex(52 + index % 2)] }
        problem.jobs[7].allowedDepots = [3]  // not a depot at all
        let result = Solver.solve(problem, configuration: SolverConfiguration(seed: 1, iterations: 300))
        let report = PlanChecker.check(result.solution, for: problem)
        #expect(report.isFeasible, "\(report.violations.prefix(3))")
        #expect(result.solution.unassigned == [7])
        #expect(UnassignedReason.explain(7, in: problem).contains("allowed"))
        var broken = result.solution
        // Job 1 may only leave from depots 51 and 53; put it (again) on a vehicle of depot 50.
        let fromDepot50 = try #require(problem.vehicles.firstIndex { $0.startLocation == 50 })
        broken.routes[fromDepot50].append(1)
        #expect(PlanChecker.check(broken, for: problem).violations.contains { $0.contains("not a depot allowed") })
    }

    @Test func sameSeedSameSolution() {
        let problem = Self.randomProblem(jobs: 30, vehicles: 5, seed: 21, windows: true)
        let a = Solver.solve(problem, configuration: SolverConfiguration(seed: 5, iterations: 300))
        let b = Solver.solve(problem, configuration: SolverConfiguration(seed: 5, iterations: 300))
        #expect(a.solution == b.solution)
        let c = Solver.solve(problem, configuration: SolverConfiguration(seed: 6, iterations: 300))
        #expect(PlanChecker.check(c.solution, for: problem).isFeasible)
    }

    /// The first solution never blinks: with blinks an empty vehicle could be skipped, a job left out, and the
    /// hierarchical objective's fleet minimisation (which starts only from a complete solution) skipped with
    /// it (Solomon, hierarchical, seed 1: R101, R103, R104, RC102, RC106 and RC202 among the 10 instances looked at).
    @Test(arguments: [1, 2, 3] as [UInt64])
    func firstSolutionServesEveryJobDespiteBlinks(seed: UInt64) {
        let problem = Self.randomProblem(jobs: 30, vehicles: 12, seed: seed, windows: true)
        var configuration = SolverConfiguration(seed: seed, iterations: 1)
        configuration.blinkRate = 0.5
        let result = Solver.solve(problem, configuration: configuration)
        #expect(result.initial?.unassigned == [], "seed \(seed)")
    }

    /// Parallel chains are deterministic for a seed (iteration stopping) and never worse than their first chain.
    @Test func parallelChainsAreDeterministic() {
        let problem = Self.randomProblem(jobs: 30, vehicles: 5, seed: 31, windows: true)
        var configuration = SolverConfiguration(seed: 9, iterations: 200)
        configuration.threads = 3
        let a = Solver.solve(problem, configuration: configuration)
        let b = Solver.solve(problem, configuration: configuration)
        #expect(a.solution == b.solution)
        #expect(a.iterations == 600)
        #expect(PlanChecker.check(a.solution, for: problem).isFeasible)
    }

    @Test func checkerRejectsBrokenPlans() {
        var problem = Self.randomProblem(jobs: 6, vehicles: 2, seed: 4, windows: false)
        for v in problem.vehicles.indices { problem.vehicles[v].capacity = [100] }
        let good = VRPSolution(routes: [[0, 1, 2], [3, 4, 5]], unassigned: [])
        #expect(PlanChecker.check(good, for: problem).isFeasible)
        let duplicate = VRPSolution(routes: [[0, 1, 2, 3], [3, 4, 5]], unassigned: [])
        #expect(PlanChecker.check(duplicate, for: problem).violations.contains { $0.contains("appears 2 times") })
        let missing = VRPSolution(routes: [[0, 1, 2], [3, 4]], unassigned: [])
        #expect(PlanChecker.check(missing, for: problem).violations.contains { $0.contains("neither served") })
        var small = problem
        small.vehicles[0].capacity = [10]
        #expect(PlanChecker.check(good, for: small).violations.contains { $0.contains("exceeds capacity") })
        var tight = problem
        tight.jobs[2].windows = [TimeWindow(earliest: 0, latest: 1)]
        #expect(PlanChecker.check(good, for: tight).violations.contains { $0.contains("after its window ends") })
    }

    /// The checker's numbers by hand: times divided by the speed factor and rounded to the nearest unit (halves
    /// away from zero), waiting for a window, the shift end, and the cost from the vehicle's rates.
    @Test func checkerArithmeticByHand() {
        let time: [Int64] = [0, 101, 0, 0, 0, 50, 75, 0, 0]  // 0 → 1: 101, 1 → 2: 50, 2 → 0: 75
        let distance: [Int64] = [0, 10, 0, 0, 0, 20, 30, 0, 0]
        let jobs = [
            Job(id: "a", location: 1, demand: [1], service: 5, windows: [TimeWindow(earliest: 0, latest: 1000)]),
            Job(id: "b", location: 2, demand: [1], service: 5, windows: [TimeWindow(earliest: 200, latest: 300)]),
        ]
        let van = Vehicle(
            id: "van", startLocation: 0, endLocation: 0, capacity: [2], shift: TimeWindow(earliest: 0, latest: 299), fixedCost: 1000,
            costPerDistance: 1, costPerTime: 2, speedFactor: 0.8
        )
        var problem = VRPProblem(
            name: "by hand", locationCount: 3, profiles: [TravelProfile(name: "car", time: time, distance: distance)], jobs: jobs,
            vehicles: [van], dimensions: 1
        )
        // Legs 126.25 → 126, 62.5 → 63, 93.75 → 94; b reached at 194, served from 200 to 205, back at 299.
        let plan = VRPSolution(routes: [[0, 1]], unassigned: [])
        let report = PlanChecker.check(plan, for: problem)
        #expect(report.isFeasible, "\(report.violations)")
        #expect(report.distance == 60 && report.travelCost == 60 + 2 * (126 + 63 + 94) && report.cost == report.travelCost + 1000)
        let shortest = PlanChecker.shortestDuration(of: [0, 1], vehicle: van, problem: problem)
        #expect(shortest == 293, "leaving at 6 reaches b as its window opens: \(String(describing: shortest))")
        problem.vehicles[0].shift.latest = 298
        #expect(PlanChecker.check(plan, for: problem).violations == ["vehicle van: returns at 299, after its shift ends at 298"])
        problem.vehicles[0].shift.latest = 299
        problem.jobs[1].windows = [TimeWindow(earliest: 0, latest: 193)]
        #expect(PlanChecker.check(plan, for: problem).violations.contains { $0.contains("job b is reached at 194") })
    }

    @Test func unservableJobsComeBackWithTheirReason() {
        var problem = Self.randomProblem(jobs: 5, vehicles: 2, seed: 8, windows: false)
        problem.jobs[1].demand = [1000]
        problem.jobs[2].windows = [TimeWindow(earliest: 2_000_000, latest: 2_000_001)]
        let result = Solver.solve(problem, configuration: SolverConfiguration(seed: 1, iterations: 100))
        #expect(result.solution.unassigned == [1, 2])
        #expect(UnassignedReason.explain(1, in: problem).contains("exceeds the capacity of every vehicle"))
        #expect(UnassignedReason.explain(2, in: problem).contains("cannot be reached"))
        #expect(PlanChecker.check(result.solution, for: problem).isFeasible)
    }

    /// Real benchmark instances: a short run is feasible by the independent checker.
    @Test(arguments: ["solomon/R101.txt", "solomon/RC208.txt", "cvrp_x/X-n101-k25.vrp", "homberger/solomon_format/C1_2_1.txt"])
    func benchmarkInstancesSolveFeasibly(path: String) throws {
        let url = try SharedData.shared("benchmarks/\(path)")
        let problem = path.hasSuffix(".vrp") ? try VRPLIBReader.read(url) : try SolomonReader.read(url, objective: .hierarchical)
        let result = Solver.solve(problem, configuration: SolverConfiguration(seed: 1, iterations: 200))
        let report = PlanChecker.check(result.solution, for: problem)
        #expect(report.isFeasible, "\(path): \(report.violations.prefix(3))")
        #expect(result.solution.unassigned.isEmpty)
    }
}
