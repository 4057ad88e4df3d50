/// What fleet minimisation did in one chain: the routes in use before and after, and the share of the run it
/// took. The phase ends at ``SolverConfiguration/fleetShare`` of the budget or when the removal after the
/// last one fails (``SolverConfiguration/fleetAttemptShare``): the time between the last removal and the end
/// is what the answer's vehicle count cost the distance.
public struct FleetMinimisationSummary: Sendable, Equatable {
    /// Routes in use in the first solution (after its local search) and in the phase's answer.
    public var routesBefore: Int
    public var routesAfter: Int
    /// Iterations the phase took (jobs taken from the ejection pool, or ruin-and-recreate candidates).
    public var iterations: Int
    /// When the last route removal succeeded and when the phase ended, seconds from the start of the run.
    public var lastRemovalSeconds: Double
    public var seconds: Double
}
