/// One route's prefix and suffix summaries, so that a route made of a prefix, a few moved stops and a suffix
/// is evaluated with a constant number of concatenations.
///
/// Positions as in ``RouteState``: 1…`count` are the jobs. `prefix[i]` is the start depot and jobs 1…i
/// (`prefix[0]` the depot alone); `suffix[i]` the jobs i…`count` without the end depot (the run a tail move
/// carries to another vehicle). Loads are per dimension: `loadPrefix[i * dimensions + d]` covers jobs 1…i,
/// `loadSuffix[i * dimensions + d]` jobs i…`count`. `openShipments[i]` counts shipments picked up at
/// positions ≤ i and delivered after i (a cut there would split them); `paired[i]` the shipment halves among
/// jobs 1…i. Rebuilt in O(count × dimensions) after each change of the route.
struct RouteSegments {
    let evaluator: LegEvaluator
    private(set) var count = 0
    /// The jobs summarised, in route order.
    private(set) var jobs: [Int32] = []
    private(set) var prefix: [RouteSegment] = []
    private(set) var suffix: [RouteSegment] = []
    private(set) var loadPrefix: [LoadSegment] = []
    private(set) var loadSuffix: [LoadSegment] = []
    private(set) var openShipments: [Int32] = []
    private(set) var paired: [Int32] = []
    /// The route's objective share: travel cost (and paid time) plus fixed cost, 0 when empty.
    private(set) var cost: Int64 = 0
    /// The route's time warp with both depots, time units (0 when time-feasible or empty).
    private(set) var timeWarp: Int64 = 0

    init(vehicle: Int, data: SolverData) {
        evaluator = LegEvaluator(vehicle: vehicle, data: data)
    }

    mutating func refresh(_ jobs: [Int32], data: SolverData) {
        count = jobs.count
        self.jobs.assignInPlace(jobs)
        let dimensions = data.dimensions
        prefix.removeAll(keepingCapacity: true)
        prefix.append(evaluator.startDepot(data))
        for job in jobs { prefix.append(evaluator.concatenate(prefix[prefix.count - 1], evaluator.job(Int(job), data), data: data)) }
        let start = evaluator.startDepot(data)
        suffix.assignInPlace(repeating: start, count: count + 2)
        if count > 0 {
            suffix[count] = evaluator.job(Int(jobs[count - 1]), data)
            for i in stride(from: count - 1, through: 1, by: -1) {
                suffix[i] = evaluator.concatenate(evaluator.job(Int(jobs[i - 1]), data), suffix[i + 1], data: data)
            }
        }
        loadPrefix.assignInPlace(repeating: LoadSegment(), count: (count + 2) * dimensions)
        loadSuffix.assignInPlace(repeating: LoadSegment(), count: (count + 2) * dimensions)
        for i in stride(from: 1, through: count, by: 1) {
            for d in 0..<dimensions {
                loadPrefix[i * dimensions + d] = loadPrefix[(i - 1) * dimensions + d].then(LoadSegment(job: Int(jobs[i - 1]), dimension: d, data: data))
            }
        }
        for i in stride(from: count, through: 1, by: -1) {
            for d in 0..<dimensions {
                loadSuffix[i * dimensions + d] = LoadSegment(job: Int(jobs[i - 1]), dimension: d, data: data).then(loadSuffix[(i + 1) * dimensions + d])
            }
        }
        openShipments.assignInPlace(repeating: 0, count: count + 2)
        paired.assignInPlace(repeating: 0, count: count + 2)
        for i in stride(from: 1, through: count, by: 1) {
            let job = Int(jobs[i - 1])
            let isHalf = data.partner[job] >= 0
            paired[i] = paired[i - 1] + (isHalf ? 1 : 0)
            openShipments[i] = openShipments[i - 1] + (isHalf ? Int32(data.loadSign[job]) : 0)
        }
        let whole = evaluator.concatenate(prefix[count], evaluator.endDepot(data), data: data)
        cost = count == 0 ? 0 : data.routeCost(evaluator.vehicle, whole)
        timeWarp = count == 0 ? 0 : whole.timeWarp
    }

    /// The largest load on board in dimension `d`.
    @inline(__always) func peak(_ d: Int, dimensions: Int) -> Int64 { loadPrefix[count * dimensions + d].peak }

    /// Whether positions `first…last` hold a shipment half.
    @inline(__always) func holdsShipmentHalf(_ first: Int, _ last: Int) -> Bool {
        first <= last && paired[last] != paired[first - 1]
    }
}
