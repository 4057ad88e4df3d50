import LastMileModel
import Testing

@testable import LastMileSolver

/// Relocate (one and two jobs, also reversed) and swap (1-1, 2-1, 2-2), within and between routes: every
/// defined move's O(1) delta and feasibility equal the checker's recomputation.
@Suite struct ExchangeTests {
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func deltaEqualsTheChecker(seed: UInt64) {
        for problem in MoveOracle.instances(seed: seed) {
            let oracle = MoveOracle(problem, seed: seed)
            let run = oracle.run
            var outcomes = [0, 0]
            let routes = oracle.state.routes.indices
            for ra in routes {
                let na = run.segments[ra].count
                for a1 in stride(from: 1, through: na, by: 1) {
                    for a2 in a1...min(a1 + 1, na) {
                        for reversed in a2 > a1 ? [false, true] : [false] {
                            for rb in routes {
                                let nb = run.segments[rb].count
                                for b1 in 1...(nb + 1) {
                                    for b2 in (b1 - 1)...min(b1 + 1, nb) {
                                        guard let move = run.exchange(ra, a1, a2, reversed: reversed, with: rb, b1, b2) else { continue }
                                        let label = "exchange \(ra):\(a1)-\(a2)\(reversed ? "r" : "") with \(rb):\(b1)-\(b2)"
                                        outcomes[oracle.check(move, label) ? 1 : 0] += 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
            #expect(outcomes[0] > 0 && outcomes[1] > 0, "seed \(seed) \(problem.name): \(outcomes) infeasible/feasible moves")
        }
    }
}
