import Foundation

/// The two objectives of the classic benchmarks (see `../shared/peers/README.md`).
public enum BenchmarkObjective: String, Sendable, CaseIterable {
    /// Fewest vehicles first, then distance: every used vehicle costs more than any distance saving.
    case hierarchical = "hier"
    /// Distance only; the fleet is an upper bound.
    case distance = "dist"
}

/// Euclidean benchmark geometry turned into the peer harness's integer model.
enum EuclideanModel {
    /// VRPTW (scale 1000): cost = round(1000·d), time = ceil(1000·d − 1e-6) so integer-feasible is feasible.
    static func vrptwMatrices(x: [Double], y: [Double]) -> (time: [Int64], cost: [Int64]) {
        let n = x.count
        var time = [Int64](repeating: 0, count: n * n), cost = [Int64](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n where i != j {
                let d = ((x[i] - x[j]) * (x[i] - x[j]) + (y[i] - y[j]) * (y[i] - y[j])).squareRoot()
                cost[i * n + j] = Int64((1000 * d).rounded())
                time[i * n + j] = Int64((1000 * d - 1e-6).rounded(.up))
            }
        }
        return (time, cost)
    }

    /// CVRP (TSPLIB EUC_2D): cost = time = nint(d) = floor(d + 0.5).
    static func cvrpMatrix(x: [Double], y: [Double]) -> [Int64] {
        let n = x.count
        var cost = [Int64](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n where i != j {
                let d = ((x[i] - x[j]) * (x[i] - x[j]) + (y[i] - y[j]) * (y[i] - y[j])).squareRoot()
                cost[i * n + j] = Int64((d + 0.5).rounded(.down))
            }
        }
        return cost
    }

    /// The harness's fixed cost per vehicle for the hierarchical objective: ceil(Σ_i 2·cost(depot, i)) in cost
    /// units, larger than any distance difference.
    static func vehicleCost(cost: [Int64], locations: Int, depot: Int) -> Int64 {
        (0..<locations).reduce(Int64(0)) { $0 + 2 * cost[depot * locations + $1] } + 1
    }
}
