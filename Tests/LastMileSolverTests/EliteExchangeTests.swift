import Dispatch
import Synchronization
import LastMileCore
import LastMileModel
import LastMileTestSupport
import Testing

@testable import LastMileSolver

/// Parallel chains meeting to share their best solutions (``EliteExchange``): every chain at a meeting gets
/// the best offer, a finished chain holds no one up, and the solver stays deterministic for a seed.
@Suite struct EliteExchangeTests {
    static let data = SolverData(SolverTests.randomProblem(jobs: 8, vehicles: 3, seed: 5, windows: false))

    /// An offer with `unassigned` jobs left out of an empty plan, at `objective`.
    static func offer(chain: Int, objective: Int64, unassigned: Int = 0) -> EliteExchange.Offer {
        var state = SearchState(data: data)
        state.unassigned = Array(state.unassigned.prefix(unassigned))
        return EliteExchange.Offer(state: state, objective: objective, chain: chain)
    }

    /// The offers, each from a thread of its own at once; returns what each got back, in the same order.
    static func meet(_ offers: [EliteExchange.Offer], at exchange: EliteExchange) -> [EliteExchange.Offer] {
        threadPerItemMap(count: offers.count) { exchange.meet(offers[$0]) }
    }

    @Test func everyChainGetsTheBestOffer() {
        let exchange = EliteExchange(chains: 3)
        let first = Self.meet(
            [Self.offer(chain: 0, objective: 500), Self.offer(chain: 1, objective: 400), Self.offer(chain: 2, objective: 450)], at: exchange)
        #expect(first.map(\.chain) == [1, 1, 1])
        // Fewer unassigned jobs first, then the objective, then the lower chain.
        let second = Self.meet(
            [Self.offer(chain: 0, objective: 300, unassigned: 1), Self.offer(chain: 1, objective: 400), Self.offer(chain: 2, objective: 400)],
            at: exchange)
        #expect(second.map(\.chain) == [1, 1, 1])
    }

    /// A chain waiting at a meeting is released when the only other chain finishes instead of offering.
    @Test func aFinishedChainHoldsNoOneUp() {
        let exchange = EliteExchange(chains: 2)
        let got = Mutex<Int?>(nil)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            let elite = exchange.meet(Self.offer(chain: 0, objective: 100))
            got.withLock { $0 = elite.chain }
        }
        exchange.leave()
        group.wait()
        #expect(got.withLock { $0 } == 0)
        // Alone now, the chain meets no one and gets its own offer back at once.
        #expect(exchange.meet(Self.offer(chain: 0, objective: 90)).objective == 90)
    }

    /// With meetings, parallel chains take each other's better solutions, stay deterministic for a seed and
    /// iteration count, and end feasible.
    @Test func chainsShareTheirBestDeterministically() throws {
        let problem = try SolomonReader.read(SharedData.shared("benchmarks/solomon/RC208.txt"), objective: .distance)
        var configuration = SolverConfiguration(seed: 3, iterations: 300)
        configuration.threads = 2
        configuration.eliteExchanges = 3
        let shared = Solver.solve(problem, configuration: configuration)
        print("RC208, 2 chains × 300 iterations, seed 3, 3 meetings: cost \(shared.cost), \(shared.statistics)")
        #expect(shared.statistics.adoptedElites > 0 && shared.statistics.adoptedElites <= 3)
        #expect(Solver.solve(problem, configuration: configuration).solution == shared.solution)
        #expect(PlanChecker.check(shared.solution, for: problem).isFeasible)
        configuration.eliteExchanges = 0
        #expect(Solver.solve(problem, configuration: configuration).statistics.adoptedElites == 0)
    }
}
