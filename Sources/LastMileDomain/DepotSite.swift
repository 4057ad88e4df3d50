import LastMileCore

/// Where vans and bikes load: a micro-fulfillment center (large, few) or a dark store (small, many), with its
/// opening hours, the time loading one vehicle takes, and its stock per SKU.
public struct DepotSite: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case microFulfillmentCenter = "mfc"
        case darkStore = "dark_store"
    }

    public var id: String
    public var name: String
    public var kind: Kind
    public var coordinate: Coordinate
    public var opens: TimeOfDay
    public var closes: TimeOfDay
    /// Seconds spent loading each vehicle before it leaves.
    public var loadingSeconds: Int
    /// Units available per SKU (after what committed plans of other days reserved).
    public var stock: [String: Int]

    public init(
        id: String, name: String, kind: Kind, coordinate: Coordinate, opens: TimeOfDay, closes: TimeOfDay,
        loadingSeconds: Int, stock: [String: Int]
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.coordinate = coordinate
        self.opens = opens
        self.closes = closes
        self.loadingSeconds = loadingSeconds
        self.stock = stock
    }

    /// Whether the depot holds every item of `items` in the quantity asked.
    public func stocks(_ items: [OrderItem]) -> Bool {
        items.allSatisfy { (stock[$0.sku] ?? 0) >= $0.quantity }
    }
}
