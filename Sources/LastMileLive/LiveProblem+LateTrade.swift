import LastMileCore
import LastMileDomain
import LastMileModel

extension LiveProblem {
    /// Stops of `route` on vehicle `v` whose service starts after their window's true end (without the margin) in
    /// its schedule on `problem`; `nil` when the route has no schedule there.
    func lateStops(of route: [JobIndex], vehicle v: Int, on problem: VRPProblem) -> Int? {
        RouteSchedule(route: route, vehicle: problem.vehicles[v], problem: problem).map { lateStops(in: $0) }
    }

    /// Stops of `schedule` whose service starts after their window's true end.
    private func lateStops(in schedule: RouteSchedule) -> Int {
        schedule.visits.reduce(0) { $0 + ($1.start > Int64(jobOrders[$1.job.position].windowEnd.seconds) ? 1 : 0) }
    }

    /// `routes` with one late stop traded for others: taken out of a vehicle with several late stops and put back
    /// where the day has the fewest late stops, then the least added driving, itself up to `allowance` (s) after
    /// its window's end, every other stop keeping its window in `problem` (``problem`` or a variant); `nil` when no
    /// such move leaves fewer late stops than `routes`. A delayed van whose next stops are all a few minutes late then serves one of them
    /// later (or another vehicle does) and the others on time: fewer customers wait past their promise.
    ///
    /// Tries the first `candidates` late stops of each such vehicle; one exact schedule per place tried.
    func tradingLateStop(in routes: [[JobIndex]], on problem: VRPProblem, allowance: Int64, candidates: Int) -> [[JobIndex]]? {
        let late = routes.enumerated().map { lateStops(of: $1, vehicle: $0, on: problem) }
        let costs = routes.enumerated().map { RouteSchedule(route: $1, vehicle: problem.vehicles[$0], problem: problem)?.travelCost }
        var best: (late: Int, added: Int64, routes: [[JobIndex]])?
        for (v, route) in routes.enumerated() where (late[v] ?? 0) >= 2 {
            guard let schedule = RouteSchedule(route: route, vehicle: problem.vehicles[v], problem: problem), let before = costs[v] else { continue }
            let lateJobs = zip(schedule.visits, route).filter { $0.0.start > Int64(jobOrders[$0.1.position].windowEnd.seconds) }.map(\.1)
            for job in lateJobs.prefix(candidates) {
                var without = routes
                without[v].removeAll { $0 == job }
                guard let lateWithout = lateStops(of: without[v], vehicle: v, on: problem), lateWithout + 1 < late[v]!,
                      let costWithout = RouteSchedule(route: without[v], vehicle: problem.vehicles[v], problem: problem)?.travelCost else { continue }
                var relaxed = problem
                relaxed.jobs[job.position].windows[0].latest = Int64(jobOrders[job.position].windowEnd.seconds) + allowance
                for (w, other) in without.enumerated() {
                    guard w == v || late[w] != nil, let otherCost = w == v ? costWithout : costs[w],
                          fits(job, on: w, with: other, in: relaxed) else { continue }
                    let unchanged = late.indices.reduce(0) { $0 + ($1 == v || $1 == w ? 0 : late[$1] ?? 0) }
                    for position in 0...other.count {
                        var candidate = other
                        candidate.insert(job, at: position)
                        guard let timed = RouteSchedule(route: candidate, vehicle: relaxed.vehicles[w], problem: relaxed) else { continue }
                        let total = unchanged + lateStops(in: timed) + (w == v ? 0 : lateWithout)
                        let added = timed.travelCost - otherCost + costWithout - before
                        guard total < late.reduce(0, { $0 + ($1 ?? 0) }),
                              best.map({ (total, added) < ($0.late, $0.added) }) ?? true else { continue }
                        var traded = without
                        traded[w] = candidate
                        best = (total, added, traded)
                    }
                }
            }
        }
        return best?.routes
    }
}
