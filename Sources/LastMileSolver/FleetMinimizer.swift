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
/// A removal that has not succeeded after `attemptShare` of the run (and at least the lower bound of
/// `attemptIterations`: iterations, with the pool jobs taken from it), or the upper bound (not for ruin and
/// recreate's last removal, ``isUncapped(usingPool:routesInUse:fewestRoutes:)``), gives up. With
/// ruin and recreate the next smallest route is tried once more (twice more for the last removal the
/// capacity bound allows, ``tries(usingPool:routesInUse:fewestRoutes:)``); then, or when the phase's `share`
/// of the run is spent, the phase ends, leaving the rest of the budget to distance. It ends at once when the routes
/// in use reach ``capacityBound(_:)``, which no removal can pass.
struct FleetMinimizer {
    let search: RuinAndRecreate
    let localSearch: LocalSearch?
    /// Share of the run (0…1, counted from its start) after which the phase ends.
    let share: Double
    /// Share of the run one removal may take once it has taken the range's lower bound of iterations; it
    /// never takes more than the upper bound.
    let attemptShare: Double
    let attemptIterations: ClosedRange<Int>
    /// Routes tried, smallest first, for one removal before the phase ends. The pool's failures stand: on
    /// Solomon, hierarchical, 5 s, seeds 1–2, a second try of 10 % of the run reached no fewer vehicles and left
    /// 0.86 and 0.87 % to the best-known distances at their counts, against 0.66 and 0.71 % with one. Ruin and
    /// recreate, on long routes, fails by chance: Gehring–Homberger R2_2_1, 30 s, seed 4 stayed at 5 vehicles
    /// with one try and reached the best-known 4 with a second.
    static let triesWithPool = 1
    static let triesWithRuinAndRecreate = 2

    /// Routes tried for the removal from `routesInUse` routes: with ruin and recreate, one more for the last
    /// removal ``capacityBound(_:)`` allows, where one vehicle fewer would reach it. Gehring–Homberger R2_2_1
    /// (bound 4, the best-known count), hierarchical, 30 s, two runs at a time: with two tries, 8 of 84 runs
    /// stayed at 5 vehicles (the second try failing after some 20,000 iterations); with three, none of 48.
    static func tries(usingPool: Bool, routesInUse: Int, fewestRoutes: Int) -> Int {
        if usingPool { return triesWithPool }
        return isLastRemoval(routesInUse: routesInUse, fewestRoutes: fewestRoutes) ? triesWithRuinAndRecreate + 1 : triesWithRuinAndRecreate
    }

    /// Whether removing one of `routesInUse` routes would reach `fewestRoutes`, the capacity bound: the last
    /// removal the phase tries.
    static func isLastRemoval(routesInUse: Int, fewestRoutes: Int) -> Bool {
        routesInUse == fewestRoutes + 1
    }

    /// Whether the removal from `routesInUse` routes may run past the upper bound of `attemptIterations`, to its
    /// share of the run: ruin and recreate's last removal ``capacityBound(_:)`` allows, after which no removal is
    /// left to spend the time on. Where the machine is fast, the cap used to end each try first: Gehring–Homberger
    /// R2_2_1, hierarchical, 30 s, seed 11 (2026-12-05, 3× the iterations a second of the machines before) tried
    /// three routes of 60,000 iterations each in 3.7 s, failed, and drove 5 vehicles for the rest of the run.
    static func isUncapped(usingPool: Bool, routesInUse: Int, fewestRoutes: Int) -> Bool {
        !usingPool && isLastRemoval(routesInUse: routesInUse, fewestRoutes: fewestRoutes)
    }

    /// When the local search of a shorter plan stops (the solver's time limit), if any.
    var deadline: Date? = nil
    /// The chain's SWAP* memo, for the local search of each shorter plan.
    var insertions = SwapStarInsertions()

    /// The solution with the fewest routes found, and the iteration count after the phase.
    ///
    /// - Parameters:
    ///   - progress: told the iteration count, the share of the run spent (0…1), nil once it is over.
    ///   - onRemoval: told of each route removed.
    func minimize(
        _ start: SearchState, from firstIteration: Int, progress: (Int) -> Double?, onRemoval: () -> Void = {},
        using random: inout SplitMix64
    ) -> (SearchState, Int) {
        var iteration = firstIteration
        var best = start
        var absences = [Int](repeating: 0, count: search.data.jobCount)
        let usesPool = EjectionPool.suits(start, search.data)
        // Routes whose removal failed since the last success.
        var failed = [Bool](repeating: false, count: start.routes.count)
        var (attemptStart, attemptFirstIteration) = (0.0, firstIteration)
        // Whether the attempt is ruin and recreate's last removal, ``isUncapped(usingPool:routesInUse:fewestRoutes:)``.
        var attemptUncapped = false
        func isDone(_ iteration: Int) -> Bool {
            guard let spent = progress(iteration) else { return true }
            let attempted = iteration - attemptFirstIteration
            return spent >= share || (attempted >= attemptIterations.upperBound && !attemptUncapped)
                || (spent - attemptStart >= attemptShare && attempted >= attemptIterations.lowerBound)
        }
        let fewestRoutes = Self.capacityBound(search.data)
        while let spent = progress(iteration), spent < share, best.routesInUse > fewestRoutes {
            guard failed.filter({ $0 }).count < Self.tries(usingPool: usesPool, routesInUse: best.routesInUse, fewestRoutes: fewestRoutes),
                let smallest = best.routes.indices.filter({ !best.routes[$0].isEmpty && !failed[$0] })
                .min(by: { (best.routes[$0].jobs.count, $0) < (best.routes[$1].jobs.count, $1) })
            else { break }
            (attemptStart, attemptFirstIteration) = (spent, iteration)
            attemptUncapped = Self.isUncapped(usingPool: usesPool, routesInUse: best.routesInUse, fewestRoutes: fewestRoutes)
            failed[smallest] = true
            var trial = best
            let removed = trial.routes[smallest].remove(positions: Array(trial.routes[smallest].jobs.indices), data: search.data)
            for job in removed { trial.routeOf[job] = -1 }
            trial.unassigned.append(contentsOf: removed)
            search.recreate(&trial, openRoutes: false, using: &random)
            if usesPool {
                guard EjectionPool(search: search).serveLeftOut(&trial, iteration: &iteration, until: isDone, using: &random)
                else { continue }
            } else {
                func weight(_ state: SearchState) -> Int { state.unassigned.reduce(0) { $0 + absences[$1] } }
                while !trial.unassigned.isEmpty, !isDone(iteration) {
                    var candidate = trial
                    _ = search.ruin(&candidate, growing: false, using: &random)
                    search.recreate(&candidate, openRoutes: false, using: &random)
                    if candidate.unassigned.count < trial.unassigned.count || weight(candidate) < weight(trial) {
                        trial = candidate
                    }
                    for job in trial.unassigned { absences[job] += 1 }
                    iteration += 1
                }
                guard trial.unassigned.isEmpty else { continue }
            }
            localSearch?.improve(&trial, until: deadline, insertions: insertions, using: &random)
            best = trial
            failed = [Bool](repeating: false, count: best.routes.count)
            onRemoval()
        }
        return (best, iteration)
    }

    /// The fewest routes whose vehicles could carry every job's demand, in each dimension the largest
    /// capacities first (at least 1). Only where every job is a delivery loaded at the start (no pickups, no
    /// shipments), so that a route's total demand must fit its vehicle; else 1.
    ///
    /// On the best-known vehicle counts of Solomon C1, C2, R204, R207, R208, R211 and Gehring–Homberger C2_2_1,
    /// R2_2_1 and RC1_2_1, where the removal that must fail took up to 2 s of a 5 s run and 6 s of a 30 s one.
    static func capacityBound(_ data: SolverData) -> Int {
        guard !data.hasPickups else { return 1 }
        let (dimensions, vehicles) = (data.dimensions, data.vehicleFixedCost.count)
        var fewest = 1
        for d in 0..<dimensions {
            let demand = (0..<data.jobCount).reduce(Int64(0)) { $0 + data.jobDemand[$1 * dimensions + d] }
            let capacities = (0..<vehicles).map { data.vehicleCapacity[$0 * dimensions + d] }.sorted(by: >)
            var (carried, routes) = (Int64(0), 0)
            while carried < demand, routes < capacities.count {
                carried += capacities[routes]
                routes += 1
            }
            fewest = max(fewest, routes)
        }
        return fewest
    }
}
