import ArgumentParser
import LastMileGraph
import LastMileService

/// `--depart`, `--date` and the traffic files of `matrix` and `route`: the 15-minute traffic slice a query is
/// answered in.
struct RoadConditionsOptions: ParsableArguments {
    @Option(help: "Departure time HH:MM: answer with the traffic of its 15-minute slice (default: free flow).")
    var depart: String?

    @Option(help: "The day: YYYY-MM-DD, or a weekday mon … sun (needs --depart).")
    var date: String?

    @OptionGroup var files: TrafficFilesOptions

    func validate() throws {
        let options = (date == nil ? [] : ["--date"]) + files.given
        if depart == nil, let first = options.first {
            throw ValidationError("\(first) needs --depart HH:MM")
        }
        if let depart {
            guard LocalMinute.minuteOfDay(depart) != nil else { throw ValidationError("--depart '\(depart)' is not a time: write HH:MM, e.g. 08:15") }
            guard date != nil else { throw ValidationError("--depart needs --date YYYY-MM-DD or a weekday (mon … sun)") }
        }
    }

    /// The departure, or `nil` for free flow.
    func departure() throws -> Departure? {
        guard let depart, let date, let minute = LocalMinute.minuteOfDay(depart) else { return nil }
        return Departure(conditions: try files.conditions(day: date), minuteOfDay: minute)
    }
}
