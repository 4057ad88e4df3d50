import LastMileCore
import LastMileGraph
import LastMileRouting

/// The situation a road query is answered in: a day, its traffic profile, closures and weather (with the
/// standard ``WeatherPenalties``). Without conditions queries use free-flow speeds.
public struct RoadConditions: Sendable {
    public var date: CivilDate
    public var profile: TrafficProfile
    public var closures: [RoadClosure]
    public var weather: [WeatherEvent]

    public init(date: CivilDate, profile: TrafficProfile, closures: [RoadClosure] = [], weather: [WeatherEvent] = []) {
        self.date = date
        self.profile = profile
        self.closures = closures
        self.weather = weather
    }

    /// Reads the day and the files as the user named them.
    ///
    /// - Parameters:
    ///   - day: `YYYY-MM-DD`, or a weekday (`mon` … `sun`: a week with no closures, for profile-only queries).
    ///   - trafficFile: a profile (``TrafficProfileReader``), `default` for ``ShippedTrafficProfile``; `nil` for
    ///     free flow (factor 1 everywhere).
    ///   - closuresFile: closures (``RoadClosure/read(_:)``); needs a date, not a weekday.
    ///   - weatherFile: weather events (``WeatherEvent/read(_:)``); needs a date, not a weekday.
    /// - Throws: ``LastMileError`` (bad input) with the file, line or feature, and field.
    public static func load(
        day: String, trafficFile: String?, closuresFile: String?, weatherFile: String? = nil
    ) throws(LastMileError) -> RoadConditions {
        let date: CivilDate
        if let parsed = CivilDate(parsing: day) {
            date = parsed
        } else if let weekday = Weekday.allCases.first(where: { $0.abbreviation == day.lowercased() }) {
            // 2024-01-01 was a Monday.
            date = CivilDate(year: 2024, month: 1, day: 1 + weekday.rawValue)!
            if closuresFile != nil || weatherFile != nil {
                throw LastMileError(.usage, "closures and weather need a date, not a weekday ('\(day)')", hint: "write --date YYYY-MM-DD")
            }
        } else {
            throw LastMileError(.usage, "'\(day)' is neither a date nor a weekday", hint: "write --date YYYY-MM-DD or a weekday mon … sun")
        }
        let profile = try trafficFile.map(readProfile) ?? .uniform(1000, name: "free flow")
        let closures = try closuresFile.map { path throws(LastMileError) in
            try reportingErrors { try RoadClosure.read(path) }
        } ?? []
        let weather = try weatherFile.map { path throws(LastMileError) in
            try reportingErrors { try WeatherEvent.read(path) }
        } ?? []
        return RoadConditions(date: date, profile: profile, closures: closures, weather: weather)
    }

    /// The profile `trafficFile` names: a file, or ``ShippedTrafficProfile/keyword`` for the shipped one.
    ///
    /// - Throws: ``LastMileError`` (bad input) with the file, line and field.
    public static func readProfile(_ trafficFile: String) throws(LastMileError) -> TrafficProfile {
        if trafficFile == ShippedTrafficProfile.keyword { return ShippedTrafficProfile.profile }
        return try reportingErrors { try TrafficProfileReader.read(trafficFile) }
    }

    /// The traffic day on `graph`.
    func day(on graph: RoadGraph) -> TrafficDay {
        TrafficDay(graph: graph, date: date, profile: profile, closures: closures, weather: weather)
    }

    /// The slice containing `minuteOfDay` (0…1440; 24:00 belongs to the last slice).
    static func slice(ofMinute minuteOfDay: Int) -> Int { min(minuteOfDay / TrafficProfile.sliceMinutes, TrafficProfile.slicesPerDay - 1) }
}

/// A departure: conditions and the local time of day, minutes since midnight.
public struct Departure: Sendable {
    public var conditions: RoadConditions
    public var minuteOfDay: Int

    public init(conditions: RoadConditions, minuteOfDay: Int) {
        self.conditions = conditions
        self.minuteOfDay = minuteOfDay
    }

    /// The metric of the departure's slice on `graph`.
    func metric(on graph: RoadGraph) -> RoadMetric {
        conditions.day(on: graph).metric(slice: RoadConditions.slice(ofMinute: minuteOfDay))
    }
}
