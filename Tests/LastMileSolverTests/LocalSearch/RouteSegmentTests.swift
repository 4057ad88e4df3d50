import LastMileCore
import Testing

@testable import LastMileSolver

/// Concatenation is associative: any split of a random route into three runs, joined either way, gives the
/// summary of joining job by job.
@Suite struct RouteSegmentTests {
    @Test(arguments: [1, 2, 3] as [UInt64])
    func concatenationIsAssociative(seed: UInt64) {
        let problem = RichModelTests.richProblem(jobs: 12, seed: seed)
        let data = SolverData(problem)
        var random = SplitMix64(seed: seed)
        for trial in 0..<200 {
            let evaluator = LegEvaluator(vehicle: Int(random.next() % 2), data: data)
            let jobs = (0..<data.jobCount).shuffled(using: &random).prefix(3 + Int(random.next() % 9))
            let singles = jobs.map { evaluator.job($0, data) }
            func join(_ range: Range<Int>) -> RouteSegment {
                singles[range].dropFirst().reduce(singles[range.lowerBound]) { evaluator.concatenate($0, $1, data: data) }
            }
            let cut1 = 1 + Int(random.next() % UInt64(singles.count - 2))
            let cut2 = cut1 + 1 + Int(random.next() % UInt64(singles.count - cut1 - 1))
            let (a, b, c) = (join(0..<cut1), join(cut1..<cut2), join(cut2..<singles.count))
            let whole = join(0..<singles.count)
            let left = evaluator.concatenate(evaluator.concatenate(a, b, data: data), c, data: data)
            let right = evaluator.concatenate(a, evaluator.concatenate(b, c, data: data), data: data)
            #expect(left == whole && right == whole, "seed \(seed), trial \(trial): cuts \(cut1), \(cut2)")
            let loads = jobs.map { LoadSegment(job: $0, dimension: 0, data: data) }
            func joinLoads(_ range: Range<Int>) -> LoadSegment { loads[range].dropFirst().reduce(loads[range.lowerBound]) { $0.then($1) } }
            let (la, lb, lc) = (joinLoads(0..<cut1), joinLoads(cut1..<cut2), joinLoads(cut2..<loads.count))
            #expect(la.then(lb).then(lc) == joinLoads(0..<loads.count) && la.then(lb.then(lc)) == joinLoads(0..<loads.count), "seed \(seed), trial \(trial)")
        }
    }
}
