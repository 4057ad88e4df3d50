import LastMileDomain

/// A customer whose promised window is at risk (for a notification), with the reason in clock times:
/// "ETA 11:42 after the window end 11:30".
public struct AtRiskStop: Hashable, Sendable {
    public var vehicleID: String
    public var orderID: String
    public var customer: String
    public var eta: TimeOfDay
    public var windowEnd: TimeOfDay

    public init(vehicleID: String, stop: LiveStop) {
        self.vehicleID = vehicleID
        orderID = stop.order.id
        customer = stop.order.customer
        eta = stop.eta
        windowEnd = stop.order.windowEnd
    }

    public var reason: String { "ETA \(eta) after the window end \(windowEnd)" }
}
