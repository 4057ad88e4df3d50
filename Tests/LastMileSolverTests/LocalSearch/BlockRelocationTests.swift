import LastMileCore
import LastMileModel
import Testing

@testable import LastMileSolver

/// Block relocation: a run of consecutive jobs moves whole into another route, to the place a scan that
/// rebuilds every candidate route from scratch prices lowest.
@Suite struct BlockRelocationTests {
    /// Brute force over every place and both orientations in the routes serving one of the nearest jobs of the
    /// run's ends: none is priced below the place chosen, at cheap and at the first prices of infeasibility.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func aRunGoesWhereRebuiltRoutesCostLeast(seed: UInt64) {
        var moved = 0
        for problem in PenalisedSearchTests.instances(seed: seed) {
            let oracle = MoveOracle(problem, seed: seed)
            let data = oracle.data
            let recreation = RuinAndRecreate(problem: problem, configuration: SolverConfiguration(seed: seed))
            for weights in [PenalisedSearchTests.cheapWeights(data), PenaltyWeights(data: data)] {
                let penalties = weights.current
                func compared(_ state: SearchState) -> Int64 {
                    let run = LocalSearchRun(search: oracle.search, state: state, penalties: penalties)
                    return run.segments.indices.reduce(0) { $0 + run.comparedCost(of: $1) }
                }
                var random = SplitMix64(seed: seed)
                for _ in 0..<8 {
                    var state = oracle.state
                    var run = LocalSearchRun(search: oracle.search, state: state, penalties: penalties)
                    guard run.relocateBlock(in: &state, recreation: recreation, maximumLength: 5, using: &random) else { continue }
                    moved += 1
                    let label = "seed \(seed) \(problem.name)"
                    let changed = state.routes.indices.filter { state.routes[$0].jobs != oracle.state.routes[$0].jobs }
                    #expect(changed.count == 2, "\(label): routes \(changed) changed")
                    guard changed.count == 2 else { continue }
                    let (source, target) = state.routes[changed[0]].jobs.count < oracle.state.routes[changed[0]].jobs.count
                        ? (changed[0], changed[1]) : (changed[1], changed[0])
                    let before = oracle.state.routes[source].jobs
                    let block = before.filter { !state.routes[source].jobs.contains($0) }
                    #expect((2...5).contains(block.count) && !state.routes[source].jobs.isEmpty, "\(label): moved \(block)")
                    let first = before.firstIndex(of: block[0])!
                    #expect(Array(before[first..<first + block.count]) == block, "\(label): \(block) was not a run of route \(source)")
                    #expect(state.routes.reduce(0) { $0 + $1.jobs.count } == oracle.state.routes.reduce(0) { $0 + $1.jobs.count }, "\(label)")
                    var rest = oracle.state
                    _ = rest.routes[source].remove(positions: Array(first..<first + block.count), data: data)
                    let ends = [block[0], block[block.count - 1]]
                    let candidates = Set(ends.flatMap { recreation.neighbours[Int($0)].prefix(recreation.configuration.insertionNeighbours) }
                        .map { Int(oracle.state.routeOf[Int($0)]) }).filter { $0 >= 0 && $0 != source }
                    #expect(candidates.contains(target), "\(label): route \(target) serves none of the nearest jobs")
                    let chosen = compared(state)
                    for t in candidates.sorted() where block.allSatisfy({ data.canServe(Int($0), by: t) }) {
                        for ordered in [block, Array(block.reversed())] {
                            for after in 0...rest.routes[t].jobs.count {
                                var other = rest
                                other.routes[t].replaceJobs(
                                    Array(rest.routes[t].jobs[..<after]) + ordered + Array(rest.routes[t].jobs[after...]), data: data)
                                guard other.routes[t].distance <= data.vehicleMaxDistance[t] else { continue }
                                #expect(chosen <= compared(other), "\(label): \(ordered) into \(t) after \(after)")
                            }
                        }
                    }
                }
            }
        }
        #expect(moved > 0, "seed \(seed): no run moved")
    }
}
