import LastMileCore
import LastMileDomain
import LastMileLive

/// The mutable state of one ``DaySimulator/run(disturbances:policy:)``: the live state, the vehicles' truth,
/// who carries which goods, the clock and the tallies.
struct SimulationRun {
    let simulator: DaySimulator
    let disturbances: DayDisturbances
    let policy: SimulationPolicy
    var state: LiveState
    var vehicles: [SimulatedVehicle]
    /// The vehicle holding each undelivered order's goods, by order id (lookups only).
    var carrier: [String: Int] = [:]
    /// The plan's vehicle and arrival per order id (lookups only).
    let planned: [String: (vehicle: Int, arrival: TimeOfDay)]
    var nextDisturbance = 0
    /// The simulated clock, s after midnight: never decreases.
    var now = 0
    var emitted = 0
    var applied = 0, skipped = 0
    var newOrderIDs: [String] = []
    var stability = SimulationReport.Stability()
    var changedShareSum = 0.0

    var roads: SimulationRoads { simulator.roads }

    init(simulator: DaySimulator, disturbances: DayDisturbances, policy: SimulationPolicy) throws(LastMileError) {
        let plan = simulator.plan, day = simulator.day, roads = simulator.roads
        self.simulator = simulator
        self.disturbances = disturbances
        self.policy = policy
        state = LiveState(plan: plan, day: day)
        let types = Dictionary(day.vehicleTypes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let fleet = Dictionary(day.vehicles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let depots = Dictionary(day.depots.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let orders = Dictionary(day.orders.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func missing(_ what: String) -> LastMileError {
            LastMileError(.badInput, "\(what) of plan version \(plan.version.version) of \(plan.version.date) is not in the day's data",
                          hint: "simulate the plan over the database it was made from")
        }
        func offRoads(_ what: String) -> LastMileError {
            LastMileError(.routingData, "\(what) is not on the simulated roads", hint: "simulate on the map the plan was made on")
        }
        var vehicles: [SimulatedVehicle] = []
        var carrier: [String: Int] = [:]
        var planned: [String: (vehicle: Int, arrival: TimeOfDay)] = [:]
        for run in plan.runs {
            guard let vehicle = fleet[run.vehicleID], let type = types[vehicle.typeID] else { throw missing("vehicle \(run.vehicleID)") }
            guard let depot = depots[run.depotID], let endDepot = depots[run.endDepotID] else { throw missing("a depot of vehicle \(run.vehicleID)") }
            guard let startPlace = roads.place(of: depot.coordinate), let endPlace = roads.place(of: endDepot.coordinate) else {
                throw offRoads("a depot of vehicle \(run.vehicleID)")
            }
            var load = Load(grams: 0, millilitres: 0, parcels: 0)
            for stop in run.stops {
                guard let order = orders[stop.orderID] else { throw missing("order \(stop.orderID)") }
                guard roads.place(of: order.coordinate) != nil else { throw offRoads("the address of order \(order.id)") }
                load = load.adding(order.load)
                carrier[order.id] = vehicles.count
                planned[order.id] = (vehicles.count, stop.arrival)
            }
            vehicles.append(SimulatedVehicle(
                vehicleID: run.vehicleID, mode: type.mode, speedFactor: type.speedFactor, endDepotPlace: endPlace, shiftEnd: vehicle.shiftEnd,
                start: run.departure.seconds - depot.loadingSeconds, departure: run.departure.seconds,
                phase: .ready(at: run.departure.seconds), place: startPlace, onBoard: load))
        }
        self.vehicles = vehicles
        self.carrier = carrier
        self.planned = planned
    }

    /// Runs the day to its end: every vehicle returned or broken down, every disturbance applied or skipped.
    mutating func simulate() throws(LastMileError) {
        while true {
            let vehicle = vehicles.indices.compactMap { index in vehicles[index].phase.end.map { (index: index, time: $0) } }
                .min { ($0.time, $0.index) < ($1.time, $1.index) }
            if nextDisturbance < disturbances.events.count, vehicle.map({ disturbances.events[nextDisturbance].at.seconds <= $0.time }) ?? true {
                let event = disturbances.events[nextDisturbance]
                nextDisturbance += 1
                try advance(to: event.at.seconds)
                try disturb(event)
            } else if let vehicle {
                try advance(to: vehicle.time)
                try step(vehicle.index)
            } else {
                return
            }
        }
    }

    private mutating func advance(to time: Int) throws(LastMileError) {
        guard time >= now else {
            throw LastMileError(.internal, "simulated time ran backwards from \(TimeOfDay(seconds: now).withSeconds) to \(TimeOfDay(seconds: time).withSeconds)",
                                hint: "this is a bug in LastMile; please report it with the seed")
        }
        now = time
    }

    /// Ends the current phase of vehicle `index` and starts its next.
    private mutating func step(_ index: Int) throws(LastMileError) {
        var vehicle = vehicles[index]
        defer { vehicles[index] = vehicle }
        switch vehicle.phase {
        case .ready(let at):
            // The live state's breaks: the plan's, as far as a re-router moved them.
            let breaks = state.vehicles[index].breaks
            if vehicle.breaksTaken < breaks.count, breaks[vehicle.breaksTaken].afterAttempts <= vehicle.attemptsDone {
                let earliest = breaks[vehicle.breaksTaken].earliest.seconds
                guard earliest <= at else {
                    vehicle.phase = .waitingForBreak(since: at, until: earliest)
                    return
                }
                let seconds = breaks[vehicle.breaksTaken].minutes * 60
                vehicle.breaksTaken += 1
                vehicle.totals.breakSeconds += seconds
                vehicle.phase = .ready(at: at + seconds)
                return
            }
            guard let stop = state.vehicles[index].remaining.first else {
                let leg = self.leg(vehicle, to: vehicle.endDepotPlace, at: at) ?? (0, 0)
                vehicle.totals.metres += Int64(leg.metres)
                vehicle.totals.driveSeconds += leg.seconds
                vehicle.phase = .returning(departure: at, arrival: at + leg.seconds, seconds: leg.seconds, metres: leg.metres)
                return
            }
            guard let place = roads.place(of: stop.order.coordinate) else {
                throw LastMileError(.internal, "order \(stop.order.id) was routed to an address that is not on the simulated roads",
                                    hint: "the re-router may only assign orders of the day's places")
            }
            guard let leg = leg(vehicle, to: place, at: at) else {
                vehicle.totals.failedAttempts += 1
                vehicle.attemptsDone += 1
                vehicle.visits.append(visit(stop.order, attempt: stop.attempt, outcome: .unreachable, arrival: at, serviceStart: at, departure: at, vehicle, index: index))
                vehicles[index] = vehicle
                try disturb(with: simulatedEvent(.failed(vehicleID: vehicle.vehicleID, orderID: stop.order.id, reason: "no road reaches the address",
                                                         then: .returnToDepot), at: at))
                vehicle = vehicles[index]
                return
            }
            vehicle.totals.metres += Int64(leg.metres)
            vehicle.totals.driveSeconds += leg.seconds
            vehicle.phase = .driving(orderID: stop.order.id, attempt: stop.attempt, place: place, departure: at, arrival: at + leg.seconds,
                                     seconds: leg.seconds, metres: leg.metres)
        case .driving(let orderID, let attempt, let place, _, let arrival, _, _):
            vehicle.place = place
            // A re-router may have given the stop to another vehicle meanwhile: then this one just is there, and
            // its device says so (the live state would otherwise plan it from the place it left).
            guard let stop = state.vehicles[index].remaining.first(where: { $0.order.id == orderID }) else {
                vehicle.phase = .ready(at: arrival)
                try apply(simulatedEvent(.position(vehicleID: vehicle.vehicleID, coordinate: roads.places[place], headingDegrees: nil), at: arrival))
                return
            }
            try apply(simulatedEvent(.arrived(vehicleID: vehicle.vehicleID, orderID: orderID), at: arrival))
            let serviceStart = max(arrival, stop.order.windowStart.seconds)
            vehicle.totals.waitSeconds += serviceStart - arrival
            let outcome: SimulationReport.Visit.Outcome
            let seconds: Int
            if attempt == 1, let followUp = disturbances.absent[orderID] {
                outcome = followUp == .reattempt ? .failedReattempt : .failedReturn
                seconds = DaySimulator.absentSeconds
            } else {
                outcome = .delivered
                let factor = simulator.noise.serviceFactor(orderID: orderID, attempt: attempt) * roads.serviceMultiplier(at: place, time: serviceStart)
                seconds = Int((Double(stop.order.serviceSeconds) * factor).rounded())
            }
            vehicle.totals.serviceSeconds += seconds
            vehicle.phase = .serving(order: stop.order, attempt: attempt, arrival: arrival, serviceStart: serviceStart, end: serviceStart + seconds,
                                     outcome: outcome)
        case .serving(let order, let attempt, let arrival, let serviceStart, let end, let outcome):
            vehicle.attemptsDone += 1
            vehicle.phase = .ready(at: end)
            guard outcome == .delivered else {
                let then: LiveEvent.FailureFollowUp = outcome == .failedReattempt ? .reattempt : .returnToDepot
                vehicle.totals.failedAttempts += 1
                vehicle.visits.append(visit(order, attempt: attempt, outcome: outcome, arrival: arrival, serviceStart: serviceStart, departure: end, vehicle, index: index))
                vehicles[index] = vehicle
                try disturb(with: simulatedEvent(.failed(vehicleID: vehicle.vehicleID, orderID: order.id, reason: "customer absent", then: then), at: end))
                vehicle = vehicles[index]
                return
            }
            vehicle.onBoard = vehicle.onBoard.adding(order.load, times: -1)
            carrier[order.id] = nil
            guard vehicle.onBoard.isNonNegative else {
                throw LastMileError(.internal, "vehicle \(vehicle.vehicleID) delivered order \(order.id) without its goods on board",
                                    hint: "this is a bug in LastMile; please report it with the seed")
            }
            let lateness = max(0, serviceStart - order.windowEnd.seconds)
            vehicle.totals.stopsServed += 1
            vehicle.totals.lateStops += lateness > 0 ? 1 : 0
            vehicle.totals.latenessSeconds += lateness
            vehicle.visits.append(visit(order, attempt: attempt, outcome: .delivered, arrival: arrival, serviceStart: serviceStart, departure: end, vehicle, index: index))
            // The live loop takes completions like any event: it re-plans from there, with the day's delays so far
            // in the vehicles' places and times.
            let completed = simulatedEvent(.completed(vehicleID: vehicle.vehicleID, orderID: order.id), at: end)
            guard policy.reroutesCompletions else { return try apply(completed) }
            vehicles[index] = vehicle
            try disturb(with: completed)
            vehicle = vehicles[index]
        case .returning(_, let arrival, _, _):
            vehicle.place = vehicle.endDepotPlace
            vehicle.phase = state.vehicles[index].remaining.isEmpty ? .finished(at: arrival) : .ready(at: arrival)
            // Back at the depot: the device reports it, so a re-router sends it out again from there.
            try apply(simulatedEvent(.position(vehicleID: vehicle.vehicleID, coordinate: roads.places[vehicle.endDepotPlace], headingDegrees: nil), at: arrival))
        case .waitingForBreak(let since, let until):
            vehicle.totals.waitSeconds += until - since
            vehicle.phase = .ready(at: until)
        case .finished, .brokenDown:
            break
        }
    }

    /// Applies a timed disturbance: to the vehicle's truth (a delay holds it up, a breakdown stops it), to the
    /// live state, then lets the policy re-plan. Events for a vehicle that is no longer out are skipped.
    private mutating func disturb(_ event: LiveEvent) throws(LastMileError) {
        if let vehicleID = event.vehicleID {
            guard let index = vehicles.firstIndex(where: { $0.vehicleID == vehicleID }), vehicles[index].isActive else {
                skipped += 1
                return
            }
            switch event.kind {
            case .delay(_, let minutes, _): vehicles[index].hold(seconds: minutes * 60)
            case .breakdown: vehicles[index].breakDown(at: event.at.seconds)
            default: break
            }
        }
        if case .newOrder(let order) = event.kind { newOrderIDs.append(order.id) }
        try disturb(with: event)
        applied += 1
    }

    /// An event the simulation reports itself (stop progress, a failed delivery), keyed `simulated-N`.
    private mutating func simulatedEvent(_ kind: LiveEvent.Kind, at time: Int) -> LiveEvent {
        emitted += 1
        return LiveEvent(key: "simulated-\(emitted)", at: TimeOfDay(seconds: time), kind: kind)
    }

    /// `event` applied to the live state.
    private func applied(_ event: LiveEvent) throws(LastMileError) -> LiveState {
        do {
            return try state.apply(event).state
        } catch {
            throw LastMileError(.internal, "the live state refused the simulated event \(event.key) at \(event.at.withSeconds): \(error.message)",
                                hint: "this is a bug in LastMile; please report it with the seed")
        }
    }

    private mutating func apply(_ event: LiveEvent) throws(LastMileError) { state = try applied(event) }

    /// A disturbance reaches the live day: applied to the live state when the plan is kept, or handed with the
    /// state to the policy's live-loop step. Then tallies how many remaining stops the re-planning moved (against
    /// the state the event alone makes), hands goods over to the vehicles that took their orders, and sends a
    /// returned vehicle out again when it got new stops.
    private mutating func disturb(with event: LiveEvent) throws(LastMileError) {
        guard let reroute = policy.reroute else { return try apply(event) }
        let previous = try applied(event)
        do {
            state = try reroute(state, event)
        } catch let error as LastMileError {
            throw error
        } catch {
            throw LastMileError(describing: error)
        }
        guard state.vehicles.map(\.vehicleID) == previous.vehicles.map(\.vehicleID) else {
            throw LastMileError(.internal, "the re-router \(policy.name) changed the vehicles of the live state", hint: "it may only change their stops")
        }
        let changed = SimulationRun.changedStops(from: previous.vehicles.map { $0.remaining.map(\.order.id) },
                                                 to: state.vehicles.map { $0.remaining.map(\.order.id) })
        let count = previous.vehicles.reduce(0) { $0 + $1.remaining.count }
        stability.reroutes += 1
        stability.changedStops += changed
        changedShareSum += count == 0 ? 0 : Double(changed) / Double(count)
        for (index, vehicle) in state.vehicles.enumerated() {
            for stop in [vehicle.current].compactMap({ $0 }) + vehicle.remaining where carrier[stop.order.id] != index {
                if let holder = carrier[stop.order.id] { vehicles[holder].onBoard = vehicles[holder].onBoard.adding(stop.order.load, times: -1) }
                vehicles[index].onBoard = vehicles[index].onBoard.adding(stop.order.load)
                carrier[stop.order.id] = index
            }
            if case .finished(let at) = vehicles[index].phase, !vehicle.remaining.isEmpty { vehicles[index].phase = .ready(at: max(at, now)) }
            // A driver waiting for a break follows the new plan from now (it may put stops before the break).
            if case .waitingForBreak(let since, _) = vehicles[index].phase {
                vehicles[index].totals.waitSeconds += now - since
                vehicles[index].phase = .ready(at: now)
            }
        }
    }

    /// The stops of `before` (`before[v]`: vehicle `v`'s sequence) that changed vehicle, left every sequence, or
    /// follow another stop among those that stayed on their vehicle: inserting a stop or moving one away changes
    /// no other stop, swapping two neighbours changes them and the stop after them.
    static func changedStops(from before: [[String]], to after: [[String]]) -> Int {
        var vehicleAfter: [String: Int] = [:]
        for (v, sequence) in after.enumerated() { for stop in sequence { vehicleAfter[stop] = v } }
        var changed = 0
        for (v, sequence) in before.enumerated() {
            let kept = sequence.filter { vehicleAfter[$0] == v }
            let keptSet = Set(kept)
            let order = after[v].filter { keptSet.contains($0) }
            var previous: [String: String] = [:]
            for (k, stop) in kept.enumerated() where k > 0 { previous[stop] = kept[k - 1] }
            var moved = 0
            for (k, stop) in order.enumerated() where previous[stop] != (k > 0 ? order[k - 1] : nil) { moved += 1 }
            changed += sequence.count - kept.count + moved
        }
        return changed
    }

    /// The true leg of `vehicle` from where it is to `place` leaving at `time`, with the leg's noise.
    private func leg(_ vehicle: SimulatedVehicle, to place: Int, at time: Int) -> (seconds: Int, metres: Int)? {
        guard let leg = roads.leg(from: vehicle.place, to: place, departingAt: time, mode: vehicle.mode, speedFactor: vehicle.speedFactor) else {
            return nil
        }
        return (Int((Double(leg.seconds) * simulator.noise.travelFactor(from: vehicle.place, to: place)).rounded()), leg.metres)
    }

    private func visit(
        _ order: LiveOrder, attempt: Int, outcome: SimulationReport.Visit.Outcome, arrival: Int, serviceStart: Int, departure: Int,
        _ vehicle: SimulatedVehicle, index: Int
    ) -> SimulationReport.Visit {
        SimulationReport.Visit(
            orderID: order.id, attempt: attempt, outcome: outcome, plannedArrival: planned[order.id].flatMap { $0.vehicle == index ? $0.arrival : nil },
            arrival: TimeOfDay(seconds: arrival), serviceStart: TimeOfDay(seconds: serviceStart), departure: TimeOfDay(seconds: departure),
            windowEnd: order.windowEnd, latenessSeconds: outcome == .delivered ? max(0, serviceStart - order.windowEnd.seconds) : 0,
            onBoardGrams: vehicle.onBoard.grams, onBoardMillilitres: vehicle.onBoard.millilitres, onBoardParcels: vehicle.onBoard.parcels)
    }

    /// The report of the finished day.
    func report() -> SimulationReport {
        let runs = vehicles.map { $0.report() }
        let delivered = Set(runs.flatMap { $0.visits.filter { $0.outcome == .delivered }.map(\.orderID) })
        let open = Dictionary(state.openOrders.map { ($0.order.id, $0.reason) }, uniquingKeysWith: { first, _ in first })
        let returned = Set(state.vehicles.flatMap(\.returning))
        let orderIDs = simulator.plan.runs.flatMap { $0.stops.map(\.orderID) } + simulator.plan.unassigned.map(\.orderID) + newOrderIDs
        var unserved: [SimulationReport.Unserved] = []
        for orderID in Set(orderIDs).subtracting(delivered).sorted() {
            let reason = open[orderID] ?? (returned.contains(orderID) ? "not delivered: taken back to the depot" : "not reached by the end of the day")
            unserved.append(SimulationReport.Unserved(orderID: orderID, reason: reason))
        }
        var stability = stability
        stability.meanChangedShare = stability.reroutes == 0 ? 0 : changedShareSum / Double(stability.reroutes)
        return SimulationReport(
            date: simulator.plan.version.date, planVersion: simulator.plan.version.version, policy: policy.name, noise: simulator.noise.level,
            seed: simulator.noise.seed, disturbancesApplied: applied, disturbancesSkipped: skipped, runs: runs,
            total: runs.reduce(SimulationReport.Totals()) { $0 + $1.totals }, unserved: unserved, stability: stability)
    }
}
