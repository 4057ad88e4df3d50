import LastMileCore
import LastMileModel
import Testing

@testable import LastMileSolver

/// Recreation's scan of a route (``SearchState/cheapestInsertion(of:intoRoute:fixed:below:data:blinkRate:random:)``),
/// which reads only the positions a job's windows leave open, against a scan of every position.
@Suite struct InsertionScanTests {
    /// Solved random instances with tight, loose and split windows, as states.
    static func states() -> [(name: String, data: SolverData, state: SearchState)] {
        [
            ("tight windows", SolverTests.randomProblem(jobs: 30, vehicles: 5, seed: 31, windows: true)),
            ("no windows", SolverTests.randomProblem(jobs: 30, vehicles: 5, seed: 32, windows: false)),
            ("two windows", SolverTests.twoWindowProblem(jobs: 30, vehicles: 5, seed: 33)),
        ].map { name, problem in
            let result = Solver.solve(problem, configuration: SolverConfiguration(seed: 5, iterations: 200))
            let data = SolverData(problem)
            return (name, data, SearchState(data: data, routes: result.solution.routes))
        }
    }

    /// Every position where the job fits by time lies in ``SearchState/timeFeasiblePositions(of:inRoute:data:)``.
    @Test func timeFeasiblePositionsHoldEveryPlaceThatFits() {
        var outside = 0
        for (name, data, state) in Self.states() {
            for r in state.routes.indices {
                let count = state.routes[r].jobs.count
                for job in 0..<data.jobCount where state.routeOf[job] != Int32(r) {
                    let (first, last) = state.timeFeasiblePositions(of: job, inRoute: r, data: data)
                    for i in 0...count {
                        let fits = state.routes[r].insertionDelta(of: job, after: i, data: data) != nil
                        if fits { #expect(first <= i && i <= last, "\(name): job \(job) fits after \(i) in route \(r), range \(first)...\(last)") }
                        if i < first || i > last { outside += 1 }
                    }
                }
            }
        }
        // The tight windows leave positions out; otherwise the scan would read them all.
        #expect(outside > 50)
    }

    /// The scan finds the place a scan of every position finds, blinks included, and leaves the random stream
    /// where that scan leaves it.
    @Test(arguments: [0.0, 0.3])
    func scanEqualsAScanOfEveryPosition(blinkRate: Double) {
        for (name, data, state) in Self.states() {
            for r in state.routes.indices {
                for job in 0..<data.jobCount where state.routeOf[job] != Int32(r) {
                    for bound in [nil, Int64(40_000)] as [Int64?] {
                        let seed = UInt64(r * 1000 + job)
                        var scanned = SplitMix64(seed: seed)
                        let found = state.cheapestInsertion(
                            of: job, intoRoute: r, fixed: 0, below: bound, data: data, blinkRate: blinkRate, random: &scanned)
                        var everywhere = SplitMix64(seed: seed)
                        var best: (cost: Int64, after: Int)? = nil
                        if state.routes[r].fits(job, after: 0, data: data) {
                            var limit = bound ?? Int64.max
                            for i in 0...state.routes[r].jobs.count {
                                if uniform(0, 1, &everywhere) < blinkRate { continue }
                                guard let delta = state.routes[r].insertionDelta(of: job, after: i, data: data), delta < limit else { continue }
                                (best, limit) = ((delta, i), delta)
                            }
                        }
                        #expect(found?.cost == best?.cost && found?.after == best?.after, "\(name): job \(job), route \(r)")
                        #expect(scanned.next() == everywhere.next(), "\(name): job \(job), route \(r): the stream moved differently")
                    }
                }
            }
        }
    }
}
