import LastMileCore
import LastMileModel
import Testing

@testable import LastMileSolver

/// Moves that start a route in an empty twin of a vehicle: their O(1) delta and feasibility equal the checker's, the
/// descent splits a route when that pays, and a fleet at its limit starts none.
@Suite struct EmptyRouteMovesTests {
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func deltaEqualsTheChecker(seed: UInt64) {
        for problem in MoveOracle.instances(seed: seed) {
            let oracle = MoveOracle(problem, seed: seed, spareVehicle: true)
            var run = oracle.run
            var (moves, feasible) = (0, 0)
            for ru in oracle.state.routes.indices {
                guard let re = run.emptyTwin(of: ru), re != ru else { continue }
                let n = run.segments[ru].count
                for p in stride(from: 1, through: n, by: 1) {
                    let candidates: [(Move?, String)] = [
                        (run.exchange(ru, p, p, reversed: false, with: re, 1, 0), "relocate \(ru):\(p) to \(re)"),
                        (run.exchange(ru, p, min(p + 1, n), reversed: false, with: re, 1, 0), "relocate \(ru):\(p)… to \(re)"),
                        (run.twoOptStar(ru, p - 1, re, 1), "2-opt* \(ru):\(p - 1) into \(re)"),
                        (run.twoOptStar(ru, p, re, 1), "2-opt* \(ru):\(p) into \(re)"),
                    ]
                    for case let (move?, label) in candidates {
                        if oracle.check(move, label) { feasible += 1 }
                        moves += 1
                    }
                }
            }
            #expect(moves > 0 && feasible > 0, "seed \(seed) \(problem.name): \(moves) moves, \(feasible) feasible")
        }
    }

    /// One route must visit p (100, 0), u (0, 1) and n (100, 1) in that order (their windows), 400 long;
    /// u alone and p–n make 203. No move between used routes gets there; the move into the empty vehicle does.
    static let forcedRoute = """
        forced

        VEHICLE
        NUMBER     CAPACITY
          2         100

        CUSTOMER
        CUST NO. X Y DEMAND READY DUE SERVICE

        0 0 0 0 0 1000 0
        1 100 0 1 100 110 0
        2 0 1 1 200 210 0
        3 100 1 1 300 310 0
        """

    @Test(arguments: [true, false])
    func aRouteSplitsOnlyWhereRoutesMayOpen(opensRoutes: Bool) throws {
        let problem = try SolomonReader.read(text: Self.forcedRoute, name: "forced", objective: .distance)
        let data = SolverData(problem)
        var state = SearchState(data: data, routes: [[JobIndex(0), JobIndex(1), JobIndex(2)], []])
        let before = PlanChecker.check(state.solution, for: problem)
        let search = LocalSearch(data: data, neighbours: 2)
        var run = LocalSearchRun(search: search, state: state)
        run.routeLimit = opensRoutes ? nil : 1
        run.markChanged(state, since: nil)
        run.descend(&state, order: [0, 1, 2])
        let after = PlanChecker.check(state.solution, for: problem)
        #expect(after.isFeasible, "\(after.violations)")
        let used = state.routes.filter { !$0.isEmpty }.count
        if opensRoutes {
            #expect(used == 2 && after.cost < before.cost / 3 * 2, "\(state.solution.routes): \(after.cost) after, \(before.cost) before")
        } else {
            #expect(used == 1 && after.cost == before.cost, "\(state.solution.routes)")
        }
    }
}
