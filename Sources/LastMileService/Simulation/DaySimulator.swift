import LastMileCore
import LastMileDomain
import LastMileLive

/// Executes a stored plan in simulated time on the "true" roads: every vehicle leaves its depot when the plan
/// says, drives each leg at its real (time-dependent, optionally noisy) travel time, waits for windows to open,
/// serves, takes its breaks, and returns. Stop progress goes through the live state machine as the day's
/// devices would report it (``LiveEvent`` arrived / completed / failed at their simulated times), so the
/// disturbances of ``DayDisturbances`` and a re-routing ``SimulationPolicy`` act on the same state the live day
/// keeps. A value: running it twice gives the same report.
///
/// Model: a discrete-event simulation; the next happening is the earliest of the vehicles' phase ends and the
/// next disturbance (disturbances first at equal times, then vehicles in plan order). Each vehicle drives to
/// the first of its remaining stops in the live state, so a re-router's new sequences are followed. Breaks
/// are taken as soon as the live state's number of attempts before them are done (the plan's, or where a
/// re-router moved them), not before their earliest start. Goods of an order a vehicle did not
/// load (a new order, or one taken over from a broken-down vehicle) are handed over when the order is assigned
/// to it, without a detour. An absent customer costs ``absentSeconds`` at the door.
public struct DaySimulator: Sendable {
    public var plan: StoredPlan
    public var day: DispatchDay
    public var roads: SimulationRoads
    public var noise: SimulationNoise

    /// Seconds spent at the door of an absent customer.
    public static let absentSeconds = 120

    public init(plan: StoredPlan, day: DispatchDay, roads: SimulationRoads, noise: SimulationNoise = .none) {
        self.plan = plan
        self.day = day
        self.roads = roads
        self.noise = noise
    }

    /// Simulates the day with `disturbances` under `policy`.
    ///
    /// - Throws: ``LastMileError``: bad input when the plan names a vehicle, depot or order the day does not
    ///   have; routing data when a place of the plan is not on the simulated roads; internal when the live state
    ///   refuses a simulated event or the re-router breaks the state (a bug), or what the re-router throws.
    public func run(disturbances: DayDisturbances = .none, policy: SimulationPolicy = .keepingThePlan) throws(LastMileError) -> SimulationReport {
        var run = try SimulationRun(simulator: self, disturbances: disturbances, policy: policy)
        try run.simulate()
        return run.report()
    }
}
