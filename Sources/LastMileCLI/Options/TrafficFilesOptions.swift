import ArgumentParser
import LastMileService

/// `--traffic`, `--closures`, `--weather`: the files that make a day's road conditions (`matrix`, `route`,
/// `plan`, `demo`).
struct TrafficFilesOptions: ParsableArguments {
    @Option(help: """
        Traffic profile, CSV or JSON (README: Traffic profiles), or 'default' for the shipped urban profile \
        (default: free flow; plan: the database's stored profile, 'none' for free flow).
        """)
    var traffic: String?

    @Option(help: "Closures of roads and areas, GeoJSON (needs a date YYYY-MM-DD).")
    var closures: String?

    @Option(help: "Weather events, GeoJSON (README: Weather; needs a date YYYY-MM-DD).")
    var weather: String?

    /// The options given, by name.
    var given: [String] {
        [("--traffic", traffic), ("--closures", closures), ("--weather", weather)].filter { $0.1 != nil }.map(\.0)
    }

    /// The traffic a day is planned in: these files, the stored profile when no --traffic is given.
    func planningTraffic() throws -> PlanningTraffic {
        try PlanningTraffic.load(trafficFile: traffic, closuresFile: closures, weatherFile: weather)
    }

    /// The conditions of `day` (a date or a weekday) with these files.
    func conditions(day: String) throws -> RoadConditions {
        try RoadConditions.load(day: day, trafficFile: traffic, closuresFile: closures, weatherFile: weather)
    }
}
