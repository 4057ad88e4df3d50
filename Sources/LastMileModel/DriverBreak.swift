/// A break the driver must take: `duration` time units, starting inside one of `windows`. Taken between two
/// stops (or before leaving / before the return), where the vehicle is; see ``RouteSchedule`` for when.
public struct DriverBreak: Hashable, Sendable {
    public var id: String
    /// Sorted, disjoint windows for the break's start.
    public var windows: [TimeWindow]
    public var duration: Int64

    public init(id: String, windows: [TimeWindow], duration: Int64) {
        precondition(!windows.isEmpty, "a break needs at least one time window")
        self.id = id
        self.windows = TimeWindow.normalized(windows)
        self.duration = duration
    }
}
