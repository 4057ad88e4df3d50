import LastMileLive
import LastMileModel

extension SimulationRoads {
    /// Car driving times and distances between `places` leaving at `time` (s after midnight), as the live
    /// re-optimiser takes them: rows from every place, columns to the targets (nobody drives to a start);
    /// pairs with a place that is none of the day's, or that no road connects, unreachable. With a
    /// `lookaheadSeconds`, each pair takes its slowest time over departures every 30 min from `time` to
    /// `time + lookaheadSeconds` (the forecast of a dispatcher who plans for the peak ahead). With
    /// `timeDependent`, the car's leg times by departure over the places come too (the day's traffic as the
    /// loop's forecast; ``LiveTravelTimes/timeDependent``).
    public func liveTravelTimes(_ places: LivePlaces, at time: Int, lookaheadSeconds: Int = 0, timeDependent: Bool = false) -> LiveTravelTimes {
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
        return LiveTravelTimes(count: n, seconds: seconds, metres: metres, timeDependent: timeDependent ? carTravel(between: index, targets: places.targets.count) : nil)
    }

    /// The car's time-dependent travel between the places `index` (place numbers, `nil`: none of the day's),
    /// with the day's breakpoints; only the first `targets` are driven to.
    private func carTravel(between index: [Int?], targets: Int) -> TimeDependentTravel {
        let n = index.count, slices = car.sliceCount
        var builder = TimeDependentTravel.Builder(locationCount: n, firstBreakpoint: car.firstBreakpoint, interval: car.interval, sliceCount: slices)
        for i in 0..<n {
            guard let from = index[i] else { continue }
            for j in 0..<targets {
                guard let to = index[j] else { continue }
                for slice in 0..<slices { builder.set(car.breakpointSeconds(from: from, to: to, slice: slice), pair: i * n + j, slice: slice) }
            }
        }
        builder.setMeters { pair in
            guard pair % n < targets, let from = index[pair / n], let to = index[pair % n] else { return nil }
            return car.meters(from: from, to: to)
        }
        return builder.build()
    }
}
