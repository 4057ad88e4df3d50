@testable import LastMileSolver

/// The granular moves as values, for the tests that enumerate them: the search writes them into one `Move`
/// in place.
extension LocalSearchRun {
    func exchange(_ ra: Int, _ a1: Int, _ a2: Int, reversed: Bool, with rb: Int, _ b1: Int, _ b2: Int) -> Move? {
        var move = Move()
        return exchange(ra, a1, a2, reversed: reversed, with: rb, b1, b2, into: &move) ? move : nil
    }

    func twoOpt(_ r: Int, _ i: Int, _ j: Int) -> Move? {
        var move = Move()
        return twoOpt(r, i, j, into: &move) ? move : nil
    }

    func twoOptStar(_ ra: Int, _ i: Int, _ rb: Int, _ j: Int) -> Move? {
        var move = Move()
        return twoOptStar(ra, i, rb, j, into: &move) ? move : nil
    }
}
