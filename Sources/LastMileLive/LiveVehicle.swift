import LastMileCore
import LastMileDomain

/// One vehicle on the live day: the executed prefix (frozen: the re-optimiser never moves it), the stop it is
/// at, where it is and when, what it carries, and the stops left with their ETAs.
///
/// Invariants: `time` never decreases; `load` is never negative in any dimension; an order appears at most once
/// among `executed` with outcome delivered, and never both delivered and remaining.
public struct LiveVehicle: Hashable, Sendable {
    public enum Status: Hashable, Sendable {
        case running
        case brokenDown(at: TimeOfDay)
    }

    /// A reported position: WGS84, heading in degrees clockwise from north when the device gives it.
    public struct Position: Hashable, Sendable {
        public var coordinate: Coordinate
        public var headingDegrees: Int?
        public var at: TimeOfDay
    }

    public var vehicleID: String
    public var driver: String
    public var depotID: String
    public var endDepotID: String
    /// Where the end depot is (the re-optimiser's last place); the start depot when the day does not place it.
    public var endPlace: Coordinate?
    /// The driver's end of shift, when the fleet or a shift change gives one.
    public var shiftEnd: TimeOfDay?
    public var status: Status
    /// The last known position: the depot at departure until the first report; a customer's place from the
    /// arrival there (or the completion, when no arrival was reported).
    public var position: Position?
    /// The vehicle's clock: the latest time it reported (or its departure).
    public var time: TimeOfDay
    /// When it leaves its current place: the depot departure, the last stop's departure, or the expected end of
    /// the current stop's service; delays push it later.
    public var readyAt: TimeOfDay
    /// What is on board, per dimension.
    public var load: Load
    /// What the vehicle's type carries at most, per dimension (the re-optimiser's capacity).
    public var capacity: Load
    /// The vehicle's speed as a share of the car network's travel times (cargo bikes ride slower), for the
    /// re-optimiser: a leg of `t` seconds on the live matrix takes `t / speedFactor`.
    public var speedFactor: Double
    /// The frozen prefix, in the order it happened.
    public var executed: [ExecutedStop]
    /// The stop the vehicle is at (arrived, not yet completed or failed); frozen as well.
    public var current: LiveStop?
    public var remaining: [LiveStop]
    /// Orders on board going back to the depot (failed with return, or cancelled after loading).
    public var returning: [String]
    /// Driving time (s) from the last stop back to the end depot, as planned.
    public var endLegSeconds: Int
    /// Estimated return to the end depot.
    public var endETA: TimeOfDay
    /// The driver's breaks, taken or not, in order (``pendingBreaks`` are those still ahead).
    public var breaks: [LiveBreak] = []

    /// Stop attempts finished or under way: the executed prefix and the current stop.
    var attemptsStarted: Int { executed.count + (current == nil ? 0 : 1) }

    /// The breaks still ahead: those after the attempts started so far (a break due before the next stop counts
    /// as ahead until the vehicle arrives there), with their position in ``breaks``.
    public var pendingBreaks: [(index: Int, pending: LiveBreak)] {
        breaks.enumerated().filter { $0.element.afterAttempts >= attemptsStarted }.map { ($0.offset, $0.element) }
    }

    /// The stops whose window is at risk: the current one (a late arrival) and the remaining ones.
    public var atRisk: [AtRiskStop] {
        ([current].compactMap { $0 } + remaining).filter(\.isAtRisk).map { AtRiskStop(vehicleID: vehicleID, stop: $0) }
    }

    /// Whether `orderID` is the current or a remaining stop.
    func serves(_ orderID: String) -> Bool { current?.order.id == orderID || remaining.contains { $0.order.id == orderID } }

    /// Removes the remaining stop at `index`. When it is `bypassed` (cancelled), the next leg (or the return)
    /// still runs through its place, an upper bound until the re-optimiser routes it.
    mutating func removeRemaining(at index: Int, bypassed: Bool) -> LiveStop {
        let stop = remaining.remove(at: index)
        guard bypassed else { return stop }
        if index < remaining.count {
            remaining[index].legSeconds += stop.legSeconds
        } else {
            endLegSeconds += stop.legSeconds
        }
        return stop
    }

    /// Recomputes the ETAs of the remaining stops and of the return from `readyAt`: each stop's arrival is the
    /// previous departure, plus the pending breaks due before it (each from its earliest start), plus its leg
    /// (never before the vehicle's clock); service waits for the window to open. A delay therefore reaches later
    /// stops only by what the waiting before their windows cannot absorb.
    mutating func reschedule() {
        var clock = current == nil ? readyAt : max(readyAt, time)
        var first = current == nil
        let pending = pendingBreaks.map(\.pending), done = attemptsStarted
        func takeBreaks(before attempts: Int) {
            for pause in pending where pause.afterAttempts == attempts { clock = max(clock, pause.earliest).adding(seconds: pause.minutes * 60) }
        }
        for index in remaining.indices {
            takeBreaks(before: done + index)
            var arrival = clock.adding(seconds: remaining[index].legSeconds)
            if first { arrival = max(arrival, time) }
            first = false
            remaining[index].schedule(arrival: arrival)
            clock = remaining[index].departure
        }
        takeBreaks(before: done + remaining.count)
        endETA = clock.adding(seconds: endLegSeconds)
        if first { endETA = max(endETA, time) }
    }
}
