import LastMileCore

/// Nagata and Bräysy's ejection pool (2009, "A powerful route minimization heuristic for the vehicle routing
/// problem with time windows", without the squeeze): serves the jobs a removed route leaves out in the
/// other used routes, one at a time, last in first out.
///
/// A job goes to its cheapest feasible place when it has one. Otherwise its penalty counter grows, it
/// enters the route that ejects the least-penalised jobs for it (``InsertionEjection``), the ejected jobs
/// join the pool, and a random walk of feasible moves (``perturbationMoves`` relocations and exchanges
/// with near jobs) reshapes the solution so that the next insertion finds other room.
///
/// Problems without pickups only: capacity is then a route's total (``InsertionEjection``). Where it is used:
/// ``suits(_:_:)``.
struct EjectionPool {
    let search: RuinAndRecreate
    /// Jobs one insertion may eject.
    static let maximumEjected = 3
    /// Random moves tried after each ejection (Nagata and Bräysy's I_rand).
    static let perturbationMoves = 1000
    /// Near jobs a perturbation move pairs a job with.
    static let perturbationNeighbours = 20

    var data: SolverData { search.data }

    /// Whether fleet minimisation should use the pool for `state`: without pickups, on short routes (fewer than
    /// ``LocalSearchPolicy/longRoute`` jobs each on average). On long routes the ejections and the random walk
    /// leave routes the annealing reshapes too slowly: Solomon R2 and RC2, hierarchical, 5 s, seed 1, reached
    /// the same vehicle counts as ruin and recreate with gaps of 3.20 and 2.14 % against 1.20 and 3.01 %, the
    /// R2 instances all worse.
    static func suits(_ state: SearchState, _ data: SolverData) -> Bool {
        let used = state.routesInUse
        return !data.hasPickups && state.routeOf.count - state.unassigned.count < LocalSearchPolicy.longRoute * used
    }

    /// Serves every job left out of `state` in its used routes, counting one iteration per job taken from
    /// the pool. Returns whether it did before `isDone`; else `state` leaves the pool's jobs out (its routes
    /// still feasible).
    func serveLeftOut(
        _ state: inout SearchState, iteration: inout Int, until isDone: (Int) -> Bool, using random: inout SplitMix64
    ) -> Bool {
        var pool = state.unassigned
        state.unassigned.removeAll()
        var ejection = InsertionEjection(data: data, maximumEjected: Self.maximumEjected)
        var routes: [Int] = []
        while let job = pool.last {
            guard !isDone(iteration) else {
                state.unassigned = pool
                return false
            }
            iteration += 1
            pool.removeLast()
            routes.removeAll(keepingCapacity: true)
            for r in state.routes.indices where !state.routes[r].isEmpty && data.canServe(job, by: r) { routes.append(r) }
            var cheapest: (cost: Int64, route: Int, after: Int)? = nil
            for r in routes {
                if let found = state.cheapestInsertion(
                    of: job, intoRoute: r, fixed: 0, below: cheapest?.cost, data: data, blinkRate: 0, random: &random)
                {
                    cheapest = (found.cost, r, found.after)
                }
            }
            if let cheapest {
                state.routes[cheapest.route].insert(job, after: cheapest.after, data: data)
                state.routeOf[job] = Int32(cheapest.route)
                continue
            }
            ejection.penalties[job] += 1
            if let found = ejection.best(inserting: job, into: routes, of: state) {
                state.routes[found.route].replaceJobs(found.jobs, data: data)
                state.routeOf[job] = Int32(found.route)
                for ejected in found.ejected { state.routeOf[ejected] = -1 }
                pool.append(contentsOf: found.ejected)
            } else {
                // No route takes it even with ejections: it waits at the bottom of the pool.
                pool.insert(job, at: 0)
            }
            perturb(&state, using: &random)
        }
        return true
    }

    /// Tries ``perturbationMoves`` random moves of a served job next to a near job in another route (relocate
    /// after it, or exchange with it) and applies each one that keeps both routes feasible, whatever its cost.
    /// Windows and capacity are checked in O(1) on the routes' earliest and latest times; vehicles with limits
    /// confirm on the whole route.
    func perturb(_ state: inout SearchState, using random: inout SplitMix64) {
        let jobCount = data.jobCount
        let dimensions = data.dimensions
        guard jobCount > 1 else { return }
        for _ in 0..<Self.perturbationMoves {
            let u = Int(random.next() % UInt64(jobCount))
            let near = search.neighbours[u].prefix(Self.perturbationNeighbours)
            guard !near.isEmpty else { continue }
            let w = Int(near[near.startIndex + Int(random.next() % UInt64(near.count))])
            let (ru, rw) = (Int(state.routeOf[u]), Int(state.routeOf[w]))
            guard ru >= 0, rw >= 0, ru != rw, data.canServe(u, by: rw) else { continue }
            let relocates = random.next() % 2 == 0
            let at = state.routes[ru].jobs.firstIndex(of: Int32(u))! + 1
            let to = state.routes[rw].jobs.firstIndex(of: Int32(w))! + 1
            if relocates {
                guard state.routes[ru].jobs.count > 1, state.routes[ru].keepsWindows(replacingAt: at, with: nil, data),
                    state.routes[rw].fits(u, after: 0, data: data), state.routes[rw].insertionDelta(of: u, after: to, data: data) != nil
                else { continue }
            } else {
                guard data.canServe(w, by: ru), state.routes[ru].keepsWindows(replacingAt: at, with: w, data),
                    state.routes[rw].keepsWindows(replacingAt: to, with: u, data),
                    (0..<dimensions).allSatisfy({ d in
                        let change = data.jobDemand[w * dimensions + d] - data.jobDemand[u * dimensions + d]
                        return state.routes[ru].loadAfter[d] + change <= data.vehicleCapacity[ru * dimensions + d]
                            && state.routes[rw].loadAfter[d] - change <= data.vehicleCapacity[rw * dimensions + d]
                    })
                else { continue }
            }
            var (left, right) = (state.routes[ru].jobs, state.routes[rw].jobs)
            if relocates {
                left.remove(at: at - 1)
                right.insert(Int32(u), at: to)
            } else {
                (left[at - 1], right[to - 1]) = (right[to - 1], left[at - 1])
            }
            guard state.routes[ru].keepsLimits(left, data: data), state.routes[rw].keepsLimits(right, data: data) else { continue }
            state.routes[ru].replaceJobs(left, data: data)
            state.routes[rw].replaceJobs(right, data: data)
            if !relocates { state.routeOf[w] = Int32(ru) }
            state.routeOf[u] = Int32(rw)
        }
    }
}

private extension RouteState {
    /// Whether the job at position `i` (1…count) can be replaced by `job`, or removed (`nil`), within every
    /// window: the schedule before it is unchanged, the rest keeps its windows when its first stop starts by
    /// its `latest`. O(1). Capacity and limits are not checked.
    func keepsWindows(replacingAt i: Int, with job: Int?, _ data: SolverData) -> Bool {
        var last = location[i - 1]
        var ready = earliest[i - 1] + service[i - 1]
        if let job {
            let here = data.jobLocation[job]
            guard let start = data.earliestStart(job, arrivingAt: arrival(last, here, leaving: ready, data)) else { return false }
            last = here
            ready = start + data.jobService[job]
        }
        let reached = arrival(last, location[i + 1], leaving: ready, data)
        guard i < jobs.count else { return reached <= latest[i + 1] }
        guard let start = data.earliestStart(Int(jobs[i]), arrivingAt: reached) else { return false }
        return start <= latest[i + 1]
    }
}
