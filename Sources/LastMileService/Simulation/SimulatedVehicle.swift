import LastMileDomain
import LastMileLive

/// One vehicle of a simulated day, as it really goes: where it is, what it is doing until when, what it
/// carries, and what it did. Times are seconds after the day's midnight.
///
/// Invariants: the phase's time never decreases; `onBoard` is never negative in any dimension.
struct SimulatedVehicle {
    /// What the vehicle is doing, and until when.
    enum Phase: Hashable {
        /// At `place`, free to drive on (or to take a break) at `at`.
        case ready(at: Int)
        /// At `place` since `since`, waiting for a due break to be allowed to start at `until`; a re-plan
        /// meanwhile makes it ready at once (the driver takes new stops first when the plan says so).
        case waitingForBreak(since: Int, until: Int)
        /// On the way to the stop of `orderID` at `place`.
        case driving(orderID: String, attempt: Int, place: Int, departure: Int, arrival: Int, seconds: Int, metres: Int)
        /// At the door of `order` until `end`.
        case serving(order: LiveOrder, attempt: Int, arrival: Int, serviceStart: Int, end: Int, outcome: SimulationReport.Visit.Outcome)
        /// On the way back to the end depot.
        case returning(departure: Int, arrival: Int, seconds: Int, metres: Int)
        case finished(at: Int)
        case brokenDown(at: Int)

        /// When the phase ends; `nil` once the vehicle is done for the day.
        var end: Int? {
            switch self {
            case .ready(let at): at
            case .waitingForBreak(_, let until): until
            case .driving(_, _, _, _, let arrival, _, _), .returning(_, let arrival, _, _): arrival
            case .serving(_, _, _, _, let end, _): end
            case .finished, .brokenDown: nil
            }
        }
    }

    let vehicleID: String
    let mode: VehicleType.Mode
    let speedFactor: Double
    let endDepotPlace: Int
    let shiftEnd: TimeOfDay?
    /// Start of loading (paid from here) and departure from the depot.
    let start: Int, departure: Int
    var phase: Phase
    /// The place it is at, or last left.
    var place: Int
    var onBoard: Load
    var totals = SimulationReport.Totals()
    var visits: [SimulationReport.Visit] = []
    /// Attempts finished (delivered or failed), for the breaks.
    var attemptsDone = 0
    /// Breaks of the live vehicle taken so far: each is taken as soon as its `afterAttempts` attempts are done,
    /// not before its earliest start.
    var breaksTaken = 0

    /// Whether it is still out (not returned for good, not broken down).
    var isActive: Bool { phase.end != nil }

    /// Holds the vehicle up for `seconds` in whatever it is doing: a delay on the road counts as driving, at a
    /// door as service.
    mutating func hold(seconds: Int) {
        switch phase {
        case .ready(let at):
            phase = .ready(at: at + seconds)
            totals.driveSeconds += seconds
        case .driving(let orderID, let attempt, let place, let departure, let arrival, let legSeconds, let metres):
            phase = .driving(orderID: orderID, attempt: attempt, place: place, departure: departure, arrival: arrival + seconds,
                             seconds: legSeconds + seconds, metres: metres)
            totals.driveSeconds += seconds
        case .serving(let order, let attempt, let arrival, let serviceStart, let end, let outcome):
            phase = .serving(order: order, attempt: attempt, arrival: arrival, serviceStart: serviceStart, end: end + seconds, outcome: outcome)
            totals.serviceSeconds += seconds
        case .returning(let departure, let arrival, let legSeconds, let metres):
            phase = .returning(departure: departure, arrival: arrival + seconds, seconds: legSeconds + seconds, metres: metres)
            totals.driveSeconds += seconds
        case .waitingForBreak, .finished, .brokenDown:  // idle: a hold-up while waiting costs nothing
            break
        }
    }

    /// Stops the vehicle for good at `time`; a leg under way counts up to there (its share of distance and
    /// time), a service under way as far as it went.
    mutating func breakDown(at time: Int) {
        switch phase {
        case .driving(_, _, _, let departure, let arrival, let seconds, let metres), .returning(let departure, let arrival, let seconds, let metres):
            let left = arrival - time
            if arrival > departure, left > 0 {
                totals.metres -= Int64(metres) * Int64(left) / Int64(arrival - departure)
                totals.driveSeconds -= min(seconds, left)
            }
        case .serving(_, _, _, let serviceStart, let end, _):
            totals.serviceSeconds -= min(end - serviceStart, max(0, end - time))
        case .waitingForBreak(let since, _):
            totals.waitSeconds += max(0, time - since)
        case .ready, .finished, .brokenDown:
            break
        }
        phase = .brokenDown(at: time)
    }

    /// The run as the report shows it: paid from the start of loading to the return or the breakdown.
    func report() -> SimulationReport.Run {
        var end = departure
        var ending = SimulationReport.Run.Ending.returned
        switch phase {
        case .finished(let at): end = at
        case .brokenDown(let at): (end, ending) = (at, .brokenDown)
        case .ready, .waitingForBreak, .driving, .serving, .returning: break
        }
        var totals = totals
        totals.paidSeconds = end - start
        totals.overtimeSeconds = shiftEnd.map { max(0, end - $0.seconds) } ?? 0
        return SimulationReport.Run(
            vehicleID: vehicleID, start: TimeOfDay(seconds: start), departure: TimeOfDay(seconds: departure), end: TimeOfDay(seconds: end),
            ending: ending, shiftEnd: shiftEnd, visits: visits, totals: totals)
    }
}

extension Load {
    /// `self` plus `sign` × `other`, per dimension.
    func adding(_ other: Load, times sign: Int64 = 1) -> Load {
        Load(grams: grams + sign * other.grams, millilitres: millilitres + sign * other.millilitres, parcels: parcels + sign * other.parcels)
    }

    var isNonNegative: Bool { grams >= 0 && millilitres >= 0 && parcels >= 0 }
}
