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

    /// "12 delays, 1 breakdown, 3 new orders, 4 absent customers".
    public var summary: String {
        var delays = 0, breakdowns = 0, newOrders = 0, other = 0
        for event in events {
            switch event.kind {
            case .delay: delays += 1
            case .breakdown: breakdowns += 1
            case .newOrder: newOrders += 1
            default: other += 1
            }
        }
        func counted(_ count: Int, _ name: String) -> String { "\(count) \(name)" + (count == 1 ? "" : "s") }
        return [counted(delays, "delay"), counted(breakdowns, "breakdown"), counted(newOrders, "new order"), counted(absent.count, "absent customer")]
            .joined(separator: ", ") + (other > 0 ? ", " + counted(other, "other event") : "")
    }

    /// A quiet day.
    public static let none = DayDisturbances(events: [], absent: [:])
}
