import LastMileLive
import LastMileModel

extension SimulationRoads {
    /// Car driving times and distances between `places` leaving at `time` (s after midnight), as the live
    /// re-optimiser takes them: rows from every place, columns to the targets (nobody drives to a start);
    /// pairs with a place that is none of the day's, or that no road connects, unreachable. With a
    /// `lookaheadSeconds`, each pair takes its slowest time over departures every 30 min from `time` to
    /// `time + lookaheadSeconds` (the forecast of a dispatcher who plans for the peak ahead).
    public func liveTravelTimes(_ places: LivePlaces, at time: Int, lookaheadSeconds: Int = 0) -> LiveTravelTimes {
        let departures = Array(stride(from: time, through: time + lookaheadSeconds, by: 1800))
        let all = places.all, n = all.count
        let index = all.map { place(of: $0) }
        var seconds = [Int64](repeating: LiveTravelTimes.unreachable, count: n * n), metres = seconds
        for i in 0..<n {
            guard let from = index[i] else { continue }
            for j in 0..<places.targets.count {
                guard let to = index[j], let length = car.meters(from: from, to: to),
                      let travel = departures.map({ car.travelSeconds(from: from, to: to, departingAt: $0) ?? Int(LiveTravelTimes.unreachable) }).max(),
                      travel < LiveTravelTimes.unreachable else {
                    continue
                }
                seconds[i * n + j] = Int64(travel)
                metres[i * n + j] = Int64(length)
            }
        }
        return LiveTravelTimes(count: n, seconds: seconds, metres: metres)
    }
}
