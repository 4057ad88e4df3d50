import LastMileCore

/// A customer order to deliver on a date: where, what (SKUs), how heavy and bulky, and when the customer is in.
public struct Order: Hashable, Sendable {
    public var id: String
    /// Delivery date, "YYYY-MM-DD".
    public var date: String
    public var customer: String
    public var coordinate: Coordinate
    public var items: [OrderItem]
    public var load: Load
    public var windowStart: TimeOfDay
    public var windowEnd: TimeOfDay
    public var serviceSeconds: Int
    /// 0...100; higher is served first when not all orders fit.
    public var priority: Int

    public init(
        id: String, date: String, customer: String, coordinate: Coordinate, items: [OrderItem], load: Load,
        windowStart: TimeOfDay, windowEnd: TimeOfDay, serviceSeconds: Int, priority: Int
    ) {
        self.id = id
        self.date = date
        self.customer = customer
        self.coordinate = coordinate
        self.items = items
        self.load = load
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.serviceSeconds = serviceSeconds
        self.priority = priority
    }
}

/// `quantity` units of one SKU.
public struct OrderItem: Hashable, Sendable {
    public var sku: String
    public var quantity: Int

    public init(sku: String, quantity: Int) {
        self.sku = sku
        self.quantity = quantity
    }
}
