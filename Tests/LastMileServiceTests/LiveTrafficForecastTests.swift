import LastMileCore
import LastMileGraph
import LastMileLive
import LastMileModel
@testable import LastMileService
import Testing

/// The live loop's forecast from a stored traffic profile (issue 12): each slice's city-wide slowdown, applied
/// to the live travel times by departure.
@Suite struct LiveTrafficForecastTests {
    @Test func aUniformProfileDoublesEveryLegAtEveryHour() throws {
        let graph = try RoadNetworks.sampleTown().car
        let forecast = LiveTrafficForecast(profile: .uniform(500), weekday: .monday, graph: graph)
        #expect(forecast.timePermille.allSatisfy { $0 == 2000 })
        let seconds: [Int64] = [0, 100, LiveTravelTimes.unreachable, 0], metres: [Int64] = [0, 900, LiveTravelTimes.unreachable, 0]
        let travel = forecast.applied(to: LiveTravelTimes(count: 2, seconds: seconds, metres: metres), from: 9 * 3600)
        let table = try #require(travel.timeDependent)
        for departure in [0, 9 * 3600, 12 * 3600 + 17, 23 * 3600] {
            #expect(table.travelSeconds(from: 0, to: 1, departingAt: departure) == 200, "leaving at \(departure) s")
            #expect(table.travelSeconds(from: 1, to: 0, departingAt: departure) == nil, "no road stays no road")
        }
        #expect(travel.seconds == seconds, "the static times stay the cost basis")
    }

    @Test func theShippedProfileIsSlowerInTheMorningPeakThanAtNight() throws {
        let graph = try RoadNetworks.sampleTown().car
        let forecast = LiveTrafficForecast(profile: ShippedTrafficProfile.profile, weekday: .tuesday, graph: graph)
        let slice = { (hour: Int) in forecast.timePermille[hour * 4] }
        #expect(forecast.changesAnything)
        #expect(slice(8) > slice(3) && slice(8) > 1000)
        // A drive of 10 minutes leaving at 08:30 takes the mean factor of 08:00–09:00 (at the hour's middle).
        let travel = forecast.applied(to: LiveTravelTimes(count: 2, seconds: [0, 600, 600, 0], metres: [0, 5000, 5000, 0]), from: 6 * 3600)
        let peak = try #require(travel.timeDependent?.travelSeconds(from: 0, to: 1, departingAt: 8 * 3600 + 1800))
        let hour = (forecast.timePermille[32..<36].reduce(0, +) + 2) / 4
        #expect(forecast.hourPermille[8] == hour)
        #expect(peak == (600 * hour + 500) / 1000)
    }
}
