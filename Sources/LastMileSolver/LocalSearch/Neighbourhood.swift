/// Each job's most promising neighbours for the granular local search: the jobs it should be next to, by
/// Vidal et al. (2013)'s correlation measure, which adds to the travel cost the waiting and lateness that
/// their windows force in either order:
///
///     proximity(u, v) = cost(u, v) + 0.2 × minimal waiting(u → v) + 1.0 × minimal lateness(u → v)
///
/// symmetrised by the smaller of the two orders. Windows are each job's hull; times and costs from the
/// first vehicle's matrices. Waiting and lateness are time; they are turned into cost units at the instance's
/// own rate (its total arc cost over its total arc time between jobs), so that the neighbours do not depend on
/// the units an instance is written in (the same problem with costs ×1000 has the same neighbours).
struct Neighbourhood: Sendable {
    /// `nearest[u]`: up to `count` other jobs, most promising first (ties by index).
    let nearest: [[Int32]]

    init(data: SolverData, count: Int) {
        let n = data.jobCount
        let (timeBase, costBase) = (data.vehicleTime.first ?? 0, data.vehicleCost.first ?? 0)
        let opening = (0..<n).map { data.windowEarliest[Int(data.windowFirst[$0])] }
        let closing = (0..<n).map { data.windowLatest[Int(data.windowFirst[$0 + 1]) - 1] }
        var (totalCost, totalTime) = (0.0, 0.0)
        for u in 0..<n {
            for v in 0..<n where v != u {
                totalCost += Double(data.entry(costBase, data.jobLocation[u], data.jobLocation[v]))
                totalTime += Double(data.entry(timeBase, data.jobLocation[u], data.jobLocation[v]))
            }
        }
        let costPerTime = totalTime > 0 ? totalCost / totalTime : 1
        func proximity(_ u: Int, _ v: Int) -> Double {
            let (from, to) = (data.jobLocation[u], data.jobLocation[v])
            let travel = data.entry(timeBase, from, to)
            let waiting = max(opening[v] - travel - data.jobService[u] - closing[u], 0)
            let lateness = max(opening[u] + data.jobService[u] + travel - closing[v], 0)
            return Double(data.entry(costBase, from, to)) + costPerTime * (0.2 * Double(waiting) + Double(lateness))
        }
        var nearest: [[Int32]] = []
        nearest.reserveCapacity(n)
        // The `count` smallest (proximity, job) pairs of each row, kept sorted: O(n × count) per job at worst.
        var best: [(Double, Int32)] = []
        for u in 0..<n {
            best.removeAll(keepingCapacity: true)
            for v in 0..<n where v != u && count > 0 {
                let key = (min(proximity(u, v), proximity(v, u)), Int32(v))
                guard best.count < count || key < best[best.count - 1] else { continue }
                if best.count == count { best.removeLast() }
                best.insert(key, at: best.firstIndex { key < $0 } ?? best.count)
            }
            nearest.append(best.map(\.1))
        }
        self.nearest = nearest
    }
}
