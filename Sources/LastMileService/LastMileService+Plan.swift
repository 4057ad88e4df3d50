import Foundation
import LastMileCore
import LastMileDispatch
import LastMileDomain
import LastMileGraph
import LastMileSolver
import LastMileStore

/// What planning a date produced.
public struct PlanningOutcome: Sendable {
    public var plan: DayPlan
    public var version: PlanVersion
    public var day: DispatchDay
    /// The KPI summary, for the terminal and the pages.
    public var kpis: PlanKPIs
    /// The files written, relative to the output folder.
    public var files: [String]
}

/// The solver settings of a plan: seed, a time limit or an iteration count, and search chains.
public struct PlanningSettings: Sendable {
    public var seed: UInt64
    /// Wall-clock budget in seconds (setup included); ignored when `iterations` is set.
    public var timeLimit: Double
    /// A fixed number of iterations per chain: the same seed then gives the same plan on any machine.
    public var iterations: Int?
    /// Independent search chains, one per core.
    public var threads: Int

    public init(seed: UInt64, timeLimit: Double, iterations: Int? = nil, threads: Int) {
        self.seed = seed
        self.timeLimit = timeLimit
        self.iterations = iterations
        self.threads = threads
    }

    /// The solver's configuration, checked.
    ///
    /// - Throws: ``LastMileError`` (usage) naming the option that is out of range.
    public func solverConfiguration() throws(LastMileError) -> SolverConfiguration {
        guard timeLimit > 0 else { throw LastMileError(.usage, "--time-limit must be positive", hint: "give seconds, e.g. --time-limit 10") }
        guard threads >= 1 else { throw LastMileError(.usage, "--threads must be at least 1") }
        if let iterations, iterations < 1 { throw LastMileError(.usage, "--iterations must be at least 1") }
        var configuration = SolverConfiguration(seed: seed, iterations: iterations, timeLimit: iterations == nil ? timeLimit : nil)
        configuration.threads = threads
        return configuration
    }
}

extension LastMileService {
    /// Plans `date` from the database on `roads`: snaps, builds the matrices, solves, checks independently,
    /// stores the plan as the date's next version and writes every output into `output` (replacing the
    /// previous outputs). Progress arrives as events.
    ///
    /// - Throws: ``LastMileError``: bad input when the date has no orders or the database no vehicles;
    ///   routing data when a depot is off the roads; conflict when the stock changed under the plan.
    public func planDay(
        date: String, roads: RoadNetworks, output: String, settings: PlanningSettings,
        events: @escaping @Sendable (ServiceEvent) -> Void = { _ in }
    ) throws(LastMileError) -> PlanningOutcome {
        let configuration = try settings.solverConfiguration()
        let day = try reportingErrors { try store.day(date) }
        guard !day.orders.isEmpty else {
            throw LastMileError(.badInput, "no orders for \(date) in the database", at: ErrorLocation(file: store.path),
                                hint: "load orders with that date first (lastmile load orders FILE)")
        }
        guard !day.vehicles.isEmpty else {
            throw LastMileError(.badInput, "no vehicles in the database", at: ErrorLocation(file: store.path),
                                hint: "load vehicle types, carriers and the fleet first")
        }
        events(.dayLoaded(date: date, orders: day.orders.count, depots: day.depots.count, vehicles: day.vehicles.count))
        let clock = ContinuousClock()
        var started = clock.now
        let planner = try reportingErrors { try DayPlanner(graph: roads.car, bikeGraph: roads.bike) }
        events(.roadsReady(carNodes: roads.car.nodeCount, bikeNodes: roads.bike?.nodeCount, seconds: (clock.now - started).inSeconds))
        started = clock.now
        let plan = try reportingErrors {
            try planner.plan(day, configuration: configuration) { step in
                switch step {
                case .matrix(let locations, let seconds): events(.matrix(locations: locations, seconds: seconds))
                case .solving(let progress, let scale):
                    events(.solving(seconds: progress.seconds, cost: Double(progress.bestCost) / Double(scale), unassigned: progress.unassigned))
                case .stockRepair(let round, let overdrawn): events(.stockRepair(round: round, overdrawn: overdrawn))
                }
            }
        }
        events(.planned(runs: plan.runs.count, unassigned: plan.unassigned.count, checked: plan.checked, seconds: (clock.now - started).inSeconds))
        let version = try reportingErrors { try store.commit(plan) }
        events(.stored(date: date, version: version.version))
        let files = try writeOutputs(plan: plan, day: day, version: version, roads: roads, output: output)
        events(.outputsWritten(files: files.count, folder: output))
        return PlanningOutcome(plan: plan, version: version, day: day, kpis: PlanKPIs(plan: plan, day: day), files: files)
    }

    /// Writes the outputs of `plan` into `output`, replacing what an earlier plan wrote there.
    private func writeOutputs(plan: DayPlan, day: DispatchDay, version: PlanVersion, roads: RoadNetworks, output: String)
        throws(LastMileError) -> [String]
    {
        let folder = URL(fileURLWithPath: output)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return try PlanOutputs.write(plan: plan, day: day, graph: roads.car, version: version.version, to: folder)
        } catch {
            throw LastMileError(.badInput, "cannot write the outputs: \(error.localizedDescription)", at: ErrorLocation(file: output),
                                hint: "give --output a folder you may write to")
        }
    }
}
