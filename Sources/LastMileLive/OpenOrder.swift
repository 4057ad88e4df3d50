import LastMileCore
import LastMileDomain

/// An order of the day no vehicle is going to serve at the moment, with why: left out by the plan, new since
/// planning, or taken off a broken-down vehicle. The coming re-optimiser assigns these.
public struct OpenOrder: Hashable, Sendable {
    public var orderID: String
    public var customer: String
    public var windowStart: TimeOfDay
    public var windowEnd: TimeOfDay
    public var serviceSeconds: Int
    public var load: Load
    public var reason: String

    public init(orderID: String, customer: String, windowStart: TimeOfDay, windowEnd: TimeOfDay, serviceSeconds: Int, load: Load, reason: String) {
        self.orderID = orderID
        self.customer = customer
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.serviceSeconds = serviceSeconds
        self.load = load
        self.reason = reason
    }
}
