import LastMileCore
import LastMileDomain

/// Something that happened on the live day, as a driver's backend or the dispatcher reports it: one line of an
/// events file (JSON Lines; the schema is ``LiveEventWire`` and the README's "Live events" section).
///
/// Invariant: `key` is unique over the whole database (the idempotency key: an event sent twice applies once);
/// `at` is the clock time the event happened, in seconds after local midnight of the plan's date.
public struct LiveEvent: Hashable, Sendable {
    public var key: String
    public var at: TimeOfDay
    public var kind: Kind

    public init(key: String, at: TimeOfDay, kind: Kind) {
        self.key = key
        self.at = at
        self.kind = kind
    }

    /// What happened.
    public enum Kind: Hashable, Sendable {
        /// Where a vehicle is; heading in whole degrees clockwise from north (0..<360) when the device gives it.
        case position(vehicleID: String, coordinate: Coordinate, headingDegrees: Int?)
        /// The vehicle reached the customer of `orderID`.
        case arrived(vehicleID: String, orderID: String)
        /// The order was delivered.
        case completed(vehicleID: String, orderID: String)
        /// The order could not be delivered (`reason`, e.g. "customer absent"); `then` says what happens to it.
        case failed(vehicleID: String, orderID: String, reason: String, then: FailureFollowUp)
        /// The vehicle is held up for `minutes` (traffic, loading, a detour) beyond its plan.
        case delay(vehicleID: String, minutes: Int, reason: String)
        /// A road condition for the re-optimiser (closure, slowdown, weather); recorded, not routed here.
        case roadCondition(RoadCondition)
        /// A same-day order that arrived after planning; it waits for the re-optimiser.
        case newOrder(LiveOrder)
        /// The customer cancelled the order; it leaves its run (and stays on board when already loaded).
        case cancelled(orderID: String)
        /// The vehicle cannot go on; its remaining stops need another vehicle.
        case breakdown(vehicleID: String, coordinate: Coordinate?)
        /// Another driver takes over the vehicle, optionally with a new end of shift.
        case shiftChange(vehicleID: String, driver: String, shiftEnd: TimeOfDay?)
    }

    /// What happens to an order whose delivery failed.
    public enum FailureFollowUp: String, Hashable, Sendable, CaseIterable {
        /// Try again later in the day: the stop moves to the end of the vehicle's remaining stops.
        case reattempt
        /// Bring the parcel back to the depot: it stays on board until the run ends.
        case returnToDepot = "return"
    }

    /// The vehicle the event is about, when it is about one.
    public var vehicleID: String? {
        switch kind {
        case .position(let vehicle, _, _), .arrived(let vehicle, _), .completed(let vehicle, _), .failed(let vehicle, _, _, _),
             .delay(let vehicle, _, _), .breakdown(let vehicle, _), .shiftChange(let vehicle, _, _):
            vehicle
        case .roadCondition, .newOrder, .cancelled:
            nil
        }
    }
}
