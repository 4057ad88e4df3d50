import LastMileCore
import LastMileModel
import Testing

@testable import LastMileSolver

/// ``SearchState/assignInPlace(_:)``, with which the annealing resets its candidate to the current solution.
@Suite struct StateAssignmentTests {
    @Test func assignedStateEqualsTheOther() {
        let problem = SolverTests.randomProblem(jobs: 25, vehicles: 5, seed: 41, windows: true)
        let data = SolverData(problem)
        // The first solution and one 300 iterations later: different routes.
        let solutions = [1, 300].map { Solver.solve(problem, configuration: SolverConfiguration(seed: 1, iterations: $0)).solution }
        var state = SearchState(data: data, routes: solutions[0].routes)
        let other = SearchState(data: data, routes: solutions[1].routes)
        #expect(!state.hasSameRoutes(as: other))
        state.assignInPlace(other)
        #expect(state.hasSameRoutes(as: other))
        #expect(state.unassigned == other.unassigned)
        #expect(state.objective(data) == other.objective(data))
        for r in state.routes.indices {
            #expect(state.routes[r].earliest == other.routes[r].earliest && state.routes[r].latest == other.routes[r].latest, "route \(r)")
            #expect(state.routes[r].variableCost == other.routes[r].variableCost, "route \(r)")
        }
        // The assigned state is its own: changing it leaves the other as it was.
        let before = other.solution
        let used = state.routes.indices.first { !state.routes[$0].isEmpty }!
        _ = state.routes[used].remove(positions: [0], data: data)
        #expect(other.solution == before)
    }
}
