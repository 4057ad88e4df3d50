import LastMileCore
import LastMileModel
import LastMileTestSupport
import Testing

@testable import LastMileSolver

/// The annealing's counts (``SearchStatistics``): consistent with each other and with the policy, the same for
/// a seed and iteration count, summed over chains.
@Suite struct SearchStatisticsTests {
    static func run(_ policy: LocalSearchPolicy, threads: Int = 1, seed: UInt64 = 3) throws -> Solver.Result {
        let problem = try SolomonReader.read(SharedData.shared("benchmarks/solomon/RC208.txt"), objective: .distance)
        var configuration = SolverConfiguration(seed: seed, iterations: 300)
        configuration.localSearchPolicy = policy
        configuration.threads = threads
        return Solver.solve(problem, configuration: configuration)
    }

    /// Every candidate searched; a recreation that changed nothing is searched without effect, so it comes back
    /// at the current cost.
    @Test func searchingEveryCandidate() throws {
        let result = try Self.run(.always)
        let counts = result.statistics
        print("RC208, 300 iterations, seed 3, always: \(counts)")
        #expect(counts.candidates == 300 && counts.searched == 300)
        #expect(counts.unchangedRecreations > 0)
        #expect(counts.unchangedRecreations <= counts.searchedBackToCurrent)
        #expect(counts.searchedBackToCurrent < counts.searched)
        #expect(counts.newBests > 0 && counts.newBests <= counts.accepted && counts.accepted <= counts.candidates)
        #expect(try Self.run(.always).statistics == counts)
    }

    @Test func noSearchWithoutTheLocalSearch() throws {
        let counts = try Self.run(.off).statistics
        #expect(counts.candidates == 300 && counts.searched == 0 && counts.searchedBackToCurrent == 0)
        #expect(counts.accepted > 0)
    }

    /// Only candidates cheaper than the current solution are searched, so none comes back at its cost unless
    /// the search undid the improvement, which it cannot (it only lowers costs).
    @Test func improvingCandidatesNeverComeBack() throws {
        let counts = try Self.run(.improving).statistics
        #expect(counts.searched > 0 && counts.searched < counts.candidates)
        #expect(counts.searchedBackToCurrent == 0)
        #expect(counts.accepted >= counts.searched)
    }

    @Test func chainsAddUp() throws {
        let two = try Self.run(.always, threads: 2)
        #expect(two.statistics.candidates == 600)
        #expect(try Self.run(.always, threads: 2).statistics == two.statistics)
    }
}
