import LastMileCore
import LastMileDomain
import LastMileLive

/// Draws a day's disturbances for a stored plan from a seed (``SplitMix64``): the same seed, plan and settings
/// give the same disturbances.
///
/// - Delays: `delaysPerRun` × runs, each on a random run at a random time of its span, 5–30 min.
/// - Breakdowns: `breakdowns` distinct random runs, each in the first two thirds of its span.
/// - Absent customers: each planned stop with probability `absentPercent` %; then reattempt or return, evenly.
/// - New orders: `newOrderPercent` % of the planned stops, arriving between the first departure and an hour
///   before the last return, at the address of a random order of the day (so the true roads know the place),
///   with that order's load, 3 min of service and a window from 30 min to 2 h 30 min after the order came in.
public struct DisturbanceGenerator: Sendable {
    public var delaysPerRun: Double
    public var breakdowns: Int
    public var absentPercent: Int
    public var newOrderPercent: Int

    public init(delaysPerRun: Double = 1, breakdowns: Int = 1, absentPercent: Int = 5, newOrderPercent: Int = 5) {
        self.delaysPerRun = delaysPerRun
        self.breakdowns = breakdowns
        self.absentPercent = absentPercent
        self.newOrderPercent = newOrderPercent
    }

    /// The disturbances of `plan` over `day` for `seed`.
    public func generate(plan: StoredPlan, day: DispatchDay, seed: UInt64) -> DayDisturbances {
        var random = SplitMix64(seed: seed)
        var events: [LiveEvent] = []
        let runs = plan.runs.filter { $0.end > $0.departure }
        func key() -> String { "disturbance-\(events.count + 1)" }
        func moment(in run: StoredPlan.Run, share: Double = 1) -> TimeOfDay {
            let span = Int(Double(run.end.seconds - run.departure.seconds) * share)
            return run.departure.adding(seconds: Int.random(in: 0..<max(span, 1), using: &random))
        }
        if !runs.isEmpty {
            for _ in 0..<Int((delaysPerRun * Double(runs.count)).rounded()) {
                let run = runs.randomElement(using: &random)!
                events.append(LiveEvent(key: key(), at: moment(in: run), kind: .delay(
                    vehicleID: run.vehicleID, minutes: Int.random(in: 5...30, using: &random), reason: "held up")))
            }
            for run in runs.shuffled(using: &random).prefix(breakdowns) {
                events.append(LiveEvent(key: key(), at: moment(in: run, share: 2.0 / 3), kind: .breakdown(vehicleID: run.vehicleID, coordinate: nil)))
            }
        }
        var absent: [String: LiveEvent.FailureFollowUp] = [:]
        for stop in plan.runs.flatMap(\.stops) where Int.random(in: 0..<100, using: &random) < absentPercent {
            absent[stop.orderID] = Bool.random(using: &random) ? .reattempt : .returnToDepot
        }
        let plannedStops = plan.runs.reduce(0) { $0 + $1.stops.count }
        if let first = runs.map(\.departure).min(), let last = runs.map(\.end).max(), !day.orders.isEmpty {
            let latest = max(first.seconds + 1, last.seconds - 3600)
            for number in stride(from: 1, through: plannedStops * newOrderPercent / 100, by: 1) {
                let at = TimeOfDay(seconds: Int.random(in: first.seconds..<latest, using: &random))
                let address = day.orders.randomElement(using: &random)!
                events.append(LiveEvent(key: key(), at: at, kind: .newOrder(LiveOrder(
                    id: "SIM-NEW-\(number)", customer: "new customer \(number)", coordinate: address.coordinate,
                    windowStart: at.adding(seconds: 1800), windowEnd: at.adding(seconds: 9000), serviceSeconds: 180, load: address.load))))
            }
        }
        return DayDisturbances(events: events, absent: absent)
    }
}
