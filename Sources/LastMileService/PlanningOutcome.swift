import LastMileCore
import LastMileDispatch
import LastMileDomain

/// What planning a date produced.
public struct PlanningOutcome: Sendable {
    public var plan: DayPlan
    public var version: PlanVersion
    public var day: DispatchDay
    /// The KPI summary, for the terminal and the pages.
    public var kpis: PlanKPIs
    /// The files written, relative to the output folder.
    public var files: [String]
}
