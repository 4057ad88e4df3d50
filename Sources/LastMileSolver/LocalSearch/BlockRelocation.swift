import LastMileCore

extension LocalSearchRun {
    /// Moves a run of 2…`maximumLength` consecutive jobs, around a random served one, whole into another route
    /// (forwards or reversed), where it adds the least in compared units (``insertionCost(of:into:after:)``'s
    /// units: cost ×``costScale`` plus the prices of time warp and excess load), even when that is more than it
    /// saves: a perturbation for the penalised chain, whose annealing judges the result. The routes tried are
    /// those serving one of the nearest jobs of either end of the run. Each place is three concatenations of
    /// summaries, O(1), after the run's own summary, O(length) per route tried.
    ///
    /// Recreation reinserts a ruined run one job at a time, each at its own cheapest place: on long routes with
    /// wide windows (Gehring–Homberger R2_2_1, 4 routes of 50 jobs) solutions then differ in which route carries
    /// which run, and no such step moves a run as one.
    ///
    /// Returns whether a run moved. Penalised runs only; the run never empties its route.
    mutating func relocateBlock(
        in state: inout SearchState, recreation: RuinAndRecreate, maximumLength: Int, using random: inout SplitMix64
    ) -> Bool {
        guard penalties != nil else { return false }
        let data = search.data
        let dimensions = data.dimensions
        let served = (0..<data.jobCount).filter { state.routeOf[$0] >= 0 }
        guard let seed = served.randomElement(using: &random) else { return false }
        let r = Int(state.routeOf[seed])
        let source = segments[r]
        guard source.count >= 3, maximumLength >= 2 else { return false }
        let length = 2 + Int(random.next() % UInt64(min(maximumLength, source.count - 1) - 1))
        let at = positionOf[seed]
        let lowest = max(1, at - length + 1), highest = min(at, source.count - length + 1)
        let first = lowest + Int(random.next() % UInt64(highest - lowest + 1))
        let last = first + length - 1
        let jobs = state.routes[r].jobs
        let block = Array(jobs[(first - 1)..<last])

        var rest = source.prefix[first - 1]
        if last < source.count { rest = source.evaluator.concatenate(rest, source.suffix[last + 1], data: data) }
        rest = source.evaluator.concatenate(rest, source.evaluator.endDepot(data), data: data)
        guard rest.distance <= data.vehicleMaxDistance[r] else { return false }
        let restChange = comparedCost(of: r, rebuiltAs: rest) {
            source.loadPrefix[(first - 1) * dimensions + $0].then(source.loadSuffix[(last + 1) * dimensions + $0])
        } - comparedCost(of: r)

        var targets: [Int] = []
        for end in [block[0], block[block.count - 1]] {
            for neighbour in recreation.neighbours[Int(end)].prefix(recreation.configuration.insertionNeighbours) {
                let t = Int(state.routeOf[Int(neighbour)])
                if t >= 0, t != r, !targets.contains(t) { targets.append(t) }
            }
        }
        targets.sort()
        var blockLoads = [LoadSegment](repeating: LoadSegment(), count: dimensions)
        for d in 0..<dimensions {
            for job in block { blockLoads[d] = blockLoads[d].then(LoadSegment(job: Int(job), dimension: d, data: data)) }
        }
        var best: (change: Int64, route: Int, after: Int, reversed: Bool)? = nil
        for t in targets where block.allSatisfy({ data.canServe(Int($0), by: t) }) {
            let target = segments[t]
            let evaluator = target.evaluator
            for reversed in [false, true] {
                let ordered = reversed ? Array(block.reversed()) : block
                var summary = evaluator.job(Int(ordered[0]), data)
                for job in ordered.dropFirst() { summary = evaluator.concatenate(summary, evaluator.job(Int(job), data), data: data) }
                for after in 0...target.count {
                    var whole = evaluator.concatenate(target.prefix[after], summary, data: data)
                    if after < target.count { whole = evaluator.concatenate(whole, target.suffix[after + 1], data: data) }
                    whole = evaluator.concatenate(whole, evaluator.endDepot(data), data: data)
                    guard whole.distance <= data.vehicleMaxDistance[t] else { continue }
                    let change = restChange - comparedCost(of: t) + comparedCost(of: t, rebuiltAs: whole) {
                        target.loadPrefix[after * dimensions + $0].then(blockLoads[$0]).then(target.loadSuffix[(after + 1) * dimensions + $0])
                    }
                    if best == nil || change < best!.change { best = (change, t, after, reversed) }
                }
            }
        }
        guard let best else { return false }
        var shortened = jobs
        shortened.removeSubrange((first - 1)..<last)
        var lengthened = state.routes[best.route].jobs
        lengthened.insert(contentsOf: best.reversed ? Array(block.reversed()) : block, at: best.after)
        replaceRoutes([(r, shortened), (best.route, lengthened)], &state)
        return true
    }
}
