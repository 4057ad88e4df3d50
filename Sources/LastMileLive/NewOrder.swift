import LastMileCore
import LastMileDomain

/// A same-day order reported while the day runs: where, when the customer is in, how long the stop takes and
/// what it weighs (one parcel). Invariant: `windowStart < windowEnd`, `serviceSeconds >= 0`, loads >= 0.
public struct NewOrder: Hashable, Sendable {
    public var orderID: String
    public var customer: String
    public var coordinate: Coordinate
    public var windowStart: TimeOfDay
    public var windowEnd: TimeOfDay
    public var serviceSeconds: Int
    public var load: Load

    public init(orderID: String, customer: String, coordinate: Coordinate, windowStart: TimeOfDay, windowEnd: TimeOfDay, serviceSeconds: Int, load: Load) {
        self.orderID = orderID
        self.customer = customer
        self.coordinate = coordinate
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.serviceSeconds = serviceSeconds
        self.load = load
    }
}
