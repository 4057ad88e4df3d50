/// An order of the day no vehicle is going to serve at the moment, with why: left out by the plan, new since
/// planning, or taken off a broken-down vehicle. The coming re-optimiser assigns these.
public struct OpenOrder: Hashable, Sendable {
    public var order: LiveOrder
    public var reason: String

    public init(order: LiveOrder, reason: String) {
        self.order = order
        self.reason = reason
    }
}
