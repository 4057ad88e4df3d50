import LastMileCore
import LastMileDomain

/// A stop a vehicle has still to make (or is making), with its order's promised window and its estimated times.
/// All times are integer seconds after midnight.
///
/// Invariants: `eta <= serviceStart == max(eta, order.windowStart)`, `departure >= serviceStart +
/// order.serviceSeconds` (later only for the current stop when a delay holds the vehicle there).
public struct LiveStop: Hashable, Sendable {
    public var order: LiveOrder
    /// Driving time (s) from the previous place as the stored plan has it (a break on the way left out: the
    /// vehicle's ``LiveVehicle/breaks`` are scheduled on their own); the re-optimiser replaces it with routed
    /// times.
    public var legSeconds: Int
    /// Estimated arrival; the actual arrival once the vehicle is at the stop.
    public var eta: TimeOfDay
    public var serviceStart: TimeOfDay
    public var departure: TimeOfDay
    /// 1 for the first attempt, 2 after a failed one with a reattempt, …
    public var attempt: Int

    public init(order: LiveOrder, legSeconds: Int, eta: TimeOfDay, attempt: Int = 1) {
        self.order = order
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
        serviceStart = max(arrival, order.windowStart)
        departure = serviceStart.adding(seconds: order.serviceSeconds)
    }

    /// Whether service starts after the promised window ends.
    public var isAtRisk: Bool { serviceStart > order.windowEnd }
}
