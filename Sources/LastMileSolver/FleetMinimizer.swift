import Foundation
import LastMileCore

/// Removes whole routes while every job can still be served (SISR's fleet minimisation, after Christiaens and
/// Vanden Berghe 2020, section 4.4).
///
/// Take the best solution, empty its smallest route, and recreate its jobs without opening vehicles. Jobs
/// left out then go through Nagata and Bräysy's ejection pool (``EjectionPool``) where routes are short, else
/// through ruin-and-recreate: a candidate is accepted when it leaves fewer jobs out, or leaves out jobs that
/// were left out less often so far (absence counters steer the search to the hard jobs). Once no job is left
/// out, the solution has one vehicle fewer and the next route goes.
///
/// Solomon, hierarchical, 5 s, seed 1 (R1 and RC1): the pool reached the best-known vehicle count on 19 of
/// 20 instances, ruin and recreate on 15.
///
/// Each solution with one route fewer is improved by the local search, if any, before the next removal: a
/// shorter plan leaves more slack for the next route's jobs.
///
/// A removal that has not succeeded after `attemptIterations` iterations (with the pool: jobs taken from
/// it) ends the phase, leaving the rest of the budget to distance.
struct FleetMinimizer {
    let search: RuinAndRecreate
    let localSearch: LocalSearch?
    let attemptIterations: Int
    /// When the local search of a shorter plan stops (the solver's time limit), if any.
    var deadline: Date? = nil
    /// The chain's SWAP* memo, for the local search of each shorter plan.
    var insertions = SwapStarInsertions()

    /// The solution with the fewest routes found, and the iteration count after the phase.
    ///
    /// - Parameter isDone: told the iteration count, says when the phase's budget is spent.
    func minimize(
        _ start: SearchState, from firstIteration: Int, until isDone: (Int) -> Bool, using random: inout SplitMix64
    ) -> (SearchState, Int) {
        var iteration = firstIteration
        var best = start
        var absences = [Int](repeating: 0, count: search.data.jobCount)
        let usesPool = EjectionPool.suits(start, search.data)
        while !isDone(iteration) {
            guard let smallest = best.routes.indices.filter({ !best.routes[$0].isEmpty })
                .min(by: { (best.routes[$0].jobs.count, $0) < (best.routes[$1].jobs.count, $1) }),
                best.routes.filter({ !$0.isEmpty }).count > 1
            else { break }
            var trial = best
            let removed = trial.routes[smallest].remove(positions: Array(trial.routes[smallest].jobs.indices), data: search.data)
            for job in removed { trial.routeOf[job] = -1 }
            trial.unassigned.append(contentsOf: removed)
            search.recreate(&trial, openRoutes: false, using: &random)
            if usesPool {
                guard EjectionPool(search: search).serveLeftOut(
                    &trial, iteration: &iteration, attemptIterations: attemptIterations, until: isDone, using: &random)
                else { break }
                localSearch?.improve(&trial, until: deadline, insertions: insertions, using: &random)
                best = trial
                continue
            }
            func weight(_ state: SearchState) -> Int { state.unassigned.reduce(0) { $0 + absences[$1] } }
            var attempt = 0
            while !trial.unassigned.isEmpty, !isDone(iteration), attempt < attemptIterations {
                attempt += 1
                var candidate = trial
                _ = search.ruin(&candidate, using: &random)
                search.recreate(&candidate, openRoutes: false, using: &random)
                if candidate.unassigned.count < trial.unassigned.count || weight(candidate) < weight(trial) {
                    trial = candidate
                }
                for job in trial.unassigned { absences[job] += 1 }
                iteration += 1
            }
            guard trial.unassigned.isEmpty else { break }
            localSearch?.improve(&trial, until: deadline, insertions: insertions, using: &random)
            best = trial
        }
        return (best, iteration)
    }
}
