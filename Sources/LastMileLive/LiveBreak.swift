import LastMileDomain

/// A driver's break on the live day: `minutes` starting between `earliest` and `latest`, taken once the run has
/// finished `afterAttempts` stop attempts (delivered or failed) and before it drives on. The plan sets where
/// each break goes; re-optimisations move the breaks not yet taken (``LiveVehicle/pendingBreaks``) along with
/// the stops.
///
/// Invariant: `earliest <= latest`; the breaks of a vehicle are in the order they are taken, `afterAttempts`
/// never decreasing.
public struct LiveBreak: Hashable, Sendable {
    /// Stop attempts of the run finished before the break.
    public var afterAttempts: Int
    /// The break's start window (the fleet's rule; without one, from midnight to the planned start).
    public var earliest: TimeOfDay
    public var latest: TimeOfDay
    public var minutes: Int

    public init(afterAttempts: Int, earliest: TimeOfDay, latest: TimeOfDay, minutes: Int) {
        self.afterAttempts = afterAttempts
        self.earliest = earliest
        self.latest = latest
        self.minutes = minutes
    }
}
