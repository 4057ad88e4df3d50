import LastMileCore
import LastMileDomain
import LastMileModel
import LastMileSolver

/// Re-optimises the unexecuted part of a live day (``LiveProblem``) under a latency budget, keeping drivers'
/// sequences unless a change pays for itself. Per event, the event's vehicle and its nearest running vehicles
/// (``Settings/vehiclesPerEvent``) are re-optimised with every open order; the others keep their routes.
///
/// Steps, all deterministic for a state, travel times and settings:
/// 1. **Baseline**: the current sequences with the open orders inserted at their cheapest feasible place (the
///    solver's greedy recreation warm-started from the sequences, no search).
/// 2. **Search**: the solver warm-started from the baseline for ``Settings/iterations`` iterations (SISR ruin
///    and recreate with local search), with ``Settings/millisecondCap`` as a safety net.
/// 3. **Stability rule**: vehicles whose stops the search exchanged form groups (with the open orders as one
///    more member); a group takes the search's routes only when the driving time saved exceeds
///    ``Settings/minimumGainSeconds`` plus ``Settings/secondsPerChangedStop`` for every stop whose vehicle or
///    position changed, else it keeps the baseline. Serving an open order the baseline leaves out is worth a
///    week of driving, so it always passes.
/// 4. **Late stops**: the four latest remaining stops late in their current sequence are each inserted again
///    where they are on time at least added driving (``LiveProblem/cheapestInsertion(of:into:on:)``), when a
///    vehicle of the scope can take them so (else they stay); the vehicle passing nearest to each joins the
///    scope for that.
/// 5. **Trading late stops**: a vehicle with several late stops serves one of them later (up to
///    ``Settings/maximumLatenessSeconds`` after its window), or hands it to another vehicle of the scope, when
///    the others then come back on time (``LiveProblem/tradingLateStop(in:on:allowance:candidates:)``): fewer
///    customers wait past their promise after a delay, one of them longer.
/// 6. **Late placement**: an open order no vehicle reaches within its window (less the margin) is inserted
///    where it is least costly with the window's end lifted: to its true end, else 15 min later, 30 min, 1 h,
///    up to ``Settings/maximumLatenessSeconds`` (it is then reported at risk); later than that it stays open. A
///    probe at the largest allowance comes first, so an order that fits nowhere (capacity, shift ends, no road)
///    costs one greedy pass, not one per step; it is reported unplaced, with that reason.
///
/// Replay: the result is recorded in the live log as a ``LiveReroute`` next to its event, so replays never
/// solve; the iteration budget makes the live loop reproducible too, as long as the millisecond cap does not
/// cut it.
public struct LiveReoptimiser: Sendable {
    /// The budget and the stability rule.
    public struct Settings: Hashable, Sendable {
        /// Solver iterations per re-optimisation (the deterministic budget).
        public var iterations: Int
        /// Wall-time cap (ms) on the search: a safety net for a slow machine; `nil` = iterations only.
        public var millisecondCap: Int?
        public var seed: UInt64
        /// What changing a stop's vehicle or position costs a driver, in seconds of driving saved.
        public var secondsPerChangedStop: Int
        /// Driving time (s) a group of changed routes must save beyond the per-stop cost.
        public var minimumGainSeconds: Int
        /// Slack (s) the re-optimiser keeps before each window's end where it can: travel and service times
        /// vary, and a sequence planned to the window's last minute is late on the road. 15 min: on the
        /// simulated disturbed days (Benchmarks README) it left 13 % fewer late stops than 10 min, 20 min more.
        public var windowMarginSeconds: Int
        /// The slack (s) before window ends that the stops of a vehicle keep when it takes a late stop from another
        /// (or trades one): less than ``windowMarginSeconds``, as a stop surely late is worse than one whose slack
        /// shrinks.
        public var rescueMarginSeconds: Int
        /// How late (s) late placement may put an open order no vehicle reaches in time; one later than that
        /// stays open, reported as unplaced (a delivery hours late is a failed one). `nil`: without limit.
        public var maximumLatenessSeconds: Int?
        /// Vehicles re-optimised per event: the event's vehicle and the running vehicles nearest to where the
        /// event happened (straight line from their places), with every open order; the others keep their
        /// routes. 0 = every vehicle. Keeps a 100-vehicle day's latency near a 10-vehicle day's.
        public var vehiclesPerEvent: Int

        public init(iterations: Int = 100, millisecondCap: Int? = 200, seed: UInt64 = 1, secondsPerChangedStop: Int = 60,
                    minimumGainSeconds: Int = 120, vehiclesPerEvent: Int = 4, windowMarginSeconds: Int = 900,
                    rescueMarginSeconds: Int = 300, maximumLatenessSeconds: Int? = 3600) {
            self.rescueMarginSeconds = rescueMarginSeconds
            self.maximumLatenessSeconds = maximumLatenessSeconds
            self.windowMarginSeconds = windowMarginSeconds
            self.vehiclesPerEvent = vehiclesPerEvent
            self.iterations = iterations
            self.millisecondCap = millisecondCap
            self.seed = seed
            self.secondsPerChangedStop = secondsPerChangedStop
            self.minimumGainSeconds = minimumGainSeconds
        }
    }

    public var settings: Settings

    public init(settings: Settings = Settings()) {
        self.settings = settings
    }

    /// What an event near `focus` re-optimises: `vehicle` (when given and running) and the running vehicles
    /// nearest to `focus`, ``Settings/vehiclesPerEvent`` in all; the open orders nearest to `focus`: those not
    /// placed yet since they opened up to 16 per such vehicle (a breakdown frees a whole run: its orders cannot
    /// wait for an event near each of them), each with the running vehicle that passes nearest to it (its
    /// position or a remaining stop) joining the scope, and 4 per vehicle of those no vehicle could take before;
    /// everything without a focus or with `vehiclesPerEvent` 0. Distances in a straight line; ties by position.
    public func scope(of state: LiveState, vehicle: String? = nil, focus: Coordinate? = nil) -> LiveScope {
        let running = state.vehicles.indices.filter { state.vehicles[$0].status == .running }
        let open = Array(state.openOrders.indices)
        guard let focus, settings.vehiclesPerEvent > 0 else { return LiveScope(vehicles: running, openOrders: open) }
        func distance(_ place: Coordinate?, from origin: Coordinate = focus) -> Double {
            place.map { LiveTravelTimes.straightLineMetres(origin, $0) } ?? .infinity
        }
        let vehicles = running.map { index -> (other: Int, metres: Double, index: Int) in
            (state.vehicles[index].vehicleID == vehicle ? 0 : 1, distance(state.vehicles[index].startPlace), index)
        }.sorted { ($0.other, $0.metres, $0.index) < ($1.other, $1.metres, $1.index) }
        // Orders no vehicle could take yet wait for an event near them (4 per vehicle, as many as fit a small
        // problem); orders freed or added since (a breakdown's run, new orders) come all, up to 16 per vehicle.
        let byDistance = open.map { (metres: distance(state.openOrders[$0].order.coordinate), index: $0) }.sorted { ($0.metres, $0.index) < ($1.metres, $1.index) }
        let fresh = byDistance.filter { !state.openOrders[$0.index].reason.hasPrefix(Self.unplacedReason) }.prefix(16 * settings.vehiclesPerEvent).map(\.index)
        let waiting = byDistance.filter { state.openOrders[$0.index].reason.hasPrefix(Self.unplacedReason) }.prefix(4 * settings.vehiclesPerEvent).map(\.index)
        let orders = fresh + waiting
        /// The running vehicle but `excluded` that passes nearest to `place` (its position or a remaining stop).
        func nearestVehicle(to place: Coordinate, excluding excluded: Int? = nil) -> Int? {
            running.filter { $0 != excluded }.map { index -> (metres: Double, index: Int) in
                let vehicle = state.vehicles[index]
                return ((vehicle.remaining.map { distance($0.order.coordinate, from: place) } + [distance(vehicle.startPlace, from: place)]).min()!, index)
            }.min { ($0.metres, $0.index) < ($1.metres, $1.index) }?.index
        }
        var chosen = Set(vehicles.prefix(settings.vehiclesPerEvent).map(\.index))
        for order in fresh {
            if let nearest = nearestVehicle(to: state.openOrders[order].order.coordinate) { chosen.insert(nearest) }
        }
        // The latest stops running late on the chosen vehicles (as many as are tried elsewhere per event) bring
        // the vehicle passing nearest to each: the likeliest to take it on time, even when it is far from the event.
        let late = chosen.sorted().flatMap { v in
            state.vehicles[v].remaining.filter(\.isAtRisk).map { (lateness: $0.serviceStart.seconds - $0.order.windowEnd.seconds, place: $0.order.coordinate, vehicle: v) }
        }.sorted { ($0.lateness, -$0.vehicle) > ($1.lateness, -$1.vehicle) }.prefix(Self.lateStopsPerEvent)
        for stop in late {
            if let nearest = nearestVehicle(to: stop.place, excluding: stop.vehicle) { chosen.insert(nearest) }
        }
        return LiveScope(vehicles: chosen.sorted(), openOrders: orders.sorted())
    }

    /// The places the vehicles of `scope` and the open orders need travel times between, for the caller to
    /// route (the core never routes).
    public func places(of state: LiveState, scope: LiveScope) -> LivePlaces { LiveProblem.places(of: state, scope: scope) }

    /// The re-optimised remaining routes of the vehicles of `scope` (``scope(of:vehicle:focus:)``) with its open
    /// orders.
    ///
    /// - Precondition: `travel` is over `places(of: state, scope: scope)`.
    public func reoptimise(_ state: LiveState, scope: LiveScope, travel: LiveTravelTimes) -> LiveReroute {
        let live = LiveProblem(state: state, scope: scope, places: places(of: state, scope: scope), travel: travel,
                               marginSeconds: Int64(settings.windowMarginSeconds))
        let problem = live.problem
        guard !problem.vehicles.isEmpty else {
            let unplaced = scope.openOrders.map { state.openOrders[$0] }.filter { $0.reason != "no vehicle is running" }
                .map { LiveReroute.Unplaced(order: $0.order.id, reason: "no vehicle is running") }
            return LiveReroute(routes: [], unplaced: unplaced, changedStops: 0, stops: live.jobOrders.count, gainSeconds: 0, iterations: 0)
        }
        // One solve: its first solution (the sequences with the open orders inserted greedily) is the baseline.
        var search = SolverConfiguration(seed: settings.seed, iterations: settings.iterations,
                                         timeLimit: settings.millisecondCap.map { Double($0) / 1000 })
        search.initialRoutes = live.current
        // Local search only on candidates that already beat the current solution: on a warm start most
        // candidates do not, and searching each one would spend the budget (60 % of a 400-stop day's latency).
        search.localSearchPolicy = .improving
        let empty = VRPSolution(routes: live.current, unassigned: [])
        let searched = problem.jobs.isEmpty ? nil : Solver.solve(problem, configuration: search)
        let baseline = searched.map { $0.initial ?? $0.solution } ?? empty
        var (routes, gain) = stable(baseline: baseline, candidate: searched?.solution ?? empty, live: live)

        // Stops late in their current sequence (a reattempt at the end of a run, a stop a delay made late): the
        // latest few are each taken out and inserted again where they are on time, when a vehicle of the scope
        // can take them so; else they stay where they were. (The cap keeps an event's latency bounded on a day
        // where a delay made many stops late; later events take the others.)
        let latest = live.lateStarts.map { (lateness: $0.value - Int64(live.jobOrders[$0.key].windowEnd.seconds), job: $0.key) }
            .sorted { ($0.lateness, -$0.job) > ($1.lateness, -$1.job) }.prefix(Self.lateStopsPerEvent).map(\.job)
        let rescue = live.problem(withMargin: Int64(settings.rescueMarginSeconds))
        for job in latest {
            var onTime = rescue
            onTime.jobs[job].windows[0].latest = max(onTime.jobs[job].windows[0].earliest, Int64(live.jobOrders[job].windowEnd.seconds))
            if let placed = live.cheapestInsertion(of: JobIndex(job), into: routes.map { $0.filter { $0.position != job } }, on: onTime) {
                routes = placed
            }
        }
        // Late stops that stayed: a vehicle with several trades one for the others (served later, or by another
        // vehicle) when the day then has fewer late stops.
        for _ in 0..<Self.lateStopsPerEvent {
            guard let traded = live.tradingLateStop(in: routes, on: rescue, allowance: Int64(settings.maximumLatenessSeconds ?? Int(LiveProblem.horizon)),
                                                    candidates: Self.lateStopsPerEvent) else { break }
            routes = traded
        }
        // Jobs left out (open orders, or stops whose current sequence is infeasible) that no vehicle reaches in
        // time: lift their window's end step by step and insert them where least costly, so that each is as
        // little late as the greedy insertion finds. One probe at the largest allowance first: what does not fit
        // even then (most often orders that waited for a vehicle before) skips the steps, so an event near such
        // orders costs one greedy pass, not one per step.
        var late = live.problem
        var leftOut = live.jobOrders.indices.filter { !Set(routes.joined()).contains(JobIndex($0)) }
        func insertLate(_ jobs: [Int], allowance: Int64?, into routes: [[JobIndex]]) -> [[JobIndex]] {
            for job in jobs {
                let window = Int64(live.jobOrders[job].windowEnd.seconds)
                late.jobs[job].windows[0].latest = allowance.map { window + $0 } ?? LiveProblem.horizon
            }
            var greedy = SolverConfiguration(seed: settings.seed, iterations: 0)
            greedy.localSearchNeighbours = 0
            greedy.initialRoutes = routes
            return Solver.solve(late, configuration: greedy).solution.routes
        }
        if let largest = lateAllowances.last, !leftOut.isEmpty {
            let probe = Set(insertLate(leftOut, allowance: largest, into: routes).joined())
            for job in leftOut where !probe.contains(JobIndex(job)) {  // back to its window: no step lifts it
                late.jobs[job].windows[0].latest = max(late.jobs[job].windows[0].earliest, Int64(live.jobOrders[job].windowEnd.seconds))
            }
            leftOut.removeAll { !probe.contains(JobIndex($0)) }
        }
        for allowance in lateAllowances where !leftOut.isEmpty {
            routes = insertLate(leftOut, allowance: allowance, into: routes)
            let placed = Set(routes.joined())
            leftOut.removeAll { placed.contains(JobIndex($0)) }
        }
        // Anything still out (an open order that fits nowhere, or a stop no road reaches from its vehicle's place)
        // is reported and left open; an order already open for that reason is not repeated (the log stays small,
        // the dispatcher hears it once).
        let finallyPlaced = Set(routes.joined())
        let reason = Self.unplacedReason
            + (settings.maximumLatenessSeconds.map { " and within \($0 / 60) min of its window" } ?? "")
        let openReasons = Dictionary(state.openOrders.map { ($0.order.id, $0.reason) }, uniquingKeysWith: { first, _ in first })
        let unplaced = live.jobOrders.indices.filter { !finallyPlaced.contains(JobIndex($0)) && openReasons[live.jobOrders[$0].id] != reason }
            .map { LiveReroute.Unplaced(order: live.jobOrders[$0].id, reason: reason) }
        let loose = live.loosened(margin: Int64(settings.rescueMarginSeconds), allowance: settings.maximumLatenessSeconds.map(Int64.init))
        return reroute(routes, unplaced: unplaced, gain: gain, iterations: searched?.iterations ?? 0, live: live, loose: loose, state: state)
    }

    /// Why an open order is left open (the start of the reason): no vehicle of its scope could take it.
    static let unplacedReason = "no running vehicle has room for it or reaches it before its shift ends"

    /// Late stops tried elsewhere per re-optimisation (the latest first).
    static let lateStopsPerEvent = 4

    /// How far (s) late placement lifts the window's end of a job no vehicle reaches in time, step by step, up
    /// to ``Settings/maximumLatenessSeconds``.
    var lateAllowances: [Int64?] {
        guard let limit = settings.maximumLatenessSeconds else { return [0, 900, 1800, 3600, 7200, nil] }
        return ([0, 900, 1800, 3600, 7200] as [Int64]).filter { $0 < limit } + [Int64(limit)]
    }

    /// Applies `event`, re-optimises what is left and adopts the result: the live loop's one step, and the
    /// policy a simulator calls. `travel` routes the places the state needs (the service's cached matrix, or
    /// ``LiveTravelTimes/init(straightLineBetween:metresPerSecond:)``).
    ///
    /// Actions: the event's road changes, ``LiveAction/rerouted(vehicleIDs:changedStops:gainSeconds:)`` when
    /// a vehicle's sequence changed (stops moved or open orders placed; routes only re-timed are logged but not
    /// announced), ``LiveAction/cannotServe(orderID:reason:)`` per unplaced open order, and a
    /// ``LiveAction/windowAtRisk(_:)`` for every window at risk after the step that was not before the event.
    ///
    /// - Throws: the event's ``LiveEventRejection``; nothing changes then.
    public func step(_ state: LiveState, _ event: LiveEvent, travel: (LivePlaces) -> LiveTravelTimes) throws(LiveEventRejection) -> LiveStep {
        let applied = try state.apply(event)
        let (vehicle, focus) = Self.focus(of: event, before: state, after: applied.state)
        let scope = scope(of: applied.state, vehicle: vehicle, focus: focus)
        let reroute = reoptimise(applied.state, scope: scope, travel: travel(places(of: applied.state, scope: scope)))
        let next = try applied.state.adopting(reroute)
        var actions = applied.actions.filter {
            if case .roadsChanged = $0 { return true }
            return false
        }
        let resequenced = zip(applied.state.vehicles, next.vehicles).filter { $0.remaining.map(\.order.id) != $1.remaining.map(\.order.id) }
        if !resequenced.isEmpty {
            actions.append(.rerouted(vehicleIDs: resequenced.map(\.1.vehicleID), changedStops: reroute.changedStops, gainSeconds: reroute.gainSeconds))
        }
        actions += reroute.unplaced.map { LiveAction.cannotServe(orderID: $0.order, reason: $0.reason) }
        let before = Set(state.atRisk.map(\.orderID))
        actions += next.atRisk.filter { !before.contains($0.orderID) }.map(LiveAction.windowAtRisk)
        return LiveStep(state: next, actions: actions, reroute: reroute)
    }

    /// Where `event` happened and the vehicle it is about: the vehicle's place, a new order's or a road
    /// condition's place, a cancelled stop's vehicle.
    static func focus(of event: LiveEvent, before: LiveState, after: LiveState) -> (vehicle: String?, focus: Coordinate?) {
        func place(of vehicle: String, in state: LiveState) -> Coordinate? { state.vehicles.first { $0.vehicleID == vehicle }?.startPlace }
        switch event.kind {
        case .newOrder(let order): return (nil, order.coordinate)
        case .roadCondition(let condition): return (nil, condition.centre)
        case .cancelled(let orderID):
            let vehicle = before.vehicles.first { $0.remaining.contains { $0.order.id == orderID } }
            return (vehicle?.vehicleID, vehicle?.startPlace)
        default:
            guard let vehicle = event.vehicleID else { return (nil, nil) }
            return (vehicle, place(of: vehicle, in: after))
        }
    }

    /// The stability rule: per group of vehicles that exchanged stops, the candidate's routes when they save
    /// enough, else the baseline's; and the driving time saved.
    private func stable(baseline: VRPSolution, candidate: VRPSolution, live: LiveProblem) -> (routes: [[JobIndex]], gain: Int) {
        let vehicles = baseline.routes.count, pool = vehicles
        var parent = Array(0...vehicles)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { (parent[x], x) = (parent[parent[x]], parent[x]) }
            return x
        }
        var vehicleBefore = [Int](repeating: pool, count: live.problem.jobs.count)
        var vehicleAfter = vehicleBefore
        for (v, route) in baseline.routes.enumerated() { for job in route { vehicleBefore[job.position] = v } }
        for (v, route) in candidate.routes.enumerated() { for job in route { vehicleAfter[job.position] = v } }
        for job in vehicleBefore.indices { parent[root(vehicleBefore[job])] = root(vehicleAfter[job]) }
        var changed = [Int](repeating: 0, count: vehicles + 1), saved = [Int64](repeating: 0, count: vehicles + 1)
        for job in SequenceChanges.changed(from: baseline.routes, to: candidate.routes) { changed[root(vehicleBefore[job.position])] += 1 }
        for v in 0..<vehicles {
            let old = live.drivingSeconds(of: baseline.routes[v], vehicle: v) ?? LiveProblem.horizon
            let new = live.drivingSeconds(of: candidate.routes[v], vehicle: v) ?? LiveProblem.horizon
            saved[root(v)] += old - new
        }
        // Serving more open orders outweighs any driving (the bonus decides, it is not driving time saved).
        let bonus = LiveProblem.horizon * Int64(baseline.unassigned.count - candidate.unassigned.count)
        saved[root(pool)] += bonus
        var routes = baseline.routes, gain: Int64 = 0
        for v in 0..<vehicles {
            let group = root(v)
            let price = Int64(settings.minimumGainSeconds + settings.secondsPerChangedStop * changed[group])
            if saved[group] > price {
                routes[v] = candidate.routes[v]
            }
        }
        for group in Set((0...vehicles).map(root)).sorted() {
            let price = Int64(settings.minimumGainSeconds + settings.secondsPerChangedStop * changed[group])
            if saved[group] > price { gain += saved[group] - (group == root(pool) ? bonus : 0) }
        }
        return (routes, Int(min(gain, Int64(Int.max))))
    }

    /// The routes as the log records them: those that differ from `state`'s, with the stability measure; legs and
    /// breaks timed on `loose` where a route is later than the live problem allows (see ``LiveProblem/schedule(of:vehicle:loose:)``).
    private func reroute(_ routes: [[JobIndex]], unplaced: [LiveReroute.Unplaced], gain: Int, iterations: Int, live: LiveProblem,
                         loose: VRPProblem, state: LiveState) -> LiveReroute {
        var changedRoutes: [LiveReroute.Route] = []
        let before = live.vehicleOfState.map { state.vehicles[$0].remaining.map(\.order.id) }
        let after = routes.map { $0.map { live.jobOrders[$0.position].id } }
        let changedStops = SequenceChanges.changed(from: before, to: after).count
        for (v, route) in routes.enumerated() {
            let vehicle = state.vehicles[live.vehicleOfState[v]]
            let (legs, end) = live.legs(of: route, vehicle: v, loose: loose)
            let start = vehicle.startTime(at: state.clock).seconds
            let breaks = live.breakPlacements(of: route, vehicle: v, loose: loose)
            let currentBreaks = vehicle.pendingBreaks.map { $0.pending.afterAttempts - vehicle.attemptsStarted }
            let same = legs == vehicle.remaining.map { LiveReroute.Leg(order: $0.order.id, seconds: $0.legSeconds) }
                && end == vehicle.endLegSeconds && start == vehicle.readyAt.seconds && (breaks ?? []) == currentBreaks
            if !same {
                changedRoutes.append(LiveReroute.Route(vehicle: vehicle.vehicleID, start: start, stops: legs, endLegSeconds: end, breaksAfterStops: breaks))
            }
        }
        return LiveReroute(routes: changedRoutes, unplaced: unplaced, changedStops: changedStops, stops: live.jobOrders.count,
                           gainSeconds: max(0, gain), iterations: iterations)
    }
}

/// One step of the live loop: the state after the event and its re-optimisation, what it asks of the world,
/// and the re-optimisation as the log records it.
public struct LiveStep: Sendable {
    public var state: LiveState
    public var actions: [LiveAction]
    public var reroute: LiveReroute
}
