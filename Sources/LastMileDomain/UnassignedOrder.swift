/// An order a plan leaves out, and why, in the dispatcher's words.
public struct UnassignedOrder: Sendable, Hashable {
    public var orderID: String
    public var reason: String

    public init(orderID: String, reason: String) {
        self.orderID = orderID
        self.reason = reason
    }
}
