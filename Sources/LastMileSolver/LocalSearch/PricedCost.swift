/// A solution's objective with its violations kept apart, so that it can be priced under any
/// ``Penalties``: the penalised chain compares its current solution and a candidate under the weights of
/// the moment (PyVRP's penalised cost).
struct PricedCost: Equatable {
    /// Travel cost, paid time, job charges and fixed costs of the routes, plus the unassigned penalties, cost
    /// units.
    var cost: Int64
    /// Total time warp over the routes, time units.
    var timeWarp: Int64
    /// Total load above capacity over the routes, per dimension, load units.
    var excessLoad: [Int64]

    var isFeasible: Bool { timeWarp == 0 && excessLoad.allSatisfy { $0 == 0 } }

    /// The cost in compared units: `cost × PenaltyWeights.resolution` plus each violation at its price.
    func priced(by penalties: Penalties) -> Int64 {
        var total = cost * PenaltyWeights.resolution + timeWarp * penalties.timeWarp
        for d in excessLoad.indices { total += excessLoad[d] * penalties.load[d] }
        return total
    }
}
