import LastMileCore
import LastMileDomain

/// An order as the live day needs it: where, for whom, the promised window, how long the stop takes and what
/// it weighs. From the day's orders, or from a `new-order` event.
///
/// Invariants: `windowStart < windowEnd`, `serviceSeconds >= 0`, no negative load.
public struct LiveOrder: Hashable, Sendable {
    public var id: String
    public var customer: String
    public var coordinate: Coordinate
    public var windowStart: TimeOfDay
    public var windowEnd: TimeOfDay
    public var serviceSeconds: Int
    public var load: Load

    public init(id: String, customer: String, coordinate: Coordinate, windowStart: TimeOfDay, windowEnd: TimeOfDay, serviceSeconds: Int, load: Load) {
        self.id = id
        self.customer = customer
        self.coordinate = coordinate
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.serviceSeconds = serviceSeconds
        self.load = load
    }

    public init(_ order: Order) {
        self.init(id: order.id, customer: order.customer, coordinate: order.coordinate, windowStart: order.windowStart, windowEnd: order.windowEnd,
                  serviceSeconds: order.serviceSeconds, load: order.load)
    }
}

extension LiveOrder {
    /// An order the day does not hold: its id for a customer, no load, the whole day as its window.
    init(missing id: String) {
        self.init(id: id, customer: id, coordinate: Coordinate(latitudeE7: 0, longitudeE7: 0), windowStart: TimeOfDay(seconds: 0),
                  windowEnd: TimeOfDay(seconds: 172_800), serviceSeconds: 0, load: .empty)
    }
}
