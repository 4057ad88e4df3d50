/// What applying an event asks of the world outside the state machine: notifications, work for the re-optimiser
/// and what it did. Actions are values; the caller (the service) decides how to carry them out.
public enum LiveAction: Hashable, Sendable {
    /// A customer's window has become at risk with this event (reported once, when it becomes at risk).
    case windowAtRisk(AtRiskStop)
    /// These orders need a vehicle (a breakdown, a new same-day order): work for the re-optimiser.
    case needsAssignment(orderIDs: [String], reason: String)
    /// Roads changed (closure, slowdown, weather): the re-optimiser should re-route with the new conditions.
    case roadsChanged(RoadCondition)
    /// The re-optimiser changed these vehicles' remaining routes: `changedStops` stops changed vehicle or
    /// position, saving `gainSeconds` of driving (0 when only open orders were placed or legs re-timed).
    case rerouted(vehicleIDs: [String], changedStops: Int, gainSeconds: Int)
    /// No running vehicle can take this open order; it stays open (for the dispatcher), with why.
    case cannotServe(orderID: String, reason: String)
}
