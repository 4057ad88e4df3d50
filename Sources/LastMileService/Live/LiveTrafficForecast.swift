import LastMileGraph
import LastMileLive
import LastMileModel

/// The live loop's traffic forecast from the stored profile: for each 15-minute slice of the day, how much
/// longer than at free flow a drive in the city takes, and the live travel times made time-dependent with it.
///
/// One factor per slice for every pair (the profile's factor of each road class, weighted by the free-flow
/// time the map's arcs of that class take), not each pair's own mix of roads: routing every pair in every slice
/// would cost a hierarchy customisation per slice. It is what the loop needs to time a stop hours ahead in the
/// peak it will meet, at the cost of a few milliseconds per event.
struct LiveTrafficForecast: Sendable {
    /// Per slice of the date's weekday, ‰ of the free-flow time a drive takes (1000 = free flow, 2000 = twice).
    let timePermille: [Int]
    /// Per hour of the day, the mean of its slices' ``timePermille``: the breakpoints of ``applied(to:from:)``.
    let hourPermille: [Int]

    /// The forecast of `profile` on `weekday` over `graph`'s roads.
    init(profile: TrafficProfile, weekday: Weekday, graph: RoadGraph) {
        var classTime = [Double](repeating: 0, count: RoadClass.allCases.count)
        for (time, roadClass) in zip(graph.arcTime, graph.arcClass) { classTime[Int(roadClass)] += Double(time) }
        let total = max(classTime.reduce(0, +), 1)
        timePermille = (0..<TrafficProfile.slicesPerDay).map { slice in
            let factors = profile.classFactors(on: weekday, slice: slice)
            let slowed = classTime.enumerated().reduce(0.0) { sum, entry in
                sum + entry.element * 1000 / Double(factors[factors.startIndex + entry.offset])
            }
            return Int((slowed / total * 1000).rounded())
        }
        let perHour = 60 / TrafficProfile.sliceMinutes
        hourPermille = stride(from: 0, to: timePermille.count, by: perHour).map { [timePermille] first in
            (timePermille[first..<first + perHour].reduce(0, +) + perHour / 2) / perHour
        }
    }

    /// Whether any slice is slower or faster than free flow.
    var changesAnything: Bool { timePermille.contains { $0 != 1000 } }

    /// `travel` with its car times made time-dependent from `clock` (s after midnight) on: a breakpoint at the
    /// middle of each hour from the clock's to the day's last, each pair's static time × the hour's factor
    /// (hourly, not per slice: a forecast as coarse anyway, and fewer breakpoints to search). Scaled storage
    /// (``TimeDependentTravel/init(scaling:metres:firstBreakpoint:interval:permille:)``): no table to build,
    /// and lookups that stay in cache.
    func applied(to travel: LiveTravelTimes, from clock: Int) -> LiveTravelTimes {
        let first = min(max(0, clock / 3600), hourPermille.count - 1)
        let reachable = travel.seconds.map { $0 < LiveTravelTimes.unreachable }
        let forecast = TimeDependentTravel(
            scaling: zip(travel.seconds, reachable).map { $1 ? Int($0) : -1 }, metres: travel.metres.map { Int($0) },
            firstBreakpoint: first * 3600 + 1800, interval: 3600, permille: Array(hourPermille[first...]))
        return LiveTravelTimes(count: travel.count, seconds: travel.seconds, metres: travel.metres, timeDependent: forecast)
    }
}
