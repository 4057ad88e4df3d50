import LastMileCore
import LastMileModel
import Testing

@testable import LastMileSolver

/// The ruin's growth with long routes (``SolverConfiguration/ruinRouteShare``, ``SolverConfiguration/ruinLargestShare``):
/// by hand, and in the jobs a ruin removes from two routes of 50 jobs.
@Suite struct RuinGrowthTests {
    /// 100 jobs on a line (job k at location k + 1, travel |a − b|), two vehicles at location 0. Job 0 must be
    /// served by `bindingLatest` when given (a window narrower than the shifts), else every window is the shift.
    static func problem(bindingLatest: Int64?) -> VRPProblem {
        let n = 101
        let travel = (0..<n * n).map { Int64(abs($0 / n - $0 % n)) }
        let jobs = (0..<100).map { k in
            Job(id: "j\(k)", location: LocationIndex(k + 1), demand: [1], service: 0,
                windows: [TimeWindow(earliest: 0, latest: k == 0 ? bindingLatest ?? 100_000 : 100_000)])
        }
        let vehicles = (0..<2).map {
            Vehicle(id: "v\($0)", startLocation: 0, endLocation: 0, capacity: [100], shift: TimeWindow(earliest: 0, latest: 100_000), fixedCost: 0)
        }
        return VRPProblem(name: "two long routes", locationCount: n, profiles: [TravelProfile(name: "p", time: travel, distance: travel)],
                          jobs: jobs, vehicles: vehicles, dimensions: 1)
    }

    @Test func growthFollowsTheRoutesUpToTheLargestShare() {
        let binding = RuinAndRecreate(problem: Self.problem(bindingLatest: 500), configuration: SolverConfiguration())
        #expect(binding.ruinGrowth(averageRouteSize: 8, served: 100) == 1, "short routes keep SISR's sizes")
        #expect(binding.ruinGrowth(averageRouteSize: 30, served: 200) == 3, "share 1 × 30 / L_max 10")
        #expect(binding.ruinGrowth(averageRouteSize: 50, served: 100) == 2, "c̄ at most 0.2 × 100 = 20, twice SISR's 10")
        let free = RuinAndRecreate(problem: Self.problem(bindingLatest: nil), configuration: SolverConfiguration())
        #expect(free.ruinGrowth(averageRouteSize: 50, served: 100) == 1, "windows that do not bind keep SISR's sizes")
    }

    /// The most jobs one of 500 ruins removes from two routes of 50 jobs. Without growth at most two strings
    /// of 10 (L_max); with growth 2, strings of up to 20.
    static func mostRemoved(bindingLatest: Int64?, growing: Bool) -> Int {
        let search = RuinAndRecreate(problem: problem(bindingLatest: bindingLatest), configuration: SolverConfiguration())
        let routes = [Array(0..<50), Array(50..<100)].map { $0.map { JobIndex($0) } }
        let start = SearchState(data: search.data, routes: routes)
        var random = SplitMix64(seed: 3)
        return (0..<500).map { _ in
            var state = start
            return search.ruin(&state, growing: growing, using: &random).count
        }.max() ?? 0
    }

    @Test func longRoutesLoseLongerStringsWhereWindowsBind() {
        #expect(Self.mostRemoved(bindingLatest: 500, growing: true) > 20)
        #expect(Self.mostRemoved(bindingLatest: 500, growing: false) <= 20, "fleet minimisation's ruins")
        #expect(Self.mostRemoved(bindingLatest: nil, growing: true) <= 20)
    }
}
