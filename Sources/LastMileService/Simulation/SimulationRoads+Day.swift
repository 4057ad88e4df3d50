import LastMileCore
import LastMileDomain
import LastMileGraph
import LastMileModel

extension SimulationRoads {
    /// The true roads of `day` on `roads` under `conditions`: its depots and order addresses (and `extraPlaces`)
    /// snapped to the car network, with time-dependent matrices over the slices of `minutes` (minutes since
    /// midnight). With `bikes` and a bicycle network that places every point, cargo bikes get its matrices,
    /// free of car traffic but with the closures and weather; otherwise they ride the car roads as planned.
    /// Points more than ``Snapper/defaultMaxDistance`` m from every road are left out (a plan never visits them).
    ///
    /// - Throws: ``LastMileError`` (routing data) when no point of the day lies near a road.
    public static func of(
        day: DispatchDay, extraPlaces: [Coordinate] = [], roads: RoadNetworks, conditions: RoadConditions, minutes: Range<Int>, bikes: Bool
    ) throws(LastMileError) -> SimulationRoads {
        var seen = Set<Coordinate>()
        let coordinates = (day.depots.map(\.coordinate) + day.orders.map(\.coordinate) + extraPlaces).filter { seen.insert($0).inserted }
        let carQueries = try RoadQueries(graph: roads.car)
        let car = try snapped(coordinates, with: carQueries)
        let places = car.compactMap { $0?.coordinate }
        guard !places.isEmpty else {
            throw LastMileError(.routingData, "no depot or order of \(day.date) lies near a road of the map", hint: "simulate on the map the plan was made on")
        }
        let carPoints = car.compactMap { $0?.point }
        let carTravel = carQueries.dayMatrices(carPoints, conditions: conditions, from: minutes.lowerBound, to: minutes.upperBound).travel
        var bikeTravel: TimeDependentTravel?
        if bikes, let bikeGraph = roads.bike {
            let bikeQueries = try RoadQueries(graph: bikeGraph)
            let bike = try snapped(places, with: bikeQueries)
            if bike.allSatisfy({ $0 != nil }) {
                let free = RoadConditions(date: conditions.date, profile: .uniform(1000, name: "free flow"), closures: conditions.closures,
                                          weather: conditions.weather)
                bikeTravel = bikeQueries.dayMatrices(bike.compactMap { $0?.point }, conditions: free, from: minutes.lowerBound, to: minutes.upperBound).travel
            }
        }
        return SimulationRoads(places: places, car: carTravel, bike: bikeTravel, weather: conditions.weather, midnight: conditions.date.firstMinute)
    }

    /// Each coordinate on its nearest road, `nil` when none is near.
    private static func snapped(_ coordinates: [Coordinate], with queries: RoadQueries) throws(LastMileError) -> [(coordinate: Coordinate, point: SnappedPoint)?] {
        try reportingErrors {
            let snapper = try Snapper(index: queries.index)
            let results = try snapper.snap(coordinates, names: coordinates.map(\.description))
            return zip(coordinates, results).map { coordinate, result in (try? result.get()).map { (coordinate, $0) } }
        }
    }
}
