/// What applying an event asks of the world outside the state machine: notifications and work for the coming
/// re-optimiser. Actions are values; the caller (the service) decides how to carry them out.
public enum LiveAction: Hashable, Sendable {
    /// A customer's window has become at risk with this event (reported once, when it becomes at risk).
    case windowAtRisk(AtRiskStop)
    /// These orders need a vehicle (a breakdown, a new same-day order): work for the re-optimiser.
    case needsAssignment(orderIDs: [String], reason: String)
    /// Roads changed (closure, slowdown, weather): the re-optimiser should re-route with the new conditions.
    case roadsChanged(RoadCondition)
}
