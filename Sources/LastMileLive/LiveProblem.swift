import LastMileCore
import LastMileDomain
import LastMileModel

/// The unexecuted part of a live day as a vehicle routing problem: every running vehicle starts at its last
/// known place at the time it can leave it, with the stops it still has; open orders are jobs no vehicle
/// serves yet. Frozen prefixes (executed stops, the stop a vehicle is at) are not in it; broken-down vehicles
/// are left out.
///
/// Locations are the places of ``LivePlaces`` in order (targets, then starts). Cost is driving time (s), the
/// vehicle's speed applied; pending breaks are the vehicles' breaks. With a traffic forecast
/// (``LiveTravelTimes/timeDependent``), vehicles at the car's speed drive each leg in the traffic of its
/// departure (profile 0); slower ones (speed factor ≠ 1) drive the static times (profile 1), as the day
/// planner does. Windows stay hard, but never harder than the
/// current sequences: a remaining stop on time may start as late as its window's end less a margin, or its start
/// in the current sequence, and a vehicle may come back as late as `max(end of shift, its current return)`, so the current
/// sequences are always a feasible warm start and no late stop gets later (``LiveReoptimiser`` tries each
/// late stop elsewhere on time). Open orders keep their window less the margin (see ``LiveReoptimiser`` for
/// those that fit nowhere on time).
struct LiveProblem {
    /// Beyond every shift: the latest time of an unbounded window (7 days, s).
    static let horizon: Int64 = 7 * 86_400

    var problem: VRPProblem
    let places: LivePlaces
    /// Positions in `state.vehicles` of the problem's vehicles (the running ones with a place).
    let vehicleOfState: [Int]
    /// The order of each job: the remaining stops vehicle by vehicle in sequence, then the open orders.
    let jobOrders: [LiveOrder]
    /// Each vehicle's current sequence as jobs (the warm start).
    let current: [[JobIndex]]
    /// Jobs of the open orders (`jobOrders[openJobs.lowerBound...]`).
    let openJobs: Range<Int>
    /// Remaining stops that are late in their current sequence, by job: the time (s) their service starts there.
    let lateStarts: [Int: Int64]
    /// Remaining stops with a schedule in their current sequence, by job: the time (s) their service starts there.
    let currentStarts: [Int: Int64]

    /// The places the vehicles and open orders of `scope` need travel times between (see ``LivePlaces``).
    static func places(of state: LiveState, scope: LiveScope) -> LivePlaces {
        var targets: [Coordinate] = [], seen: Set<Coordinate> = []
        func add(_ place: Coordinate) { if seen.insert(place).inserted { targets.append(place) } }
        let running = scope.vehicles.map { state.vehicles[$0] }.filter { $0.status == .running && $0.startPlace != nil }
        for vehicle in running { add(vehicle.endPlace ?? vehicle.startPlace!) }
        for vehicle in running { for stop in vehicle.remaining { add(stop.order.coordinate) } }
        for index in scope.openOrders { add(state.openOrders[index].order.coordinate) }
        var starts: [Coordinate] = []
        for vehicle in running where seen.insert(vehicle.startPlace!).inserted { starts.append(vehicle.startPlace!) }
        return LivePlaces(targets: targets, starts: starts, conditions: state.roadConditions.filter { $0.isInForce(at: state.clock) })
    }

    /// The problem of the vehicles and open orders of `scope`.
    ///
    /// - Parameter marginSeconds: slack kept before each window's end where the current sequence has it (on
    ///   the travel times of the moment, a plan that arrives at a window's last minute is late on the road).
    /// - Precondition: `travel` is over `places(of: state, scope: scope)`.
    init(state: LiveState, scope: LiveScope, places: LivePlaces, travel: LiveTravelTimes, marginSeconds: Int64 = 0) {
        let all = places.all
        precondition(travel.count == all.count, "travel times over \(travel.count) places for \(all.count)")
        var location: [Coordinate: LocationIndex] = [:]
        for (index, place) in all.enumerated() { location[place] = LocationIndex(index) }
        var jobs: [Job] = [], orders: [LiveOrder] = [], current: [[JobIndex]] = [], vehicles: [Vehicle] = [], ofState: [Int] = []
        func job(_ order: LiveOrder, latest: Int64) -> Job {
            Job(id: order.id, location: location[order.coordinate]!, demand: order.load.dimensions, service: Int64(order.serviceSeconds),
                windows: [TimeWindow(earliest: Int64(order.windowStart.seconds), latest: max(Int64(order.windowStart.seconds), latest))])
        }
        for index in scope.vehicles where state.vehicles[index].status == .running {
            let live = state.vehicles[index]
            guard let start = live.startPlace else { continue }
            var sequence: [JobIndex] = []
            for stop in live.remaining {
                sequence.append(JobIndex(jobs.count))
                jobs.append(job(stop.order, latest: Self.horizon))
                orders.append(stop.order)
            }
            vehicles.append(Vehicle(
                id: live.vehicleID, startLocation: location[start]!, endLocation: location[live.endPlace ?? start]!,
                capacity: [1 << 40, 1 << 40, 1 << 40], shift: TimeWindow(earliest: Int64(live.startTime(at: state.clock).seconds), latest: Self.horizon),
                fixedCost: 0, costPerDistance: 0, costPerTime: 1, profile: travel.timeDependent != nil && live.speedFactor != 1 ? 1 : 0,
                speedFactor: live.speedFactor, breaks: Self.breaks(of: live, at: state.clock)))
            current.append(sequence)
            ofState.append(index)
        }
        let firstOpen = jobs.count
        for open in scope.openOrders.map({ state.openOrders[$0] }) {
            jobs.append(job(open.order, latest: Int64(open.order.windowEnd.seconds) - marginSeconds))
            orders.append(open.order)
        }
        var profiles = [TravelProfile(name: "car", time: travel.seconds, distance: travel.metres, timeDependent: travel.timeDependent)]
        if travel.timeDependent != nil { profiles.append(TravelProfile(name: "car (static)", time: travel.seconds, distance: travel.metres)) }
        problem = VRPProblem(
            name: "live \(state.date) r\(state.revision)", locationCount: all.count, profiles: profiles, jobs: jobs, vehicles: vehicles, dimensions: 3)
        self.places = places
        vehicleOfState = ofState
        jobOrders = orders
        openJobs = firstOpen..<jobs.count
        // Tighten to the current sequences: windows and shifts no harder than they make them, capacity what is
        // free once the goods on board for no stop (returns, the current stop) are counted.
        var warm = current
        var lateStarts: [Int: Int64] = [:], currentStarts: [Int: Int64] = [:]
        for (v, sequence) in current.enumerated() {
            let live = state.vehicles[ofState[v]]
            // The current sequence's schedule keeps the stops on time that are on time in the state: unbounded
            // windows alone would let a pending break go before them as readily as after (the return is as early),
            // and a stop on time at one event would turn 30 min late at the next with nothing changed.
            for (stop, job) in zip(live.remaining, sequence) where !stop.isAtRisk {
                problem.jobs[job.position].windows[0].latest = Int64(stop.order.windowEnd.seconds)
            }
            let kept = RouteSchedule(route: sequence, vehicle: problem.vehicles[v], problem: problem)
            for job in sequence where kept == nil { problem.jobs[job.position].windows[0].latest = Self.horizon }
            guard let schedule = kept ?? RouteSchedule(route: sequence, vehicle: problem.vehicles[v], problem: problem) else {
                warm[v] = []  // a stop no road reaches: it becomes a job to place like an open order
                continue
            }
            for (visit, job) in zip(schedule.visits, sequence) {
                let window = Int64(orders[job.position].windowEnd.seconds)
                problem.jobs[job.position].windows[0].latest = max(window - marginSeconds, visit.start)
                // Late in its current sequence (a reattempt, a stop a delay made late): the re-optimiser tries it
                // elsewhere with its true window.
                if visit.start > window { lateStarts[job.position] = visit.start }
                currentStarts[job.position] = visit.start
            }
            problem.vehicles[v].shift.latest = max(Int64(live.shiftEnd?.seconds ?? Int(Self.horizon)), schedule.end)
            let planned = sequence.reduce(Load.empty) { $0 + orders[$1.position].load }
            let free = live.capacity - (live.load - planned)
            problem.vehicles[v].capacity = zip(free.dimensions, planned.dimensions).map { max($0, $1) }
        }
        for (v, sequence) in current.enumerated() where warm[v].isEmpty && !sequence.isEmpty {
            for job in sequence { problem.jobs[job.position].windows[0].latest = Int64(orders[job.position].windowEnd.seconds) }
        }
        self.current = warm
        self.lateStarts = lateStarts
        self.currentStarts = currentStarts
    }

    /// ``problem`` with `margin` (s) of slack before window ends instead of the margin it was built with: for
    /// the remaining stops where their current sequence has it, for the open orders everywhere.
    func problem(withMargin margin: Int64) -> VRPProblem {
        var other = problem
        for (job, start) in currentStarts { other.jobs[job].windows[0].latest = max(Int64(jobOrders[job].windowEnd.seconds) - margin, start) }
        for job in openJobs {
            other.jobs[job].windows[0].latest = max(other.jobs[job].windows[0].earliest, Int64(jobOrders[job].windowEnd.seconds) - margin)
        }
        return other
    }

    /// The pending breaks of `vehicle` as the solver's: in order (ids `break-0`, `break-1`, … sort like the
    /// list), each starting in its window, but never later than the vehicle can start it (an overdue break is
    /// taken as soon as it can be, never refused); a break the driver has begun starts when the vehicle was free.
    static func breaks(of vehicle: LiveVehicle, at clock: TimeOfDay) -> [DriverBreak] {
        let start = Int64(vehicle.startTime(at: clock).seconds)
        return vehicle.pendingBreaks.enumerated().map { number, entry in
            let earliest = Int64(entry.pending.earliest.seconds)
            // Due where the vehicle stands, its window open when the vehicle was free: the driver has begun it
            // (drivers take a due break when free), so it starts then, whatever a re-plan would prefer.
            let begun = number == 0 && vehicle.current == nil && entry.pending.afterAttempts == vehicle.attemptsStarted && earliest <= start
            let latest = begun ? max(earliest, start) : max(Int64(entry.pending.latest.seconds), start, earliest)
            return DriverBreak(id: "break-\(number)", windows: [TimeWindow(earliest: earliest, latest: latest)], duration: Int64(entry.pending.minutes * 60))
        }
    }

    /// ``problem(withMargin:)`` with the stops late in their current sequence, those without a schedule there and
    /// the open orders allowed up to `allowance` s after their window's end (`nil`: any time): the windows a
    /// rescue, a trade or late placement may have placed them under.
    func loosened(margin: Int64, allowance: Int64?) -> VRPProblem {
        var loose = problem(withMargin: margin)
        for job in loose.jobs.indices where currentStarts[job] == nil || lateStarts[job] != nil {
            let end = Int64(jobOrders[job].windowEnd.seconds)
            loose.jobs[job].windows[0].latest = max(loose.jobs[job].windows[0].latest, allowance.map { end + $0 } ?? Self.horizon)
        }
        return loose
    }

    /// The schedule of `route` on vehicle `v` the reroute announces: on ``problem``, or on `loose` (see
    /// ``loosened(margin:allowance:)``) for a route a rescue, a trade or late placement made later than
    /// ``problem`` allows; `nil` when neither has one.
    func schedule(of route: [JobIndex], vehicle v: Int, loose: VRPProblem?) -> RouteSchedule? {
        RouteSchedule(route: route, vehicle: problem.vehicles[v], problem: problem)
            ?? loose.flatMap { RouteSchedule(route: route, vehicle: $0.vehicles[v], problem: $0) }
    }

    /// Where the schedule of `route` on vehicle `v` (``schedule(of:vehicle:loose:)``) puts its pending breaks:
    /// stops of `route` before each, in the breaks' order; `nil` when the vehicle has none or the route has no
    /// schedule.
    func breakPlacements(of route: [JobIndex], vehicle v: Int, loose: VRPProblem? = nil) -> [Int]? {
        guard !problem.vehicles[v].breaks.isEmpty, let schedule = schedule(of: route, vehicle: v, loose: loose) else {
            return nil
        }
        var placements = [Int](repeating: route.count, count: problem.vehicles[v].breaks.count)
        for taken in schedule.breaks {
            if let number = Int(problem.vehicles[v].breaks[taken.index].id.dropFirst("break-".count)) { placements[number] = taken.afterVisits }
        }
        return placements
    }

    /// `routes` with `job` (in none of them) inserted where it adds the least driving time and every stop of the
    /// changed route, `job` too, keeps its window in `problem` (and the vehicle its capacity and shift); `nil`
    /// when no place does. Ties go to the first vehicle and position. One exact schedule per place tried: far
    /// cheaper than a greedy solve, which builds the solver's data first.
    func cheapestInsertion(of job: JobIndex, into routes: [[JobIndex]], on problem: VRPProblem) -> [[JobIndex]]? {
        var best: (added: Int64, vehicle: Int, route: [JobIndex])?
        for (v, route) in routes.enumerated() {
            let vehicle = problem.vehicles[v]
            guard fits(job, on: v, with: route, in: problem), let before = RouteSchedule(route: route, vehicle: vehicle, problem: problem)?.travelCost else { continue }
            for position in 0...route.count {
                var candidate = route
                candidate.insert(job, at: position)
                guard let after = RouteSchedule(route: candidate, vehicle: vehicle, problem: problem)?.travelCost,
                      best.map({ after - before < $0.added }) ?? true else { continue }
                best = (after - before, v, candidate)
            }
        }
        guard let best else { return nil }
        var inserted = routes
        inserted[best.vehicle] = best.route
        return inserted
    }

    /// Whether vehicle `v` has room for `job` on top of `route` in `problem`.
    func fits(_ job: JobIndex, on v: Int, with route: [JobIndex], in problem: VRPProblem) -> Bool {
        let load = route.reduce(problem.jobs[job.position].demand) { sum, other in zip(sum, problem.jobs[other.position].demand).map(+) }
        return zip(load, problem.vehicles[v].capacity).allSatisfy { $0 <= $1 }
    }

    /// Driving time (s) of `job` sequences per vehicle, `nil` for a vehicle whose sequence is infeasible.
    func drivingSeconds(of route: [JobIndex], vehicle v: Int) -> Int64? {
        RouteSchedule(route: route, vehicle: problem.vehicles[v], problem: problem)?.travelCost
    }

    /// The legs of `route` on vehicle `v`: driving seconds to each stop from the previous place, and back. On
    /// time-dependent travel, each leg is driven when the route's schedule (``schedule(of:vehicle:loose:)``)
    /// leaves for it (after the stop before and any break taken there); without a schedule, or on static travel,
    /// at the static times.
    func legs(of route: [JobIndex], vehicle v: Int, loose: VRPProblem? = nil) -> (stops: [LiveReroute.Leg], end: Int) {
        let vehicle = problem.vehicles[v]
        let timed = problem.profiles[vehicle.profile.position].timeDependent == nil ? nil : schedule(of: route, vehicle: v, loose: loose)
        var previous = vehicle.startLocation
        var legs: [LiveReroute.Leg] = []
        func seconds(to place: LocationIndex, afterVisits k: Int) -> Int {
            guard let timed else { return Int(problem.time(previous, place, by: vehicle)) }
            var free = k == 0 ? timed.departure : timed.visits[k - 1].start + problem.jobs[route[k - 1].position].service
            for taken in timed.breaks where taken.afterVisits == k { free = max(free, taken.start + vehicle.breaks[taken.index].duration) }
            return Int(problem.arrival(previous, place, by: vehicle, departingAt: free) - free)
        }
        for (k, job) in route.enumerated() {
            let location = problem.jobs[job.position].location
            legs.append(LiveReroute.Leg(order: jobOrders[job.position].id, seconds: seconds(to: location, afterVisits: k)))
            previous = location
        }
        return (legs, seconds(to: vehicle.endLocation, afterVisits: route.count))
    }
}

extension LiveVehicle {
    /// Where the vehicle leaves from: its last known position (a customer's place once it arrived there).
    var startPlace: Coordinate? { position?.coordinate ?? endPlace }

    /// When it leaves its start place: its `readyAt`, or the time of its last reported position when later
    /// (a position report mid-leg).
    var startTime: TimeOfDay { max(readyAt, position?.at ?? readyAt) }

    /// When it can leave at the live clock `clock`: ``startTime``, or `clock` when later and the vehicle is
    /// ``isIdle`` (back at the depot it leaves now, not when it arrived; a driver waiting for a break drives
    /// off now when new stops come before it).
    func startTime(at clock: TimeOfDay) -> TimeOfDay { isIdle ? max(startTime, clock) : startTime }

    /// Whether the vehicle stands at its place with nothing under way: no stop left, or its next step is a
    /// break that cannot start before its earliest start (the driver waits there).
    var isIdle: Bool {
        guard current == nil else { return false }
        guard !remaining.isEmpty else { return true }
        guard let pause = pendingBreaks.first?.pending else { return false }
        return pause.afterAttempts == attemptsStarted && pause.earliest > startTime
    }
}
