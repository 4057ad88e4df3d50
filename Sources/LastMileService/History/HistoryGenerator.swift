import Foundation
import LastMileCore
import LastMileGraph

/// A deterministic delivery history on a road graph under a known "true" traffic profile, for showing that
/// ``RoadQueries/fitTraffic(_:holdoutDays:)`` recovers it.
///
/// Customers sit on random graph nodes, each with a true service time of 60–600 s; every day each vehicle
/// leaves the depot (the first customer's node) between 07:00 and 10:00 and visits `stopsPerRun` random
/// customers. A leg drives the free-flow route at the true profile's speeds of its departure slice, times
/// `1 + travelNoise × N(0, 1)`; service takes the true time times `1 + serviceNoise × N(0, 1)` (both at least
/// 30 %). Planned arrivals assume free flow.
public struct HistorySettings: Sendable {
    public var firstDay: CivilDate
    public var days: Int
    public var vehicles: Int
    public var stopsPerRun: Int
    public var customers: Int
    public var seed: UInt64
    public var travelNoise: Double
    public var serviceNoise: Double

    public init(
        firstDay: CivilDate, days: Int = 20, vehicles: Int = 8, stopsPerRun: Int = 25, customers: Int = 200, seed: UInt64 = 1,
        travelNoise: Double = 0.1, serviceNoise: Double = 0.2
    ) {
        self.firstDay = firstDay
        self.days = days
        self.vehicles = vehicles
        self.stopsPerRun = stopsPerRun
        self.customers = customers
        self.seed = seed
        self.travelNoise = travelNoise
        self.serviceNoise = serviceNoise
    }
}

extension RoadQueries {
    /// The stop log of `settings.days` consecutive days under `truth`.
    ///
    /// - Throws: ``LastMileError`` (routing data) when the random customers cannot be snapped.
    public func generateHistory(truth: TrafficProfile, settings: HistorySettings) throws(LastMileError) -> StopLog {
        var random = SplitMix64(seed: settings.seed)
        func normal() -> Double {
            let u = Double.random(in: Double.ulpOfOne..<1, using: &random), v = Double.random(in: 0..<1, using: &random)
            return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
        }
        let primaries = (0..<graph.nodeCount).filter { !graph.isTurnCopy(NodeIndex($0)) }
        var points = PointsFile()
        for index in 0...settings.customers {
            points.ids.append(index == 0 ? "depot" : "C\(index)")
            points.names.append(points.ids[index])
            points.coordinates.append(graph.nodeCoordinate[primaries[Int(random.next() % UInt64(primaries.count))]])
        }
        let located = try snapEvery(points, maxDistance: 50)
        let serviceTruth = (0...settings.customers).map { _ in 60 + Int(random.next() % 541) }

        let router = LegRouter(graph: graph)
        var stops: [StopLog.Stop] = []
        for dayOffset in 0..<settings.days {
            let day = CivilDate(daysSinceEpoch: settings.firstDay.daysSinceEpoch + dayOffset)
            for vehicle in 1...settings.vehicles {
                var clock = 7 * 3600 + Int(random.next() % (3 * 3600))
                stops.append(StopLog.Stop(day: day, vehicle: "V\(vehicle)", customer: nil, coordinate: located[0].coordinate,
                                          plannedArrival: clock, actualArrival: clock, actualDeparture: clock))
                var here = 0
                for _ in 0..<settings.stopsPerRun {
                    let customer = 1 + Int(random.next() % UInt64(settings.customers))
                    guard let road = router.roads(from: located[here], to: located[customer]) else { continue }
                    let freeFlow = road.seconds(under: .uniform(1000), on: day.weekday, departingAt: clock)
                    let travel = road.seconds(under: truth, on: day.weekday, departingAt: clock) * max(0.3, 1 + settings.travelNoise * normal())
                    let arrival = clock + Int(travel.rounded())
                    let departure = arrival + Int((Double(serviceTruth[customer]) * max(0.3, 1 + settings.serviceNoise * normal())).rounded())
                    stops.append(StopLog.Stop(
                        day: day, vehicle: "V\(vehicle)", customer: points.ids[customer], coordinate: located[customer].coordinate,
                        plannedArrival: clock + Int(freeFlow.rounded()), actualArrival: arrival, actualDeparture: departure
                    ))
                    (clock, here) = (departure, customer)
                }
            }
        }
        return StopLog(stops: stops)
    }
}
