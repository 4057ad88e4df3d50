import LastMileCore

/// Finds, for one job and one route, the feasible insertion that ejects the fewest-penalised jobs: at most
/// ``maximumEjected`` of them, the sum of their penalty counters as small as possible, ties to the lower
/// travel cost. Penalty counters (≥ 1) grow for jobs that are hard to place, so the search learns to eject
/// the easy ones.
///
/// The search runs through the route's positions in order (Nagata and Bräysy's lexicographic search),
/// keeping or ejecting each job and inserting the new one in one gap, with the schedule carried forward.
/// It stops a branch at the first kept job, after the insertion, whose start is no later than the route's
/// `latest` there (the rest of the route is unchanged and keeps its windows), and it deepens one ejection at
/// a time, so a cheap answer bounds the costly levels. Windows (several per job too) and time-dependent
/// legs are exact (``RouteState``'s forward and latest times); capacity is exact without pickups (the only
/// case it is used for: the load only falls, so the total decides); distance, duration and break limits
/// are confirmed with ``RouteState/keepsLimits(_:distanceDelta:data:)`` for each answer.
struct InsertionEjection {
    let data: SolverData
    let maximumEjected: Int
    /// Per job, how often it could not be placed (≥ 1).
    var penalties: [Int]
    /// The best answer so far in the current call.
    private var best: Ejection?
    // Scratch space of the depth-first search.
    private var ejectedPositions: [Int] = []
    private var removedDemand: [Int64] = []
    private var excess: [Int64] = []
    private var insertedAfter = 0
    private var suffixCost: [Int64] = []

    init(data: SolverData, maximumEjected: Int) {
        self.data = data
        self.maximumEjected = maximumEjected
        penalties = [Int](repeating: 1, count: data.jobCount)
    }

    /// The best ejection that lets `job` into one of `routes` (vehicles that can serve it), or `nil`.
    mutating func best(inserting job: Int, into routes: [Int], of state: SearchState) -> Ejection? {
        best = nil
        for limit in 1...maximumEjected {
            if let found = best, found.penalty < limit { break }
            for r in routes { search(job, into: state.routes[r], route: r, limit: limit) }
        }
        return best
    }

    private mutating func search(_ job: Int, into route: RouteState, route r: Int, limit: Int) {
        let dimensions = data.dimensions
        let count = route.jobs.count
        removedDemand = [Int64](repeating: 0, count: dimensions)
        excess = (0..<dimensions).map { d in
            route.loadAfter[d] + data.jobDemand[job * dimensions + d] - data.vehicleCapacity[r * dimensions + d]
        }
        // Ejecting every job could not make room: skip the route.
        if excess.indices.contains(where: { excess[$0] > route.loadAfter[$0] }) { return }
        suffixCost = [Int64](repeating: 0, count: count + 2)
        for i in stride(from: count, through: 0, by: -1) {
            suffixCost[i] = suffixCost[i + 1] + route.cost(route.location[i], route.location[i + 1], data)
        }
        ejectedPositions.removeAll(keepingCapacity: true)
        explore(
            job, route, r, limit: limit, position: 1, last: route.location[0], ready: route.earliest[0] + route.service[0],
            inserted: false, penalty: 0, cost: 0)
    }

    /// Carries the schedule to original position `position` (`count + 1` is the end depot), leaving the last
    /// kept stop at `last` at `ready`, with `cost` the travel cost so far.
    private mutating func explore(
        _ job: Int, _ route: RouteState, _ r: Int, limit: Int, position: Int, last: Int, ready: Int64, inserted: Bool,
        penalty: Int, cost: Int64
    ) {
        let count = route.jobs.count
        if !inserted {
            let here = data.jobLocation[job]
            if let start = data.earliestStart(job, arrivingAt: route.arrival(last, here, leaving: ready, data)) {
                insertedAfter = position - 1
                explore(
                    job, route, r, limit: limit, position: position, last: here, ready: start + data.jobService[job],
                    inserted: true, penalty: penalty, cost: cost + route.cost(last, here, data))
            }
            guard position <= count else { return }
        }
        let roomMade = excess.indices.allSatisfy { excess[$0] <= removedDemand[$0] }
        if position == count + 1 {
            if roomMade, route.arrival(last, route.location[position], leaving: ready, data) <= route.latest[position] {
                record(job, route, r, penalty: penalty, cost: cost + route.cost(last, route.location[position], data))
            }
            return
        }
        let here = route.location[position]
        if let start = data.earliestStart(Int(route.jobs[position - 1]), arrivingAt: route.arrival(last, here, leaving: ready, data)) {
            let reached = cost + route.cost(last, here, data)
            // The rest of the route is unchanged and keeps its windows: any further ejection costs more,
            // unless the route's limits refuse this answer.
            if inserted, roomMade, start <= route.latest[position],
                record(job, route, r, penalty: penalty, cost: reached + suffixCost[position])
            {
                return
            }
            explore(
                job, route, r, limit: limit, position: position + 1, last: here, ready: start + route.service[position],
                inserted: inserted, penalty: penalty, cost: reached)
        }
        let ejected = Int(route.jobs[position - 1])
        let raised = penalty + penalties[ejected]
        guard ejectedPositions.count < limit, best.map({ raised <= $0.penalty }) ?? true else { return }
        let dimensions = data.dimensions
        ejectedPositions.append(position)
        for d in 0..<dimensions { removedDemand[d] += data.jobDemand[ejected * dimensions + d] }
        explore(job, route, r, limit: limit, position: position + 1, last: last, ready: ready, inserted: inserted, penalty: raised, cost: cost)
        for d in 0..<dimensions { removedDemand[d] -= data.jobDemand[ejected * dimensions + d] }
        ejectedPositions.removeLast()
    }

    /// Keeps the current branch's answer when it beats the best and the route's limits allow it. Returns
    /// false when the limits refuse it.
    @discardableResult
    private mutating func record(_ job: Int, _ route: RouteState, _ r: Int, penalty: Int, cost: Int64) -> Bool {
        let costDelta = cost - route.travelCost
        if let best, (best.penalty, best.costDelta) <= (penalty, costDelta) { return true }
        var jobs: [Int32] = []
        jobs.reserveCapacity(route.jobs.count + 1 - ejectedPositions.count)
        var ejected: [Int] = []
        var next = 0
        for position in 1...(route.jobs.count + 1) {
            if position - 1 == insertedAfter { jobs.append(Int32(job)) }
            guard position <= route.jobs.count else { break }
            if next < ejectedPositions.count, ejectedPositions[next] == position {
                ejected.append(Int(route.jobs[position - 1]))
                next += 1
            } else {
                jobs.append(route.jobs[position - 1])
            }
        }
        guard route.keepsLimits(jobs, data: data) else { return false }
        best = Ejection(route: r, jobs: jobs, ejected: ejected, penalty: penalty, costDelta: costDelta)
        return true
    }
}
