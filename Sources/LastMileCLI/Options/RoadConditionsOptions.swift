import ArgumentParser
import LastMileGraph
import LastMileService

/// `--depart`, `--date`, `--traffic`, `--closures`, `--weather` of `matrix` and `route`: the 15-minute traffic
/// slice a query is answered in.
struct RoadConditionsOptions: ParsableArguments {
    @Option(help: "Departure time HH:MM: answer with the traffic of its 15-minute slice (default: free flow).")
    var depart: String?

    @Option(help: "The day: YYYY-MM-DD, or a weekday mon … sun (needs --depart).")
    var date: String?

    @Option(help: "Traffic profile, CSV or JSON (README: Traffic profiles; needs --depart; default: free flow).")
    var traffic: String?

    @Option(help: "Closures of roads and areas, GeoJSON (needs --depart and --date YYYY-MM-DD).")
    var closures: String?

    @Option(help: "Weather events, GeoJSON (README: Weather; needs --depart and --date YYYY-MM-DD).")
    var weather: String?

    func validate() throws {
        if depart == nil, let option = [("--date", date), ("--traffic", traffic), ("--closures", closures), ("--weather", weather)].first(where: { $0.1 != nil })?.0 {
            throw ValidationError("\(option) needs --depart HH:MM")
        }
        if let depart {
            guard LocalMinute.minuteOfDay(depart) != nil else { throw ValidationError("--depart '\(depart)' is not a time: write HH:MM, e.g. 08:15") }
            guard date != nil else { throw ValidationError("--depart needs --date YYYY-MM-DD or a weekday (mon … sun)") }
        }
    }

    /// The departure, or `nil` for free flow.
    func departure() throws -> Departure? {
        guard let depart, let date, let minute = LocalMinute.minuteOfDay(depart) else { return nil }
        return Departure(conditions: try RoadConditions.load(day: date, trafficFile: traffic, closuresFile: closures, weatherFile: weather), minuteOfDay: minute)
    }
}
