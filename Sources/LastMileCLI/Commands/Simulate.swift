import ArgumentParser
import LastMileLive
import LastMileService

/// `lastmile simulate --date D`: execute the stored plan of a day in simulated time under the true traffic and
/// weather, optionally with noise and a disturbed day.
struct Simulate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Execute a day's stored plan in simulated time under true traffic and weather, and report what happened.",
        discussion: """
            Every vehicle leaves when the plan says and drives each leg at the time-dependent travel time of the true \
            conditions (--traffic, --closures, --weather; `--traffic default` is the shipped urban profile), with \
            seeded noise on travel and service times (--noise). Prints \
            per vehicle: stops served, late stops, lateness, km, drive / service / wait / break and paid hours, \
            overtime. With --disturbances, one seeded day of delays, breakdowns, absent customers and new orders is \
            simulated twice and compared: with the plan's sequences kept (static: orders off a broken-down vehicle \
            and new orders stay unserved) and with the live loop re-planning at each disturbance (rerouting, the \
            re-optimiser of `lastmile events apply` on the true travel times of the moment, without its wall-time \
            cap so that the seed repeats the day).
            """
    )

    @Option(help: "The day of the plan, YYYY-MM-DD.")
    var date: String

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Road map the plan was made on: .osm.pbf, .osm or a .graph file (default: the sample town).")
    var map: String?

    @OptionGroup var files: TrafficFilesOptions

    @Option(help: "Noise on travel and service times: the standard deviation of a log-normal factor with mean 1, e.g. 0.1.")
    var noise: Double = 0

    @Option(help: "Seed of the noise and the disturbances.")
    var seed: UInt64 = 1

    @Flag(help: "Simulate a disturbed day: delays, a breakdown, absent customers and new same-day orders.")
    var disturbances = false

    @Option(help: "With --disturbances: delays per run on average.")
    var delaysPerRun: Double = 1

    @Option(help: "With --disturbances: vehicles that break down.")
    var breakdowns: Int = 1

    @Option(help: "With --disturbances: share of customers absent at the first attempt, %.")
    var absentPercent: Int = 5

    @Option(help: "With --disturbances: new same-day orders, % of the planned stops.")
    var newOrderPercent: Int = 5

    @Option(help: "With --disturbances: solver iterations of the live loop's re-optimisation per disturbance.")
    var iterations: Int = LiveReoptimiser.Settings().iterations

    @Option(help: "Simulate these routes instead of the stored plan: CSV vehicle,departure,order,arrival (e.g. a peer solver's plan).")
    var routes: String?

    @Option(help: "Write the full report (every visit) as JSON to this file.")
    var output: String?

    func validate() throws {
        guard (0...1).contains(noise) else { throw ValidationError("--noise must lie between 0 and 1, e.g. 0.1") }
        guard iterations >= 1 else { throw ValidationError("--iterations must be at least 1") }
        guard delaysPerRun >= 0, breakdowns >= 0 else { throw ValidationError("--delays-per-run and --breakdowns cannot be negative") }
        guard (0...100).contains(absentPercent), (0...100).contains(newOrderPercent) else {
            throw ValidationError("--absent-percent and --new-order-percent are percentages, 0 … 100")
        }
    }

    func run() async throws {
        let service = try LastMileService.build(.init(databasePath: database.db, createsDatabase: false))
        let roads = try map.map(RoadNetworks.load(map:)) ?? RoadNetworks.sampleTown()
        let conditions = try files.conditions(day: date)
        let noise = SimulationNoise(level: noise, seed: seed)
        let reports: [SimulationReport]
        if disturbances {
            let generator = DisturbanceGenerator(delaysPerRun: delaysPerRun, breakdowns: breakdowns, absentPercent: absentPercent,
                                                 newOrderPercent: newOrderPercent)
            let reoptimiser = LiveReoptimiser(settings: .init(iterations: iterations, millisecondCap: nil, seed: seed))
            let day = try service.simulateDisturbed(date: date, roads: roads, conditions: conditions, noise: noise, generator: generator,
                                                    reoptimiser: reoptimiser, routesFile: routes)
            reports = day.reports
            for line in SimulationSummary.comparison(day, conditions: conditions) { Terminal.print(line) }
        } else {
            reports = [try service.simulate(date: date, roads: roads, conditions: conditions, noise: noise, routesFile: routes)]
            for line in SimulationSummary.lines(reports[0], conditions: conditions) { Terminal.print(line) }
        }
        if let output {
            try service.writeSimulation(reports, to: output)
            Terminal.print("report: \(output)")
        }
    }
}
