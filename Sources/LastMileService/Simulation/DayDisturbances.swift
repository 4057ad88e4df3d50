import LastMileCore
import LastMileDomain
import LastMileLive

/// What goes wrong on a simulated day: timed events (delays, breakdowns, new same-day orders, as the live day
/// would receive them) and the customers who are not at home at the first attempt.
///
/// Invariant: `events` are sorted by time, then key; keys are unique.
public struct DayDisturbances: Sendable, Hashable {
    public var events: [LiveEvent]
    /// By order id: the customer is absent at the first attempt, and what happens to the parcel then.
    public var absent: [String: LiveEvent.FailureFollowUp]

    public init(events: [LiveEvent], absent: [String: LiveEvent.FailureFollowUp]) {
        self.events = events.sorted { ($0.at, $0.key) < ($1.at, $1.key) }
        self.absent = absent
    }

    /// A quiet day.
    public static let none = DayDisturbances(events: [], absent: [:])
}
