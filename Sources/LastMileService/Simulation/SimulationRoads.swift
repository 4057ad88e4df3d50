import LastMileCore
import LastMileDispatch
import LastMileDomain
import LastMileGraph
import LastMileModel

/// The "true" roads of a simulated day: the time-dependent travel times between the day's places (depots and
/// order addresses) under the real traffic and weather, for cars and (when the map has a bicycle network) for
/// cargo bikes, and the weather's effect on service times.
///
/// Places are numbered 0 ..< `places.count`; an address shared by several orders (or a depot) is one place.
/// Travel: seconds since the day's midnight, metres (``TimeDependentTravel``, FIFO).
public struct SimulationRoads: Sendable {
    /// Every place the simulation can visit, by place number.
    public let places: [Coordinate]
    /// Car travel between places under the conditions.
    public let car: TimeDependentTravel
    /// Bicycle travel between places (free of car traffic; closures and weather apply); `nil`: cargo bikes
    /// ride the car roads at ``DayPlanner/bikeShareOfCarSpeed``, as the planner assumes.
    public let bike: TimeDependentTravel?
    /// The weather events, for service times.
    public let weather: [WeatherEvent]
    /// The first minute of the simulated date (``LocalMinute`` of its midnight).
    public let midnight: LocalMinute
    private let placeOfCoordinate: [Coordinate: Int]

    /// Roads over `places` with travel tables whose location `k` is `places[k]`.
    public init(places: [Coordinate], car: TimeDependentTravel, bike: TimeDependentTravel?, weather: [WeatherEvent] = [], midnight: LocalMinute) {
        precondition(car.locationCount == places.count && (bike?.locationCount ?? places.count) == places.count,
                     "travel tables must cover exactly the places")
        self.places = places
        self.car = car
        self.bike = bike
        self.weather = weather
        self.midnight = midnight
        var index: [Coordinate: Int] = [:]
        for (place, coordinate) in places.enumerated() where index[coordinate] == nil { index[coordinate] = place }
        placeOfCoordinate = index
    }

    /// The place at `coordinate`, `nil` when it is none of the day's places.
    public func place(of coordinate: Coordinate) -> Int? { placeOfCoordinate[coordinate] }

    /// One leg: seconds and metres from `from` to `to` leaving at `departure` (s after midnight) for a vehicle
    /// of `mode` whose speed is `speedFactor` of its network's; `nil` when no road connects them.
    public func leg(from: Int, to: Int, departingAt departure: Int, mode: VehicleType.Mode, speedFactor: Double) -> (seconds: Int, metres: Int)? {
        let table = mode == .bike ? (bike ?? car) : car
        let factor = speedFactor * (mode == .bike && bike == nil ? DayPlanner.bikeShareOfCarSpeed : 1)
        guard let seconds = table.travelSeconds(from: from, to: to, departingAt: departure), let metres = table.meters(from: from, to: to) else {
            return nil
        }
        return (Int((Double(seconds) / factor).rounded()), metres)
    }

    /// The weather's service-time multiplier at `place` at `time` (s after midnight): 1 without weather there.
    public func serviceMultiplier(at place: Int, time: Int) -> Double {
        guard !weather.isEmpty else { return 1 }
        let moment = LocalMinute(midnight.value + time / 60)
        return Double(WeatherPenalties.standard.serviceTimeMultiplier(at: places[place], at: moment, events: weather)) / 1000
    }
}
