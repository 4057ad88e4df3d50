import LastMileModel

/// An insertion position of a job in a route: after position `after` (0 = first), and the change of the
/// route's compared cost without loads (see ``LocalSearchRun/timeCost(of:)``).
struct InsertionCandidate {
    var delta: Int64
    var after: Int32
}

/// The three cheapest insertion positions of one job in one route, cheapest first (ties: earlier position).
struct ThreeBest {
    private(set) var entries = InlineArray<3, InsertionCandidate>(repeating: InsertionCandidate(delta: .max, after: -1))

    @inline(__always)
    mutating func add(_ delta: Int64, after: Int) {
        guard delta < entries[2].delta else { return }
        let candidate = InsertionCandidate(delta: delta, after: Int32(after))
        if delta < entries[0].delta {
            entries[2] = entries[1]
            entries[1] = entries[0]
            entries[0] = candidate
        } else if delta < entries[1].delta {
            entries[2] = entries[1]
            entries[1] = candidate
        } else {
            entries[2] = candidate
        }
    }
}

/// A leg of a route between two locations, its travel cost (cost units) and time (time units).
struct RouteLeg {
    var from: Int
    var to: Int
    var cost: Int64
    var time: Int64
}

/// A route as SWAP* inserts jobs into it: its legs, depots included, and what bounds the change of its paid
/// time.
struct InsertionTarget {
    var legs: [RouteLeg]
    /// The vehicle's paid time, when it bounds an insertion's cost from below: static travel, no time warp,
    /// no minimum route cost; else `nil`.
    var paidTime: PaidTime?
    /// The route's waiting with both depots, time units: the most of its duration an inserted job can fill
    /// (duration = loading + service + travel + waiting).
    var waiting: Int64
}

/// SWAP*'s working arrays for one route pair (a and b), indexed by position: each route's legs, the removal
/// change of each job, and each job's three best insertions into the other route.
struct SwapStarBuffers {
    var removalA: [Int64] = []
    var removalB: [Int64] = []
    var legsA: [RouteLeg] = []
    var legsB: [RouteLeg] = []
    var bestInB: [ThreeBest] = []
    var bestInA: [ThreeBest] = []
    /// `slot[r]`: route `r`'s index among the used routes of the pass (-1 when empty).
    var slot: [Int] = []
    /// `neighbours[slot a * used + slot b]`: whether routes a and b neighbour.
    var neighbours: [Bool] = []
}

extension LocalSearchRun {
    /// SWAP* (Vidal 2022, "Hybrid genetic search for the CVRP: open-source implementation and SWAP*
    /// neighborhood"): exchanges `u` of route a and `v` of route b, each inserted at its best position in the
    /// other route rather than in the other's place. For each route pair that neighbours and changed since
    /// last tried, the three best insertion positions of every job into the other route are computed once
    /// (O(|a| × |b|) concatenations of the prefix, the job and the suffix: time warp included), then every
    /// (`u`, `v`) is estimated in O(1) from them — removal of `u` + best insertion of `v` among the cached
    /// positions not next to `u`, or in `u`'s place — and the best estimate is evaluated exactly
    /// (``isImproving(_:_:)``: summaries, loads, skills, limits). Applies it when it improves.
    ///
    /// The estimate is the move's exact travel-cost change (arcs are additive); it is only an estimate for
    /// time warp (two insertions and a removal in one route interact) and for loads with pickups (without
    /// pickups a route's peak is its total delivery, exact).
    ///
    /// Which routes neighbour: HGS takes routes whose polar sectors around the depot overlap. LastMile's
    /// model holds matrices, not coordinates (VROOM `matrices`, road networks where one-way streets and
    /// rivers make angles misleading), so two routes neighbour when a job of one lists a job of the other among
    /// its granular neighbours (``Neighbourhood``): the matrix counterpart of interleaving sectors.
    ///
    /// Shipment halves do not move (as in the other operators). Returns whether a move was applied.
    mutating func swapStarPass(_ state: inout SearchState) -> Bool {
        let used = segments.indices.filter { segments[$0].count > 0 }
        markNeighbouringRoutes(used, state)
        var applied = false
        for ra in used {
            let lastTested = swapStarTested[ra]
            swapStarTested[ra] = updates
            for rb in used where rb > ra && max(routeChanged[ra], routeChanged[rb]) > lastTested && neighbour(ra, rb, used.count) {
                guard segments[ra].count > 0, segments[rb].count > 0,
                    var best = bestSwapStar(ra, rb, state), isImproving(&best.move, state)
                else { continue }
                apply(best.move, &state)
                applied = true
            }
        }
        return applied
    }

    private func neighbour(_ a: Int, _ b: Int, _ used: Int) -> Bool {
        swapStarBuffers.neighbours[swapStarBuffers.slot[a] * used + swapStarBuffers.slot[b]]
    }

    /// Fills ``SwapStarBuffers/neighbours`` for the routes `used`. O(jobs × neighbours).
    private mutating func markNeighbouringRoutes(_ used: [Int], _ state: SearchState) {
        let count = used.count
        swapStarBuffers.slot = [Int](repeating: -1, count: segments.count)
        for (k, r) in used.enumerated() { swapStarBuffers.slot[r] = k }
        swapStarBuffers.neighbours = [Bool](repeating: false, count: count * count)
        for u in state.routeOf.indices where state.routeOf[u] >= 0 {
            let a = swapStarBuffers.slot[Int(state.routeOf[u])]
            for v in search.neighbourhood.nearest[u] where state.routeOf[Int(v)] >= 0 {
                let b = swapStarBuffers.slot[Int(state.routeOf[Int(v)])]
                swapStarBuffers.neighbours[a * count + b] = true
                swapStarBuffers.neighbours[b * count + a] = true
            }
        }
    }

    /// Route `r`'s compared cost without its load price: cost ×``costScale`` plus its time-warp price.
    func timeCost(of r: Int) -> Int64 {
        segments[r].cost * costScale + segments[r].timeWarp * (penalties?.timeWarp ?? 0)
    }

    /// The compared cost without loads of `segment`, a whole route of vehicle `r` with both depots; `nil` when
    /// it is late and lateness is refused.
    @inline(__always)
    private func timeCost(_ segment: RouteSegment, for r: Int) -> Int64? {
        let cost = search.data.routeCost(r, segment) * costScale
        guard segment.timeWarp > 0 else { return cost }
        guard let penalties else { return nil }
        return cost + segment.timeWarp * penalties.timeWarp
    }

    /// The time cost change of route `r` with its job at `removed` out (`nil` if refused); with the job
    /// `job` put in its place when given.
    @inline(__always)
    private func replacementDelta(_ r: Int, removed: Int, by job: Int?, _ state: SearchState) -> Int64? {
        let data = search.data
        let evaluator = segments[r].evaluator
        var total = segments[r].prefix[removed - 1]
        if let job { total = evaluator.concatenate(total, evaluator.job(job, data), data: data) }
        if removed < segments[r].count { total = evaluator.concatenate(total, segments[r].suffix[removed + 1], data: data) }
        total = evaluator.concatenate(total, evaluator.endDepot(data), data: data)
        return timeCost(total, for: r).map { $0 - timeCost(of: r) }
    }

    /// The three best insertions into route `r`, whose legs are `legs`, of each job of route `source`, by
    /// position: cached (``SwapStarInsertions``) or computed and cached.
    private mutating func bestInsertions(
        of source: Int, into r: Int, legs: [RouteLeg], _ state: SearchState, _ best: inout [ThreeBest]
    ) {
        best.removeAll(keepingCapacity: true)
        if swapStarKeys[r] == 0 { swapStarKeys[r] = SwapStarInsertions.key(of: state.routes[r].jobs, prices: penalties) }
        let key = swapStarKeys[r]
        var target: InsertionTarget? = nil
        for stored in state.routes[source].jobs {
            let job = Int(stored)
            if let cached = swapStarInsertions.places(of: job, in: r, key: key, routes: segments.count, jobs: search.data.jobCount) {
                best.append(cached)
                continue
            }
            if target == nil { target = insertionTarget(r, legs: legs, state) }
            let computed = bestInsertions(of: job, into: r, target!)
            swapStarInsertions.store(computed, of: job, in: r, key: key)
            best.append(computed)
        }
    }

    /// Fills `legs` with the legs of route `r`, depots included: position `i` leaves the job at `i` (0 = the
    /// start) for the next.
    func legs(of r: Int, _ state: SearchState, into legs: inout [RouteLeg]) {
        let data = search.data
        let evaluator = segments[r].evaluator
        let jobs = state.routes[r].jobs
        legs.removeAll(keepingCapacity: true)
        for i in 0...jobs.count {
            let from = i > 0 ? data.jobLocation[Int(jobs[i - 1])] : data.vehicleStart[r]
            let to = i < jobs.count ? data.jobLocation[Int(jobs[i])] : data.vehicleEnd[r]
            legs.append(RouteLeg(from: from, to: to, cost: data.entry(evaluator.costBase, from, to), time: data.entry(evaluator.timeBase, from, to)))
        }
    }

    /// Route `r`, whose legs are `legs`, as SWAP* inserts into it (``InsertionTarget``).
    func insertionTarget(_ r: Int, legs: [RouteLeg], _ state: SearchState) -> InsertionTarget {
        let data = search.data
        let evaluator = segments[r].evaluator
        let jobs = state.routes[r].jobs
        let whole = evaluator.concatenate(segments[r].prefix[jobs.count], evaluator.endDepot(data), data: data)
        let busy = data.vehicleLoadingTime[r] + jobs.reduce(0) { $0 + data.jobService[Int($1)] } + legs.reduce(0) { $0 + $1.time }
        let paidTime = data.vehiclePaidTime[r].flatMap { paid in
            paid.minimumRouteCost == 0 && evaluator.travel < 0 && segments[r].timeWarp == 0 ? paid : nil
        }
        return InsertionTarget(legs: legs, paidTime: paidTime, waiting: max(0, whole.duration - busy))
    }

    /// The three best insertions of `job` into route `r`.
    ///
    /// Most places are dismissed by a lower bound of their cost change, before any concatenation: the travel
    /// change and the job's charge, less the route's present time-warp price; with paid time, plus the
    /// paid time of the duration added, which is at least the travel time change and the job's service less
    /// the route's waiting (the overtime rate counts only when the bound is negative).
    func bestInsertions(of job: Int, into r: Int, _ target: InsertionTarget) -> ThreeBest {
        let data = search.data
        let evaluator = segments[r].evaluator
        let targetCount = segments[r].count
        let before = timeCost(of: r)
        let warpPrice = segments[r].timeWarp * (penalties?.timeWarp ?? 0)
        let (costBase, timeBase) = (evaluator.costBase, evaluator.timeBase)
        let end = evaluator.endDepot(data)
        var three = ThreeBest()
        guard data.partner[job] < 0 else { return three }
        let single = evaluator.job(job, data)
        let here = data.jobLocation[job]
        // The route is without time warp when lateness is refused.
        let (refusesLateness, staticTravel) = (penalties == nil, evaluator.travel < 0)
        for (i, leg) in target.legs.enumerated() {
            let travel = data.entry(costBase, leg.from, here) + data.entry(costBase, here, leg.to) - leg.cost + single.charge
            guard travel * costScale - warpPrice < three.entries[2].delta else { continue }
            if let paid = target.paidTime {
                let added = data.entry(timeBase, leg.from, here) + data.entry(timeBase, here, leg.to) - leg.time
                    + single.duration - target.waiting
                let rate = added >= 0 ? paid.costPerTime : paid.costPerTime + paid.overtimeExtraPerTime
                guard (travel + rate * added) * costScale < three.entries[2].delta else { continue }
            }
            let prefix = segments[r].prefix[i]
            // Where lateness is refused, a place that makes the route late is dismissed on travel times alone.
            if refusesLateness, staticTravel, evaluator.timeWarp(prefix, single, i < targetCount ? segments[r].suffix[i + 1] : end, data: data) > 0 {
                continue
            }
            var total = evaluator.concatenate(prefix, single, data: data)
            if i < targetCount { total = evaluator.concatenate(total, segments[r].suffix[i + 1], data: data) }
            total = evaluator.concatenate(total, end, data: data)
            if let cost = timeCost(total, for: r) { three.add(cost - before, after: i) }
        }
        return three
    }

    /// The first (cheapest) of `three` not next to position `removed`.
    @inline(__always)
    private func firstValid(_ three: ThreeBest, removed: Int) -> InsertionCandidate? {
        for k in 0..<3 {
            let entry = three.entries[k]
            guard entry.after >= 0 else { return nil }
            if entry.after != removed - 1, entry.after != removed { return entry }
        }
        return nil
    }

    /// A lower bound of the time cost change of route `r`, whose legs are `legs`, with `job` in the place of
    /// position `removed`: the travel change, less the route's present time-warp price.
    @inline(__always)
    private func inPlaceBound(_ r: Int, _ legs: [RouteLeg], removed: Int, by job: Int) -> Int64 {
        let data = search.data
        let costBase = segments[r].evaluator.costBase
        let (before, after, new) = (legs[removed - 1].from, legs[removed].to, data.jobLocation[job])
        let change = data.entry(costBase, before, new) + data.entry(costBase, new, after) - legs[removed - 1].cost - legs[removed].cost
        return change * costScale - segments[r].timeWarp * (penalties?.timeWarp ?? 0)
    }

    /// The best of: `job` inserted at one of `three` not next to position `removed` (after the removal's change
    /// `removal`), or in the place of position `removed` (`inPlace`). Returns the change and the position
    /// after which the job goes (`removed - 1` for in place).
    @inline(__always)
    private func bestReplacement(_ three: ThreeBest, removed: Int, removal: Int64, inPlace: Int64?) -> (delta: Int64, after: Int)? {
        let cached = firstValid(three, removed: removed).map { (delta: removal + $0.delta, after: Int($0.after)) }
        guard let inPlace else { return cached }
        guard let cached, cached.delta < inPlace else { return (inPlace, removed - 1) }
        return cached
    }

    /// The SWAP* move between routes `ra` and `rb` with the lowest negative estimate (see ``swapStarPass(_:)``),
    /// and that estimate (compared units); `nil` when no exchange is estimated to improve.
    mutating func bestSwapStar(_ ra: Int, _ rb: Int, _ state: SearchState) -> (move: Move, estimate: Int64)? {
        let data = search.data
        let (na, nb) = (segments[ra].count, segments[rb].count)
        guard na > 0, nb > 0 else { return nil }
        var buffers = swapStarBuffers
        swapStarBuffers = SwapStarBuffers()
        defer { swapStarBuffers = buffers }
        legs(of: ra, state, into: &buffers.legsA)
        legs(of: rb, state, into: &buffers.legsB)
        bestInsertions(of: ra, into: rb, legs: buffers.legsB, state, &buffers.bestInB)
        bestInsertions(of: rb, into: ra, legs: buffers.legsA, state, &buffers.bestInA)
        buffers.removalA = (1...na).map { replacementDelta(ra, removed: $0, by: nil, state) ?? Int64.max }
        buffers.removalB = (1...nb).map { replacementDelta(rb, removed: $0, by: nil, state) ?? Int64.max }
        let (jobsA, jobsB) = (state.routes[ra].jobs, state.routes[rb].jobs)
        // Without pickups a route's peak load is its total delivery: the exchange's loads are exact here.
        let dimensions = data.dimensions
        let loadsExact = !data.hasPickups
        var best: (estimate: Int64, u: Int, v: Int, afterInA: Int, afterInB: Int)?
        for pu in 1...na where buffers.removalA[pu - 1] != Int64.max && data.partner[Int(jobsA[pu - 1])] < 0 {
            let u = Int(jobsA[pu - 1])
            for pv in 1...nb where buffers.removalB[pv - 1] != Int64.max && data.partner[Int(jobsB[pv - 1])] < 0 {
                let v = Int(jobsB[pv - 1])
                var loadChange: Int64 = 0
                if loadsExact {
                    var refused = false
                    for d in 0..<dimensions {
                        let (du, dv) = (data.jobDemand[u * dimensions + d], data.jobDemand[v * dimensions + d])
                        let (peakA, peakB) = (segments[ra].peak(d, dimensions: dimensions), segments[rb].peak(d, dimensions: dimensions))
                        let (capA, capB) = (data.vehicleCapacity[ra * dimensions + d], data.vehicleCapacity[rb * dimensions + d])
                        let (newA, newB) = (peakA - du + dv, peakB - dv + du)
                        if let penalties {
                            loadChange += (max(0, newA - capA) - max(0, peakA - capA) + max(0, newB - capB) - max(0, peakB - capB)) * penalties.load[d]
                        } else if newA > capA || newB > capB {
                            refused = true
                        }
                    }
                    if refused { continue }
                }
                // A lower bound first: the cheapest cached insertion or the in-place travel change (time warp
                // can only add, beyond what the route has now), so that most pairs cost no concatenation.
                let inPlaceB = inPlaceBound(rb, buffers.legsB, removed: pv, by: u)
                let inPlaceA = inPlaceBound(ra, buffers.legsA, removed: pu, by: v)
                let boundB = min(inPlaceB, firstValid(buffers.bestInB[pu - 1], removed: pv).map { buffers.removalB[pv - 1] + $0.delta } ?? Int64.max)
                let boundA = min(inPlaceA, firstValid(buffers.bestInA[pv - 1], removed: pu).map { buffers.removalA[pu - 1] + $0.delta } ?? Int64.max)
                guard boundA != Int64.max, boundB != Int64.max, boundA + boundB + loadChange < min(0, best?.estimate ?? 0) else { continue }
                guard let intoB = bestReplacement(
                        buffers.bestInB[pu - 1], removed: pv, removal: buffers.removalB[pv - 1],
                        inPlace: replacementDelta(rb, removed: pv, by: u, state)),
                    let intoA = bestReplacement(
                        buffers.bestInA[pv - 1], removed: pu, removal: buffers.removalA[pu - 1],
                        inPlace: replacementDelta(ra, removed: pu, by: v, state))
                else { continue }
                let estimate = intoA.delta + intoB.delta + loadChange
                if estimate < (best?.estimate ?? 0) { best = (estimate, pu, pv, intoA.after, intoB.after) }
            }
        }
        guard let best else { return nil }
        let plans = (
            replacing(ra, best.u, by: rb, best.v, after: best.afterInA),
            replacing(rb, best.v, by: ra, best.u, after: best.afterInB))
        return (Move(routes: (ra, rb), plans: plans, twoRoutes: true), best.estimate)
    }

    /// Route `r`'s jobs without position `removed`, with the job at `position` of route `source` after position
    /// `after` (positions of `r` before the removal; `removed - 1` = in its place).
    private func replacing(_ r: Int, _ removed: Int, by source: Int, _ position: Int, after: Int) -> RoutePlan {
        let count = segments[r].count
        var plan = RoutePlan()
        if after == removed - 1 {
            plan.append(r, 1, removed - 1)
            plan.append(source, position, position)
            plan.append(r, removed + 1, count)
        } else if after < removed {
            plan.append(r, 1, after)
            plan.append(source, position, position)
            plan.append(r, after + 1, removed - 1)
            plan.append(r, removed + 1, count)
        } else {
            plan.append(r, 1, removed - 1)
            plan.append(r, removed + 1, after)
            plan.append(source, position, position)
            plan.append(r, after + 1, count)
        }
        return plan
    }
}
