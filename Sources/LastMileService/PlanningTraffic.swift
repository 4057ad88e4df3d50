import LastMileCore
import LastMileDispatch
import LastMileGraph
import LastMileModel
import LastMileRouting

/// The traffic a day is planned in (``PlanningSettings/traffic``): which profile, and the day's closures and
/// weather. With any of them the planner drives every leg at its departure time (time-dependent travel from
/// the vehicles' earliest shift start to their latest shift end, 15-minute slices); with none it plans on
/// static free-flow times.
public struct PlanningTraffic: Sendable {
    /// Where the traffic profile comes from.
    public enum Profile: Sendable {
        /// The database's stored profile (`lastmile load traffic FILE`), or none when nothing is stored.
        case stored
        /// No profile: free flow (static unless closures or weather are given) — the traffic-blind plan.
        case none
        /// This profile (a file, or ``ShippedTrafficProfile``).
        case given(TrafficProfile)
    }

    public var profile: Profile
    public var closures: [RoadClosure]
    public var weather: [WeatherEvent]

    public init(profile: Profile = .stored, closures: [RoadClosure] = [], weather: [WeatherEvent] = []) {
        self.profile = profile
        self.closures = closures
        self.weather = weather
    }

    /// The stored profile when there is one, the traffic-blind plan when no profile, closure or weather applies.
    public static let stored = PlanningTraffic()
    /// Static free-flow travel times, whatever the database stores.
    public static let blind = PlanningTraffic(profile: .none)

    /// Reads the files a user named: `trafficFile` is a profile file, `default` (the shipped profile), `none`
    /// (free flow) or `nil` (the stored profile).
    ///
    /// - Throws: ``LastMileError`` (bad input) with the file, line or feature, and field.
    public static func load(trafficFile: String?, closuresFile: String?, weatherFile: String?) throws(LastMileError) -> PlanningTraffic {
        let profile: Profile = switch trafficFile {
        case nil: .stored
        case "none": .none
        case let file?: .given(try RoadConditions.readProfile(file))
        }
        let closures = try closuresFile.map { path throws(LastMileError) in try reportingErrors { try RoadClosure.read(path) } } ?? []
        let weather = try weatherFile.map { path throws(LastMileError) in try reportingErrors { try WeatherEvent.read(path) } } ?? []
        return PlanningTraffic(profile: profile, closures: closures, weather: weather)
    }

    /// The day's traffic for the planner, with the stored profile resolved; `nil` for static free flow.
    func dayTraffic(stored: TrafficProfile?) -> ConditionsTraffic? {
        let chosen: TrafficProfile? = switch profile {
        case .stored: stored
        case .none: nil
        case .given(let given): given
        }
        guard chosen != nil || !closures.isEmpty || !weather.isEmpty else { return nil }
        return ConditionsTraffic(profile: chosen ?? .uniform(1000, name: "free flow"), closures: closures, weather: weather)
    }
}

/// A profile, closures and weather as the planner's ``DayTraffic``: the day's slice matrices by ``DayMatrices``.
struct ConditionsTraffic: DayTraffic {
    let profile: TrafficProfile
    let closures: [RoadClosure]
    let weather: [WeatherEvent]

    func travel(on graph: RoadGraph, date: String, between positions: [RoadPosition?], minutes: Range<Int>) throws -> TimeDependentTravel {
        guard let day = CivilDate(parsing: date) else {
            throw LastMileError(.badInput, "the day '\(date)' is not a date YYYY-MM-DD", hint: "store orders with dates like 2026-12-01")
        }
        let conditions = RoadConditions(date: day, profile: profile, closures: closures, weather: weather)
        return DayMatrices(graph: graph, positions: positions, conditions: conditions, from: minutes.lowerBound, to: minutes.upperBound).travel
    }
}
