import Foundation

/// The simulated-annealing temperatures of one chain, derived from the instance rather than its units.
///
/// The reference cost is the mean travel cost of an arc of the chain's first solution (travel cost of the used
/// routes over their arcs: one per served job plus one back to the end per route). Multiplying every time and
/// cost of an instance by k multiplies the reference, and so every temperature, by k: acceptance decisions,
/// and with them the routes found for a seed and iteration count, do not depend on the instance's units
/// (thousandths for the Solomon text, 1/3,600,000 cost units for VROOM JSON, metres or cents for real days).
///
/// The temperature falls geometrically from `start` to `end` (cost units) over the annealing phase; both are 0
/// when the first solution travels for free (then only improvements are accepted).
struct AnnealingSchedule {
    /// Temperatures at the start and the end of the phase, cost units; `start >= end >= 0`.
    let start: Double
    let end: Double

    init(configuration: SolverConfiguration, firstSolution: SearchState) {
        var travel: Int64 = 0, arcs = 0
        for route in firstSolution.routes where !route.isEmpty {
            travel += route.travelCost
            arcs += route.jobs.count + 1
        }
        let meanArcCost = arcs > 0 ? Double(travel) / Double(arcs) : 0
        start = configuration.startTemperature * meanArcCost
        end = configuration.endTemperature * meanArcCost
    }

    /// The temperature at `fraction` (0…1) of the phase, cost units.
    func temperature(at fraction: Double) -> Double {
        start > 0 ? start * pow(end / start, fraction) : 0
    }
}
