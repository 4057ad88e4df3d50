import LastMileModel
/// How long to search and with which parameters. Stopping is by iterations (deterministic; used by tests) or
/// by time (anytime use); with both, whichever comes first.
public struct SolverConfiguration: Sendable {
    /// Seed of the single random stream: the same seed, problem and iteration count give the same solution.
    public var seed: UInt64 = 1
    /// Stop after this many ruin-and-recreate iterations.
    public var iterations: Int?
    /// Stop after this many seconds of wall time.
    public var timeLimit: Double?
    /// Search chains run in parallel, each with its own stream split from `seed`, meeting `eliteExchanges`
    /// times to share their best; the best wins (ties to the lower chain). 1 = one core, as the benchmarks
    /// measure.
    public var threads = 1
    /// SISR: average number of jobs removed per ruin (c̄).
    public var averageRemoved = 10.0
    /// SISR: longest string removed from one route (L_max).
    public var maximumStringLength = 10.0
    /// Where windows bind and the routes in use hold ā jobs on average, a ruin removes about this share of an
    /// average route's jobs: L_max and c̄ are scaled by max(1, share × ā / L_max), so nothing changes up to
    /// 10 jobs per route. SISR's fixed 10 and 10 barely move routes of 30–50 jobs, which the local search then
    /// puts back: on Solomon R208 at 1 s, 79 % of the searched candidates came back at the current cost.
    /// Without binding windows (CVRP X) the local search reshapes long routes itself, and larger ruins cost
    /// more than they gain. Fleet minimisation keeps SISR's sizes: a removal needs many cheap tries
    /// (Gehring–Homberger R2_2_1, 30 s, seed 3: 5 vehicles with the growth, the best-known 4 without).
    ///
    /// Measured 2026-12-04, one core (Benchmarks/README.md, "Issue 10, twentieth session"), mean gap to the
    /// best-known distance, share 0 → 1: the 19 Solomon types 2 at 1 s (seeds 1–2) 1.18 → 0.90 % (0.5:
    /// 1.16, 0.75: 0.95, 1.5: 0.92), at 5 s 0.68 → 0.60 %; hierarchical at 5 s (seeds 1–3) 1.61 → 0.90 % at
    /// the best-known vehicle counts; Gehring–Homberger hierarchical at 30 s (seeds 1–4) R2_2_1 1.21 →
    /// 0.29 %, RC2_2_1 1.27 → 0.33 %. CVRP X at 30 s with the growth (seeds 1–2): 0.40 → 0.47 %.
    public var ruinRouteShare = 1.0
    /// The growth of ``ruinRouteShare`` stops where c̄ reaches this share of the served jobs: two routes of
    /// 50 jobs would otherwise lose half the plan per ruin. Solomon types 2, seeds 1–3, hierarchical at 5 s:
    /// 0.90 → 0.74 % at the best-known vehicle counts; distance at 1 s (seeds 1–2) 0.90 → 0.86 %.
    public var ruinLargestShare = 0.2
    /// Share of the penalised chain's iterations that move one run of jobs whole into another route
    /// (``LocalSearchRun/relocateBlock(in:recreation:maximumLength:using:)``) instead of ruining and recreating,
    /// where routes are long (``RuinAndRecreate/longestBlock(in:)``). Gehring–Homberger R2_2_1, hierarchical,
    /// 30 s, one core, seeds 1–12 (2026-12-05): mean 4597 → 4558 (best-known 4483.16, reached on 4 of 12
    /// against none); shares 0.1, 0.3 and 0.9 on seeds 1–6: 4591, 4566, 4580 against 4535 at 0.6. Solomon R2 at
    /// 5 s, seeds 1–2: 0.80 → 0.50 % and 0.99 → 0.71 % at the best-known vehicle counts.
    public var blockRelocationRate = 0.6
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
    /// Recreation in the feasible annealing prices a job alone in an empty vehicle at its route's variable
    /// cost × (1 − d), d drawn per candidate: 0 half the time, else uniform in [0, `openingDiscount`). Only
    /// where the jobs go changes; each candidate is accepted or not at its true cost. SISR's reinsertion
    /// almost never starts a route (a job alone pays a round trip), while its ruin empties short routes, so
    /// the annealing drifts to fewer routes than the shortest plans use: Gehring–Homberger R2_2_1 (distance,
    /// 30 s) sat at 3511 with 11 routes in every run, PyVRP found 3489 with 13. 0 = SISR's pricing.
    ///
    /// Seeds 1–2, one core (Benchmarks/README.md, "Issue 10, fifteenth session"), before → after, mean gap
    /// to the best-known distance: Solomon types 2 at 1 s 0.678 → 0.424 %, at 5 s 0.240 → 0.145 %;
    /// Gehring–Homberger R2_2_1 1.19 → 0.36 %, RC2_2_1 0.40 → 0.62 %; MDVRPTW PR11–PR18 at 30 s (seed 1)
    /// 2.52 → 2.18 %. A constant d of 0.3 did as well on Solomon and worse on RC2_2_1 (0.69 %); 0.6 and a
    /// discount only in the first half of the annealing were worse.
    public var openingDiscount = 0.6
    /// Granular recreation: a job tries the routes of its this many nearest jobs (and empty vehicles) first,
    /// all routes only when none of those takes it. 0 = always all routes.
    public var insertionNeighbours = 40
    /// Granular recreation starts above this many routes in use: on 100-customer instances it costs quality
    /// (Solomon 5 s: 0.33 % instead of 0.28 % with 12), on 700-customer ones it gains a lot.
    public var granularRouteThreshold = 20
    /// With several chains (`threads` > 1): how many times the chains meet to share their best solutions
    /// (``EliteExchange``), at even fractions of the run after fleet minimisation. At each meeting a chain
    /// whose best is worse than the best of all continues from that one, with its own random stream and
    /// temperature. 0 = independent chains, the best of which wins.
    ///
    /// Two chains on two cores, seed 1, mean gap to the best-known distance, 0 → 3 meetings (Benchmarks/README.md,
    /// "Issue 10, sixteenth session"): Solomon 56 at 5 s 0.145 → 0.086 % (9 meetings: 0.117 %);
    /// Gehring–Homberger at 30 s 0.224 → 0.201 % (seed 2: 0.251 → 0.245 %); MDVRPTW PR11–PR18 at 30 s
    /// 2.338 → 2.211 %; the 400-order demo day (15 s, seeds 1–2) 1559.70 → 1549.41 and 1594.04 → 1583.83.
    public var eliteExchanges = 3
    /// Share of the budget spent removing vehicles when vehicles have a fixed cost ("fewest vehicles first").
    public var fleetShare = 0.4
    /// Share of the budget one route removal may take before fleet minimisation gives it up (``FleetMinimizer``),
    /// once it has taken the lower bound of ``fleetAttemptIterations``. Removals that succeed mostly take well under 0.1 (Solomon, hierarchical, 5 s: all
    /// but R110's last, RC106's and R111's under 0.3 s); the one that fails used to hold the phase to its whole
    /// share. Solomon, hierarchical, 5 s, seeds 1–2, the whole phase → 0.1: mean gap at the best-known vehicle
    /// count 0.99 and 1.12 % → 0.66 and 0.71 %, vehicles over the best-known +2 and +3 → +3 and +3;
    /// Gehring–Homberger RC1_2_1, 30 s, seeds 1–6: 2.27 → 1.04 %.
    public var fleetAttemptShare = 0.1
    /// Iterations one route removal takes at least before ``fleetAttemptShare`` ends it (a short run's removals
    /// are not cut to a few iterations; the phase's share still bounds them) and at most. With a floor in
    /// iterations rather than time, a slower machine removes as many routes, at the price of distance time: on
    /// a 2.0 GHz machine, where the ejection pool takes about 3,600 jobs a second on Solomon R104, a floor of
    /// 1,000 gave Solomon, hierarchical, 5 s, seeds 1–3, +8, +6 and +7 vehicles over the best-known with
    /// 0.84, 0.80 and 1.49 % at the best-known count; 8,000 gave +4, +3 and +3 with 0.82, 0.89 and 1.04 %
    /// (16,000: +3, +3, +3 with 0.98, 0.96, 1.21 %). Gehring–Homberger at 30 s kept the best-known counts,
    /// every gap ≤ 1.65 % (seeds 2–3; 3.70 % on RC1_2_1 with 1,000). The upper bound does not hold for ruin and
    /// recreate's last removal the capacity bound allows (``FleetMinimizer/isUncapped(usingPool:routesInUse:fewestRoutes:)``).
    public var fleetAttemptIterations = 8_000...60_000

    /// Granular local search after recreation: each job tries moves towards this many nearest jobs (by a
    /// time-window-aware proximity). 0 = no local search. 8 rather than HGS's 20–50: the search runs on every
    /// candidate, and on Gehring–Homberger R2_2_1 / RC2_2_1 (seed 1) 8 reaches in 10 s the 3511 / 2810
    /// that 20 reaches in 30 s, with three times the iterations.
    public var localSearchNeighbours = 8
    /// Which ruin-and-recreate candidates the local search improves.
    public var localSearchPolicy = LocalSearchPolicy.automatic
    /// SWAP* between neighbouring routes after the granular moves (see `LocalSearchRun.swapStarPass`).
    public var swapStar = true
    /// Time warp and excess load priced rather than refused (``PenaltyWeights``), only where every time
    /// constraint is concatenable (one window per job, no breaks, no duration limits):
    /// - `nil` (automatic): where ``LocalSearchPolicy/automatic`` would search only improving candidates
    ///   (short routes, or windows that do not bind), no job is a pickup or a shipment half, and a time limit
    ///   leaves the annealing at least 0.01 s per job (``Solver/affordsPenalisedChain(_:_:)``), the annealing
    ///   runs as a penalised chain (``LocalSearch/iterate(_:from:recreation:weights:until:using:)``): its current
    ///   solution may be late or overloaded, every candidate is reinserted at priced places and searched, and
    ///   the best is the best feasible one. After fleet minimisation, wherever the fleet is final, whatever the
    ///   routes' length and the budget. Elsewhere only feasible solutions are visited.
    /// - `true`: the penalised chain wherever it can run; with pickups or shipments, each local search
    ///   passes through infeasibility and repairs (weights ×10) or searches again without it.
    /// - `false`: only feasible solutions.
    ///
    /// Measured on one core, seeds 1–2 (Benchmarks/README.md, "Issue 10, ninth session"): the chain takes the
    /// mean gap of Solomon types 1 at 5 s from 0.63 % to 0.41 %, CVRP X at 10 s from 0.74 % to 0.47 %, but
    /// on long routes with binding windows (Solomon type 2, Gehring–Homberger R2) it loses to the feasible
    /// search on every candidate, which stays there.
    public var penalisedSearch: Bool? = nil
    /// Warm start: `initialRoutes[v]` is vehicle `v`'s jobs in order, the chain's first solution before the jobs
    /// not listed are inserted (re-optimising a plan under way). Each listed route must be feasible; a job may be
    /// listed once. `nil`: start from empty routes.
    public var initialRoutes: [[JobIndex]]?

    public init(seed: UInt64 = 1, iterations: Int? = nil, timeLimit: Double? = nil) {
        self.seed = seed
        self.iterations = iterations
        self.timeLimit = timeLimit
    }
}

/// Which candidates of the annealing the local search improves. Measured at 30 s, seed 1, one core, 8
/// neighbours:
///
/// | policy | GH R2_2_1 | GH RC2_2_1 | X-n200-k36 |
/// |---|---|---|---|
/// | no local search | 3534 | 2820 | 58738 |
/// | always | 3511 | 2818 | 59698 |
/// | improving | 3526 | 2816 | 58713 |
///
/// (`accepted`, 20 neighbours: 3546 / 2827 on GH.) Every candidate pays on long routes with time windows;
/// without windows, or on short routes (Solomon R112, RC101 at 5 s, seeds 1–3: +0.3 % and +0.4 % on the
/// mean), the search costs more iterations than it gains.
public enum LocalSearchPolicy: String, Sendable, CaseIterable {
    /// `always` when some job's windows are narrower than the vehicles' shifts and the candidate's routes
    /// hold ``longRoute`` jobs or more on average, else `improving`. Not budget-aware: `improving` on every
    /// Solomon instance at 5 s (0.05 s per job) lost to this rule over two seeds, with and without SWAP*
    /// (Benchmarks/README.md, "Issue 10 (continued)").
    case automatic
    /// Every candidate, before the acceptance test.
    case always
    /// Only candidates better than the current solution before the search.
    case improving
    /// Only candidates the annealing accepts as they are (the search can only lower their cost), so the
    /// current solution is always a local optimum and the next search examines only what changed.
    case accepted
    /// Never: ruin and recreate alone (the solver before the local search, for comparisons).
    case off

    /// Jobs per route from which routes count as long for ``automatic``.
    static let longRoute = 11
}
