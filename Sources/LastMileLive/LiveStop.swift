import LastMileCore
import LastMileDomain

/// A stop a vehicle has still to make (or is making), with its customer's promised window and its estimated
/// times. All times are integer seconds after midnight.
///
/// Invariants: `eta <= serviceStart == max(eta, windowStart)`, `departure >= serviceStart + serviceSeconds` (later
/// only for the current stop when a delay holds the vehicle there).
public struct LiveStop: Hashable, Sendable {
    public var orderID: String
    public var customer: String
    public var windowStart: TimeOfDay
    public var windowEnd: TimeOfDay
    public var serviceSeconds: Int
    public var load: Load
    /// Driving time (s) from the previous place as the stored plan has it (a break on the way included); the
    /// re-optimiser replaces it with routed times.
    public var legSeconds: Int
    /// Estimated arrival; the actual arrival once the vehicle is at the stop.
    public var eta: TimeOfDay
    public var serviceStart: TimeOfDay
    public var departure: TimeOfDay
    /// 1 for the first attempt, 2 after a failed one with a reattempt, …
    public var attempt: Int

    public init(
        orderID: String, customer: String, windowStart: TimeOfDay, windowEnd: TimeOfDay, serviceSeconds: Int, load: Load, legSeconds: Int,
        eta: TimeOfDay, attempt: Int = 1
    ) {
        self.orderID = orderID
        self.customer = customer
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.serviceSeconds = serviceSeconds
        self.load = load
        self.legSeconds = legSeconds
        self.eta = eta
        self.serviceStart = eta
        self.departure = eta
        self.attempt = attempt
        schedule(arrival: eta)
    }

    /// Sets the arrival and derives the service start (waiting until the window opens) and the departure.
    mutating func schedule(arrival: TimeOfDay) {
        eta = arrival
        serviceStart = max(arrival, windowStart)
        departure = TimeOfDay(seconds: serviceStart.seconds + serviceSeconds)
    }

    /// Whether service starts after the promised window ends.
    public var isAtRisk: Bool { serviceStart > windowEnd }
}
