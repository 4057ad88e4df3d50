import LastMileCore
import LastMileGeo

/// What weather does to travel and service, per ``WeatherEvent/Kind``: speed multipliers per road group and
/// travel mode, service-time multipliers, and whether cargo bikes go out. All in per mille.
///
/// Defaults (``standard``; speed × multiplier, so 0.8 = 25 % more travel time):
///
/// | kind | car arterial | car collector | car local | bicycle | service time | cargo bikes |
/// |---|---|---|---|---|---|---|
/// | rain | 0.90 | 0.92 | 0.95 | 0.85 | 1.00 | yes |
/// | heavy_rain | 0.75 | 0.80 | 0.85 | 0.60 | 1.15 | yes |
/// | snow | 0.60 | 0.60 | 0.65 | 0.50 | 1.30 | yes |
/// | ice | 0.50 | 0.50 | 0.50 | closed | 1.25 | no |
/// | fog | 0.80 | 0.85 | 0.90 | 0.90 | 1.00 | yes |
/// | heat | 1.00 | 1.00 | 1.00 | 0.90 | 1.10 | yes |
///
/// Assumptions: wet roads cut free-flow speeds by about 10 % and heavy rain by 20–25 % (highway-capacity
/// studies); slower, more local streets lose less; cyclists slow down more than drivers and do not ride on ice;
/// couriers take longer at the door in heavy rain and snow (parking, wrapping parcels). Road groups as in
/// ``TrafficProfileReader/roadGroups``; ferries are not affected.
public struct WeatherPenalties: Sendable, Hashable {
    /// How a vehicle moves on the graph (from the graph's vehicle profile).
    public enum Mode: Sendable, Hashable {
        case car, bicycle

        /// `bicycle` for graphs of the bicycle profile, `car` for every other.
        public init(profileName: String) { self = profileName == "bicycle" ? .bicycle : .car }
    }

    /// The effects of one kind of weather.
    public struct Penalty: Sendable, Hashable {
        /// Car speed multipliers ‰ on arterial, collector and local roads.
        public var carArterial: Int, carCollector: Int, carLocal: Int
        /// Bicycle speed multiplier ‰ on every road; `nil` when bicycles do not ride (the roads are closed to them).
        public var bicycle: Int?
        /// Service-time multiplier ‰.
        public var serviceTime: Int
        /// Whether cargo bikes are dispatched.
        public var cargoBikes: Bool
    }

    public var penalties: [WeatherEvent.Kind: Penalty]

    public init(penalties: [WeatherEvent.Kind: Penalty]) { self.penalties = penalties }

    /// The documented defaults (table above).
    public static let standard = WeatherPenalties(penalties: [
        .rain: Penalty(carArterial: 900, carCollector: 920, carLocal: 950, bicycle: 850, serviceTime: 1000, cargoBikes: true),
        .heavyRain: Penalty(carArterial: 750, carCollector: 800, carLocal: 850, bicycle: 600, serviceTime: 1150, cargoBikes: true),
        .snow: Penalty(carArterial: 600, carCollector: 600, carLocal: 650, bicycle: 500, serviceTime: 1300, cargoBikes: true),
        .ice: Penalty(carArterial: 500, carCollector: 500, carLocal: 500, bicycle: nil, serviceTime: 1250, cargoBikes: false),
        .fog: Penalty(carArterial: 800, carCollector: 850, carLocal: 900, bicycle: 900, serviceTime: 1000, cargoBikes: true),
        .heat: Penalty(carArterial: 1000, carCollector: 1000, carLocal: 1000, bicycle: 900, serviceTime: 1100, cargoBikes: true),
    ])

    /// The speed multiplier ‰ of `kind` for `mode` on `roadClass`; `nil` when the road is closed to the mode.
    public func speedMultiplier(_ kind: WeatherEvent.Kind, mode: Mode, on roadClass: RoadClass) -> Int? {
        guard let penalty = penalties[kind], roadClass != .ferry else { return 1000 }
        if mode == .bicycle { return penalty.bicycle }
        let groups = TrafficProfileReader.roadGroups
        if groups["arterial"]!.contains(roadClass) { return penalty.carArterial }
        if groups["collector"]!.contains(roadClass) { return penalty.carCollector }
        return penalty.carLocal
    }

    /// The service-time multiplier ‰ at `point` at `moment`: the largest of the events there, 1000 without any.
    public func serviceTimeMultiplier(at point: Coordinate, at moment: LocalMinute, events: [WeatherEvent]) -> Int {
        events.filter { $0.span.contains(moment) && $0.area.contains(point) }.map { penalties[$0.kind]?.serviceTime ?? 1000 }.max() ?? 1000
    }

    /// Whether cargo bikes may be dispatched for a shift over `span`: no event that grounds them (ice)
    /// overlaps it anywhere on the map.
    public func dispatchesCargoBikes(during span: Range<LocalMinute>, events: [WeatherEvent]) -> Bool {
        !events.contains { $0.span.overlaps(span) && penalties[$0.kind]?.cargoBikes == false }
    }
}
