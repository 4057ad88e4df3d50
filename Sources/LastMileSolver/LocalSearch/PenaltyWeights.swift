/// The prices of infeasibility in the penalised local search (Vidal et al. 2012/2013, HGS): time warp and
/// excess load are allowed while searching, at a price per unit that adapts so that about
/// ``targetFeasibleShare`` of the local optima are feasible without repair (0.43, PyVRP's `target_feasible`
/// for its HGS; HGS-CVRP uses 0.2). Time warp and load adapt separately, each on its own share.
///
/// Prices come from the instance, not its units: a unit of time warp costs `multiplier ×` the instance's
/// cost per time unit (total arc cost over total arc time between job locations), a unit of excess load in
/// dimension `d` `multiplier ×` the mean arc cost over the mean demand. Weights are integers applied to
/// costs scaled by ``resolution``, and the load weight is a whole multiple of the cheapest non-zero arc cost,
/// so that with every time and cost ×k each penalty is exactly ×k (same search path, see
/// `ScaleInvarianceTests`).
///
/// One chain's state: the solver keeps one per chain and passes it to each search.
struct PenaltyWeights {
    /// Share of searches whose local optimum should be feasible before repair.
    static let targetFeasibleShare = 0.43
    /// Adapt after this many searches (HGS: every 100 iterations): fast enough for a run of a few hundred
    /// iterations to find its prices, as good as 100 on CVRP X at 10 s (2026-12-02).
    static let adaptationPeriod = 25
    /// Multipliers rise ×1.2 when too few optima are feasible, fall ×0.85 when too many (HGS's factors),
    /// outside ±5 points of the target, and stay within 1/100…10,000.
    static let increase = 1.2
    static let decrease = 0.85
    static let bounds = (lower: 0.01, upper: 10_000.0)
    /// Below this share of optima feasible in every dimension at once, every violated dimension's price rises
    /// (see ``record(timeFeasible:loadFeasible:)``). Half the target: at the target itself, Solomon R1 and RC1
    /// at 2,000 iterations lost 0.04 and 0.12 points of mean gap (seeds 1–2, 2026-12-03).
    static let jointFeasibleFloor = targetFeasibleShare / 2
    /// Repair searches again with every weight ×10 (HGS).
    static let repairFactor: Int64 = 10
    /// Costs are multiplied by this in the penalised comparison, so that weights below one cost unit per
    /// unit of violation can be expressed in integers.
    static let resolution: Int64 = 16

    /// Both multipliers start at the instance's own rates. Starting at 100 or 10 cost CVRP X (10 s, seed 1)
    /// 0.04–0.11 points of mean gap (2026-12-02).
    static let initialMultiplier = 1.0
    private(set) var timeWarpMultiplier = initialMultiplier
    private(set) var loadMultiplier = initialMultiplier
    /// Cost units per time unit.
    let costPerTime: Double
    /// Cost units per load unit, per dimension, in multiples of ``costUnit``.
    let costPerLoadUnit: [Double]
    /// The cheapest non-zero arc cost between job locations (1 when none), cost units.
    let costUnit: Int64
    private var searches = 0
    private var timeFeasible = 0
    private var loadFeasible = 0
    private var feasible = 0

    /// The instance's rates; without `pricing` (the search refuses infeasibility) they are not computed,
    /// saving the O(jobs²) pass.
    init(data: SolverData, pricing: Bool = true) {
        let (timeBase, costBase) = (data.vehicleTime.first ?? 0, data.vehicleCost.first ?? 0)
        let n = pricing ? data.jobCount : 0
        var (totalCost, totalTime, cheapest) = (0.0, 0.0, Int64.max)
        for u in 0..<n {
            for v in 0..<n where v != u {
                let cost = data.entry(costBase, data.jobLocation[u], data.jobLocation[v])
                totalCost += Double(cost)
                totalTime += Double(data.entry(timeBase, data.jobLocation[u], data.jobLocation[v]))
                if cost > 0 { cheapest = min(cheapest, cost) }
            }
        }
        costPerTime = totalTime > 0 && totalCost > 0 ? totalCost / totalTime : 1
        costUnit = cheapest == Int64.max ? 1 : cheapest
        // (mean arc cost / mean demand) / costUnit as one quotient of two integers that both scale with the
        // costs, so that it is the same Double for every k.
        costPerLoadUnit = (0..<data.dimensions).map { [costUnit] d in
            let demand = (0..<n).reduce(Int64(0)) { $0 + data.jobDemand[$1 * data.dimensions + d] }
            guard n > 1, demand > 0, totalCost > 0 else { return 1 }
            return totalCost / Double(costUnit * Int64(n - 1) * demand)
        }
    }

    /// The integer weights of the next search.
    var current: Penalties {
        Penalties(
            timeWarp: max(1, Int64((Double(Self.resolution) * timeWarpMultiplier * costPerTime).rounded())),
            load: costPerLoadUnit.map { max(1, Int64((Double(Self.resolution) * loadMultiplier * $0).rounded())) * costUnit })
    }

    /// Counts a search's local optimum before repair; every ``adaptationPeriod`` searches, moves each
    /// multiplier towards the target share.
    ///
    /// Each multiplier follows its own dimension's share, and also rises while fewer than
    /// ``jointFeasibleFloor`` of the optima are feasible in both at once and its dimension was violated at
    /// all: otherwise a chain whose optima trade one violation for the other (late half the time, overloaded
    /// the other half) sees both shares on target and is never feasible. Solomon C101 as VROOM JSON
    /// (whole-unit times, ten routes a unit too tight, 5 s, 2026-12-03): 7,975 of 8,000 optima infeasible and
    /// nothing better than the first solution.
    mutating func record(timeFeasible isTimeFeasible: Bool, loadFeasible isLoadFeasible: Bool) {
        searches += 1
        if isTimeFeasible { timeFeasible += 1 }
        if isLoadFeasible { loadFeasible += 1 }
        if isTimeFeasible && isLoadFeasible { feasible += 1 }
        guard searches == Self.adaptationPeriod else { return }
        let (low, high) = (Self.targetFeasibleShare - 0.05, Self.targetFeasibleShare + 0.05)
        let jointlyShort = Double(feasible) / Double(searches) < Self.jointFeasibleFloor
        func adapted(_ multiplier: Double, _ feasibleInDimension: Int) -> Double {
            let share = Double(feasibleInDimension) / Double(searches)
            let violated = feasibleInDimension < searches
            let factor =
                share < low || (jointlyShort && violated) ? Self.increase : share > high ? Self.decrease : 1
            return min(max(multiplier * factor, Self.bounds.lower), Self.bounds.upper)
        }
        timeWarpMultiplier = adapted(timeWarpMultiplier, timeFeasible)
        loadMultiplier = adapted(loadMultiplier, loadFeasible)
        (searches, timeFeasible, loadFeasible, feasible) = (0, 0, 0, 0)
    }
}

/// The weights one search applies: a penalised cost is `cost × PenaltyWeights.resolution + timeWarp ×
/// timeWarp weight + Σ excess load[d] × load[d]`, all integers.
struct Penalties {
    var timeWarp: Int64
    var load: [Int64]

    /// The same weights ×`factor` (repair).
    func scaled(by factor: Int64) -> Penalties {
        Penalties(timeWarp: timeWarp * factor, load: load.map { $0 * factor })
    }
}
