import LastMileDomain

/// A stop of the frozen prefix: what was done at a customer, when. Never changes once recorded.
public struct ExecutedStop: Hashable, Sendable {
    public enum Outcome: Hashable, Sendable {
        case delivered
        case failed(reason: String, then: LiveEvent.FailureFollowUp)
    }

    public var orderID: String
    public var arrival: TimeOfDay
    public var departure: TimeOfDay
    public var outcome: Outcome

    public init(orderID: String, arrival: TimeOfDay, departure: TimeOfDay, outcome: Outcome) {
        self.orderID = orderID
        self.arrival = arrival
        self.departure = departure
        self.outcome = outcome
    }
}
