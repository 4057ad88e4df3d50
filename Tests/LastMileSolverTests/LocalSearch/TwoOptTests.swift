import LastMileModel
import Testing

@testable import LastMileSolver

/// 2-opt within a route and 2-opt* between routes: every defined move's O(1) delta and feasibility equal the
/// checker's recomputation.
@Suite struct TwoOptTests {
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func twoOptDeltaEqualsTheChecker(seed: UInt64) {
        var moves = 0
        for problem in MoveOracle.instances(seed: seed) {
            let oracle = MoveOracle(problem, seed: seed)
            for r in oracle.state.routes.indices {
                let n = oracle.run.segments[r].count
                for i in stride(from: 1, through: n, by: 1) {
                    for j in stride(from: i + 1, through: n, by: 1) {
                        guard let move = oracle.run.twoOpt(r, i, j) else { continue }
                        oracle.check(move, "2-opt \(r): \(i)-\(j)")
                        moves += 1
                    }
                }
            }
        }
        #expect(moves > 0, "seed \(seed)")
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func twoOptStarDeltaEqualsTheChecker(seed: UInt64) {
        for problem in MoveOracle.instances(seed: seed) {
            let oracle = MoveOracle(problem, seed: seed)
            var moves = 0
            for ra in oracle.state.routes.indices {
                for rb in oracle.state.routes.indices where rb != ra {
                    for i in stride(from: 1, through: oracle.run.segments[ra].count, by: 1) {
                        for j in stride(from: 1, through: oracle.run.segments[rb].count, by: 1) {
                            guard let move = oracle.run.twoOptStar(ra, i, rb, j) else { continue }
                            oracle.check(move, "2-opt* \(ra):\(i) \(rb):\(j)")
                            moves += 1
                        }
                    }
                }
            }
            #expect(moves > 0, "seed \(seed) \(problem.name)")
        }
    }
}
