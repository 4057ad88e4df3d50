import ArgumentParser
import LastMileCore
import LastMileService

/// The solver and traffic options of `plan` and `demo`.
struct PlanningOptions: ParsableArguments {
    @Option(help: "Seed of the solver (and of the demo's orders); the same seed and --iterations give the same plan.")
    var seed: UInt64 = 1

    @Option(help: "Planning time in seconds, setup included.")
    var timeLimit: Double = 15

    @Option(help: "Stop after this many iterations per search chain instead of after --time-limit (repeatable plans).")
    var iterations: Int?

    @Option(help: "Search chains, one per core (default: all cores).")
    var threads: Int?

    @OptionGroup var traffic: TrafficFilesOptions

    func validate() throws {
        do { _ = try settings.solverConfiguration() } catch {
            throw ValidationError((error.location?.field.map { "--\($0): " } ?? "") + error.message)
        }
    }

    /// The solver settings, with the traffic of the stored profile (the files are read by ``plannedSettings()``).
    var settings: PlanningSettings {
        PlanningSettings(seed: seed, timeLimit: timeLimit, iterations: iterations, threads: threads ?? ProcessorCount.active)
    }

    /// The settings with the traffic files read.
    func plannedSettings() throws -> PlanningSettings {
        var settings = settings
        settings.traffic = try traffic.planningTraffic()
        return settings
    }
}
