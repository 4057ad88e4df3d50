import LastMileCore
import LastMileSolver

/// The solver settings of a plan: seed, a time limit or an iteration count, search chains, and the traffic.
public struct PlanningSettings: Sendable {
    public var seed: UInt64
    /// Wall-clock budget in seconds (setup included); ignored when `iterations` is set.
    public var timeLimit: Double
    /// A fixed number of iterations per chain: the same seed then gives the same plan on any machine.
    public var iterations: Int?
    /// Independent search chains, one per core.
    public var threads: Int
    /// The traffic the day is planned in: by default the database's stored profile (static free flow when none
    /// is stored); ``PlanningTraffic/blind`` for the traffic-blind plan.
    public var traffic: PlanningTraffic

    public init(seed: UInt64, timeLimit: Double, iterations: Int? = nil, threads: Int, traffic: PlanningTraffic = .stored) {
        self.seed = seed
        self.timeLimit = timeLimit
        self.iterations = iterations
        self.threads = threads
        self.traffic = traffic
    }

    /// The solver's configuration, checked.
    ///
    /// - Throws: ``LastMileError`` (usage) whose location's `field` names the setting out of range (each front end
    ///   names it its own way: an option, a JSON field).
    public func solverConfiguration() throws(LastMileError) -> SolverConfiguration {
        guard timeLimit > 0 else {
            throw LastMileError(.usage, "the time limit must be positive", at: ErrorLocation(field: "time-limit"), hint: "give seconds, e.g. 10")
        }
        guard threads >= 1 else { throw LastMileError(.usage, "at least one search chain is needed", at: ErrorLocation(field: "threads")) }
        if let iterations, iterations < 1 {
            throw LastMileError(.usage, "the iteration count must be at least 1", at: ErrorLocation(field: "iterations"))
        }
        var configuration = SolverConfiguration(seed: seed, iterations: iterations, timeLimit: iterations == nil ? timeLimit : nil)
        configuration.threads = threads
        return configuration
    }
}
