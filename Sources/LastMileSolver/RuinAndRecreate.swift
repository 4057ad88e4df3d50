import LastMileCore
import LastMileModel

/// Slack induction by string removals (Christiaens and Vanden Berghe, "Slack induction by string removals for
/// vehicle routing problems", Transportation Science 2020): remove a few strings of consecutive jobs from
/// routes near a random seed job, then reinsert the removed jobs greedily, each at its cheapest feasible place,
/// skipping places with a small probability ("blinks").
struct RuinAndRecreate: Sendable {
    let data: SolverData
    let configuration: SolverConfiguration
    /// A representative location for the sort orders "far from / close to the depot".
    let depot: Int
    /// Other jobs of each job, nearest first (by the first vehicle's travel cost between their locations, which
    /// every input has — VROOM JSON may give no distances —, ties by index).
    let neighbours: [[Int32]]
    /// One representative per group of identical vehicles: an empty route is tried once per group.
    let vehicleGroup: [Int]

    init(problem: VRPProblem, configuration: SolverConfiguration) {
        let data = SolverData(problem)
        self.data = data
        self.configuration = configuration
        self.depot = problem.vehicles.first?.startLocation.position ?? 0
        // Each job's 100 nearest by the first vehicle's cost, ties by index: keys sorted as plain integer pairs
        // (a comparator reading `data` would retain and release its arrays at every comparison).
        let cost = data.vehicleCost[0], locations = data.jobLocation
        neighbours = locations.indices.map { a in
            var keyed = locations.indices.filter { $0 != a }.map { (cost: data.entry(cost, locations[a], locations[$0]), job: $0) }
            keyed.sort { ($0.cost, $0.job) < ($1.cost, $1.job) }
            return keyed.prefix(100).map { Int32($0.job) }
        }
        vehicleGroup = problem.interchangeableVehicles
    }

    /// Removes strings of jobs around a random served job. Returns the removed jobs. With `growing`, the ruin
    /// grows with long routes where windows bind (``SolverConfiguration/ruinRouteShare``).
    func ruin(_ state: inout SearchState, growing: Bool = true, using random: inout SplitMix64) -> [Int] {
        let served = state.routeOf.indices.filter { state.routeOf[$0] >= 0 }
        guard let seed = served.randomElement(using: &random) else { return [] }
        let averageSize = Double(served.count) / Double(max(1, state.routesInUse))
        let growth = growing ? ruinGrowth(averageRouteSize: averageSize, served: served.count) : 1
        let maximumString = min(configuration.maximumStringLength * growth, averageSize)
        let maximumStrings = 4 * configuration.averageRemoved * growth / (1 + maximumString) - 1
        let strings = Int(uniform(1, maximumStrings + 1, &random))
        var ruinedRoutes: [Int32] = []
        var removed: [Int] = []
        for k in -1..<neighbours[seed].count {
            if ruinedRoutes.count >= strings { break }
            let job = k < 0 ? Int32(seed) : neighbours[seed][k]
            let route = state.routeOf[Int(job)]
            guard route >= 0, !ruinedRoutes.contains(route) else { continue }
            ruinedRoutes.append(route)
            let jobs = state.routes[Int(route)].jobs
            let length = Int(uniform(1, min(Double(jobs.count), maximumString) + 1, &random))
            let at = jobs.firstIndex(of: job)!
            let positions: [Int]
            if length < jobs.count, random.next() % 2 == 0 {
                positions = splitString(around: at, length: length, routeLength: jobs.count, &random)
            } else {
                positions = string(around: at, length: length, routeLength: jobs.count, &random)
            }
            // Shipments leave whole: add the partners of removed halves.
            var removing = positions
            for position in positions where data.partner[Int(jobs[position])] >= 0 {
                let partner = jobs.firstIndex(of: data.partner[Int(jobs[position])])!
                if !removing.contains(partner) { removing.append(partner) }
            }
            removing.sort()
            for j in state.routes[Int(route)].remove(positions: removing, data: data) {
                state.routeOf[j] = -1
                removed.append(j)
            }
        }
        state.unassigned.append(contentsOf: removed)
        return removed
    }

    /// The factor on SISR's L_max and c̄ (``SolverConfiguration/ruinRouteShare``): 1 unless windows bind
    /// and the routes in use hold `averageRouteSize` jobs, more than L_max / share; never above the growth
    /// at which c̄ reaches ``SolverConfiguration/ruinLargestShare`` of the `served` jobs (nor below 1).
    func ruinGrowth(averageRouteSize: Double, served: Int) -> Double {
        guard data.windowsBind else { return 1 }
        let byRoutes = configuration.ruinRouteShare * averageRouteSize / configuration.maximumStringLength
        let largest = configuration.ruinLargestShare * Double(served) / configuration.averageRemoved
        return max(1, min(byRoutes, largest))
    }

    /// The longest run of jobs ``LocalSearchRun/relocateBlock(in:recreation:maximumLength:using:)`` moves: the
    /// ruin's longest string where its growth (``ruinGrowth(averageRouteSize:served:)``) is at least 2 (binding
    /// windows, 20 jobs a route or more at SISR's L_max of 10), else 0 (no block moves). From a growth above 1,
    /// Gehring–Homberger RC1_2_1 (11 jobs a route) lost half its chain's iterations and 1.2 % of distance.
    func longestBlock(in state: SearchState) -> Int {
        let served = state.routeOf.count - state.unassigned.count
        let averageSize = Double(served) / Double(max(1, state.routesInUse))
        let growth = ruinGrowth(averageRouteSize: averageSize, served: served)
        guard growth >= 2 else { return 0 }
        return Int(min(configuration.maximumStringLength * growth, averageSize))
    }

    /// `length` consecutive positions containing `at`, at a random offset.
    private func string(around at: Int, length: Int, routeLength: Int, _ random: inout SplitMix64) -> [Int] {
        let lowest = max(0, at - length + 1), highest = min(at, routeLength - length)
        let start = lowest + Int(random.next() % UInt64(highest - lowest + 1))
        return Array(start..<start + length)
    }

    /// A string of `length + kept` positions containing `at`, of which a random run of `kept` stays.
    private func splitString(around at: Int, length: Int, routeLength: Int, _ random: inout SplitMix64) -> [Int] {
        var kept = 1
        while length + kept < routeLength, uniform(0, 1, &random) > configuration.splitRate { kept += 1 }
        let window = string(around: at, length: length + kept, routeLength: routeLength, &random)
        let keepStart = Int(random.next() % UInt64(length + 1))
        return window.enumerated().filter { $0.offset < keepStart || $0.offset >= keepStart + kept }.map(\.element)
    }

    /// Reinserts every unassigned job, in one of SISR's orders, at its cheapest feasible position (with blinks,
    /// unless `blinks` is false: the first solution, where a blinked empty vehicle would leave a job out).
    /// With `openRoutes` false, only vehicles already in use take jobs (fleet minimisation).
    ///
    /// `openingDiscount` (0…1) makes starting a route look cheaper than it is: a job alone in an empty vehicle
    /// is priced at its route's variable cost × (1 − discount), plus the vehicle's fixed cost in full. Only the
    /// choice of places changes; the candidate is judged at its true cost (see
    /// ``SolverConfiguration/openingDiscount``).
    func recreate(
        _ state: inout SearchState, openRoutes: Bool = true, blinks: Bool = true, openingDiscount: Double = 0,
        using random: inout SplitMix64
    ) {
        let jobs = insertionOrder(state.unassigned, using: &random)
        state.unassigned.removeAll(keepingCapacity: true)
        reinsert(
            jobs, into: &state, openRoutes: openRoutes, blinkRate: blinks ? configuration.blinkRate : 0,
            openingDiscount: openingDiscount, using: &random)
    }

    /// A discount for the annealing's next recreation (``SolverConfiguration/openingDiscount``): none half the
    /// time, else uniform in [0, the configured largest).
    func drawOpeningDiscount(using random: inout SplitMix64) -> Double {
        let largest = configuration.openingDiscount
        guard largest > 0, random.next() % 2 == 1 else { return 0 }
        return uniform(0, largest, &random)
    }

    /// `unassigned` in one of SISR's orders, drawn at random (random, largest demand first, farthest from the
    /// depot first, closest first), the most important first when priorities differ.
    func insertionOrder(_ unassigned: [Int], using random: inout SplitMix64) -> [Int] {
        var jobs = unassigned
        jobs.shuffle(using: &random)
        let dimensions = data.dimensions
        func demand(_ job: Int) -> Int64 { (0..<dimensions).reduce(0) { $0 + data.jobDemand[job * dimensions + $1] } }
        func fromDepot(_ job: Int) -> Int64 { data.entry(data.vehicleCost[0], depot, data.jobLocation[job]) }
        switch random.next() % 11 {
        case 0..<4: break  // random
        case 4..<8: jobs.sort { demand($0) > demand($1) }
        case 8..<10: jobs.sort { fromDepot($0) > fromDepot($1) }
        default: jobs.sort { fromDepot($0) < fromDepot($1) }
        }
        // Important jobs first, so that capacity goes to them when not all fit (stable: keeps the order above).
        if data.hasPriorities {
            jobs = jobs.enumerated().sorted {
                (data.unassignedPenalty[$0.element], -$0.offset) > (data.unassignedPenalty[$1.element], -$1.offset)
            }.map(\.element)
        }
        return jobs
    }

    /// Inserts `jobs`, in order, each at its cheapest feasible position (with blinks), or leaves it out.
    private func reinsert(
        _ jobs: [Int], into state: inout SearchState, openRoutes: Bool, blinkRate: Double, openingDiscount: Double,
        using random: inout SplitMix64
    ) {
        var triedGroup = [Bool](repeating: false, count: state.routes.count)
        // Granular recreation: with many routes, a job first tries only the routes that serve one of its
        // nearest neighbours (and the empty vehicles); the other routes only when none of those takes it.
        let usedRoutes = state.routesInUse
        let granular = configuration.insertionNeighbours > 0 && usedRoutes > configuration.granularRouteThreshold
        var stamp = [Int](repeating: -1, count: state.routes.count)
        var offered: [Int] = []
        for job in jobs {
            let partner = Int(data.partner[job])
            if partner >= 0 {
                // A shipment is inserted with its pickup; its delivery half waits for it.
                guard data.loadSign[job] > 0 else { continue }
                insertShipment(
                    pickup: job, delivery: partner, into: &state, openRoutes: openRoutes, blinkRate: blinkRate, tried: &triedGroup,
                    using: &random)
                continue
            }
            for r in state.routes.indices { triedGroup[r] = false }
            var best: Insertion? = nil
            // The routes offered the job first: with granular recreation the routes of its nearest neighbours
            // and the empty vehicles, else every route. Offered by a method, not a local closure over `state`,
            // which retained and released the routes at every offer (4 % of the time on short routes).
            offered.removeAll(keepingCapacity: true)
            if granular {
                for neighbour in neighbours[job].prefix(configuration.insertionNeighbours) {
                    let r = Int(state.routeOf[Int(neighbour)])
                    if r >= 0, stamp[r] != job {
                        stamp[r] = job
                        offered.append(r)
                    }
                }
                offered.sort()
                offered += state.routes.indices.lazy.filter { state.routes[$0].isEmpty }
            } else {
                offered += state.routes.indices
            }
            for r in offered {
                consider(
                    job, route: r, in: state, openRoutes: openRoutes, blinkRate: blinkRate, openingDiscount: openingDiscount,
                    tried: &triedGroup, best: &best, using: &random)
            }
            if granular, best == nil {
                for r in state.routes.indices where !state.routes[r].isEmpty && stamp[r] != job {
                    consider(
                        job, route: r, in: state, openRoutes: openRoutes, blinkRate: blinkRate, openingDiscount: openingDiscount,
                        tried: &triedGroup, best: &best, using: &random)
                }
            }
            if let best, best.delta < data.unassignedPenalty[job] {
                state.routes[best.route].insert(job, after: best.after, data: data)
                state.routeOf[job] = Int32(best.route)
            } else {
                state.unassigned.append(job)
            }
        }
    }

    /// The cheapest place found so far for a job: its cost (insertion delta plus the route's opening cost) and
    /// where it goes.
    private typealias Insertion = (delta: Int64, route: Int, after: Int)

    /// Offers `job` to route `r`: `best` becomes its cheapest place there when that is cheaper.
    @inline(__always)
    private func consider(
        _ job: Int, route r: Int, in state: SearchState, openRoutes: Bool, blinkRate: Double, openingDiscount: Double,
        tried: inout [Bool], best: inout Insertion?, using random: inout SplitMix64
    ) {
        guard mayTry(r, isEmpty: state.routes[r].isEmpty, openRoutes: openRoutes, tried: &tried), data.canServe(job, by: r) else { return }
        var fixed: Int64 = 0
        if state.routes[r].isEmpty {
            fixed = data.vehicleFixedCost[r]
            if openingDiscount > 0, let alone = state.routes[r].insertionDelta(of: job, after: 0, data: data) {
                fixed -= Int64(openingDiscount * Double(alone))
            }
        }
        if let found = state.cheapestInsertion(
            of: job, intoRoute: r, fixed: fixed, below: best?.delta, data: data, blinkRate: blinkRate, random: &random)
        {
            best = (found.cost, r, found.after)
        }
    }

    /// Whether recreation may put jobs into route `r`: used routes always; an empty one only with `openRoutes`
    /// and once per group of identical vehicles.
    @inline(__always)
    private func mayTry(_ r: Int, isEmpty: Bool, openRoutes: Bool, tried: inout [Bool]) -> Bool {
        guard isEmpty else { return true }
        guard openRoutes, !tried[vehicleGroup[r]] else { return false }
        tried[vehicleGroup[r]] = true
        return true
    }

    /// Inserts a shipment at its cheapest feasible placement over all routes, or leaves both halves out.
    private func insertShipment(
        pickup: Int, delivery: Int, into state: inout SearchState, openRoutes: Bool, blinkRate: Double, tried: inout [Bool],
        using random: inout SplitMix64
    ) {
        var best: (delta: Int64, route: Int, placement: ShipmentPlacement)? = nil
        for r in state.routes.indices { tried[r] = false }
        for r in state.routes.indices {
            guard mayTry(r, isEmpty: state.routes[r].isEmpty, openRoutes: openRoutes, tried: &tried), data.canServe(pickup, by: r),
                data.canServe(delivery, by: r)
            else { continue }
            let route = state.routes[r]
            let fixed = route.isEmpty ? data.vehicleFixedCost[r] : 0
            let limited = route.hasLimits(data)
            route.shipmentPlacements(
                pickup: pickup, delivery: delivery, data: data, blinkRate: blinkRate, random: &random
            ) { placement in
                guard best == nil || placement.delta + fixed < best!.delta else { return }
                if limited, !route.keepsLimits(
                    placement.applied(to: route.jobs, pickup: pickup, delivery: delivery),
                    distanceDelta: route.distanceDelta(of: placement, pickup: pickup, delivery: delivery, data: data), data: data)
                {
                    return
                }
                best = (placement.delta + fixed, r, placement)
            }
        }
        if let best, best.delta < data.unassignedPenalty[pickup] + data.unassignedPenalty[delivery] {
            let route = state.routes[best.route]
            state.routes[best.route].replaceJobs(best.placement.applied(to: route.jobs, pickup: pickup, delivery: delivery), data: data)
            state.routeOf[pickup] = Int32(best.route)
            state.routeOf[delivery] = Int32(best.route)
        } else {
            state.unassigned += [pickup, delivery]
        }
    }
}

/// A uniform double in `[low, high)`.
@inline(__always)
func uniform(_ low: Double, _ high: Double, _ random: inout SplitMix64) -> Double {
    low + (high - low) * Double(random.next() >> 11) / Double(1 << 53)
}
