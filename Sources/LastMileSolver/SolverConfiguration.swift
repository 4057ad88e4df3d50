/// How long to search and with which parameters. Stopping is by iterations (deterministic; used by tests) or
/// by time (anytime use); with both, whichever comes first.
public struct SolverConfiguration: Sendable {
    /// Seed of the single random stream: the same seed, problem and iteration count give the same solution.
    public var seed: UInt64 = 1
    /// Stop after this many ruin-and-recreate iterations.
    public var iterations: Int?
    /// Stop after this many seconds of wall time.
    public var timeLimit: Double?
    /// Independent search chains run in parallel, each with its own stream split from `seed`; the best wins
    /// (ties to the lower chain). 1 = one core, as the benchmarks measure.
    public var threads = 1
    /// SISR: average number of jobs removed per ruin (c̄).
    public var averageRemoved = 10.0
    /// SISR: longest string removed from one route (L_max).
    public var maximumStringLength = 10.0
    /// SISR: probability of ending the kept part of a split string (α).
    public var splitRate = 0.01
    /// SISR: probability of skipping an insertion position while recreating (β, "blinks").
    public var blinkRate = 0.01
    /// Simulated-annealing temperatures at start and end, in multiples of the mean arc cost of the chain's
    /// first solution (see `AnnealingSchedule`), so that they follow the instance's cost magnitudes whatever its
    /// units. SISR's fixed 100 and 1 are about 5× and 0.05× the mean arc on the Solomon instances (mean arc ≈ 20)
    /// but 0.5× and 0.005× on CVRP X (mean arc 200–350): 2 and 0.02 are as good as either on both (1 s Solomon,
    /// 10 s X-n401/X-n701, December 2026), where 5 costs 0.3–0.7 % on the large X instances.
    public var startTemperature = 2.0
    public var endTemperature = 0.02
    /// Granular recreation: a job tries the routes of its this many nearest jobs (and empty vehicles) first,
    /// all routes only when none of those takes it. 0 = always all routes.
    public var insertionNeighbours = 40
    /// Granular recreation starts above this many routes in use: on 100-customer instances it costs quality
    /// (Solomon 5 s: 0.33 % instead of 0.28 % with 12), on 700-customer ones it gains a lot.
    public var granularRouteThreshold = 20
    /// Share of the budget spent removing vehicles when vehicles have a fixed cost ("fewest vehicles first").
    public var fleetShare = 0.4
    /// Iterations one route removal may take before fleet minimisation gives up.
    public var fleetAttemptIterations = 60_000

    public init(seed: UInt64 = 1, iterations: Int? = nil, timeLimit: Double? = nil) {
        self.seed = seed
        self.iterations = iterations
        self.timeLimit = timeLimit
    }
}
