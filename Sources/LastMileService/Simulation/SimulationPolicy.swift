import LastMileLive

/// How a simulated day answers its disturbances: keep the plan's sequences (``keepingThePlan``: events only
/// move the live state, so orders off a broken-down vehicle and new orders stay unserved), or re-plan what is
/// left after each disturbance with a re-optimiser (``rerouting(name:_:)``).
public struct SimulationPolicy: Sendable {
    /// The live loop's step: the live state before `event`, in; the state with the event applied and the
    /// unexecuted part re-planned, out (the same vehicles in the same order; executed stops untouched).
    public typealias Reroute = @Sendable (_ state: LiveState, _ event: LiveEvent) throws -> LiveState

    /// For reports: `static`, or the re-optimiser's name.
    public var name: String
    /// `nil` when the plan is kept.
    public var reroute: Reroute?
    /// Whether completed deliveries go through `reroute` too (the live loop takes every event), or only the
    /// disturbances and failed deliveries.
    public var reroutesCompletions = false

    /// Events are applied with ``LiveState/apply(_:)`` only.
    public static let keepingThePlan = SimulationPolicy(name: "static", reroute: nil)

    /// Applies every disturbance (delay, breakdown, absent customer, new order) with `reroute`, which re-plans;
    /// with `completions`, every completed delivery as well.
    public static func rerouting(name: String, completions: Bool = false, _ reroute: @escaping Reroute) -> SimulationPolicy {
        SimulationPolicy(name: name, reroute: reroute, reroutesCompletions: completions)
    }
}
