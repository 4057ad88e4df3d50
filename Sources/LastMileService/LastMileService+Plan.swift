import Foundation
import LastMileCore
import LastMileDispatch
import LastMileDomain
import LastMileGraph
import LastMileSolver
import LastMileStore

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
        let (plan, day) = try plan(date: date, roads: roads, settings: settings, events: events)
        let version = try commit(plan)
        events(.stored(date: date, version: version.version))
        let files = try writeOutputs(plan: plan, day: day, version: version, roads: roads, output: output)
        events(.outputsWritten(files: files.count, folder: output))
        return PlanningOutcome(plan: plan, version: version, day: day, kpis: PlanKPIs(plan: plan, day: day), files: files)
    }

    /// Plans `date` from the database on `roads` without storing anything: snaps, builds the matrices, solves
    /// and checks independently (`plan.checked`). The traffic is `settings.traffic` (by default the database's
    /// stored profile, see ``loadTrafficProfile(file:)``).
    ///
    /// - Throws: ``LastMileError``: bad input when the date has no orders or the database no vehicles;
    ///   routing data when a depot is off the roads.
    public func plan(
        date: String, roads: RoadNetworks, settings: PlanningSettings, events: @escaping @Sendable (ServiceEvent) -> Void = { _ in }
    ) throws(LastMileError) -> (plan: DayPlan, day: DispatchDay) {
        let day = try reportingErrors { try store.day(date) }
        return (try plan(day, roads: roads, settings: settings, events: events), day)
    }

    /// Plans `day` (from the database or changed, as a comparison does) on `roads` without storing anything.
    public func plan(
        _ day: DispatchDay, roads: RoadNetworks, settings: PlanningSettings, events: @escaping @Sendable (ServiceEvent) -> Void = { _ in }
    ) throws(LastMileError) -> DayPlan {
        let date = day.date
        let configuration = try settings.solverConfiguration()
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
        let traffic = settings.traffic.dayTraffic(stored: try storedTrafficProfile())
        let plan = try reportingErrors {
            try planner.plan(day, configuration: configuration, traffic: traffic) { step in
                switch step {
                case .matrix(let locations, let seconds): events(.matrix(locations: locations, seconds: seconds))
                case .solving(let progress, let scale):
                    events(.solving(seconds: progress.seconds, cost: Double(progress.bestCost) / Double(scale), unassigned: progress.unassigned))
                case .solved(let iterations, let seconds): events(.solved(iterations: iterations, seconds: seconds))
                case .stockRepair(let round, let overdrawn): events(.stockRepair(round: round, overdrawn: overdrawn))
                }
            }
        }
        events(.planned(runs: plan.runs.count, unassigned: plan.unassigned.count, checked: plan.checked, seconds: (clock.now - started).inSeconds))
        return plan
    }

    /// Stores `plan` as the next version of its date (the previous version is kept, marked replaced, and its
    /// stock released).
    ///
    /// - Throws: ``LastMileError``: check failed when the independent checker rejected the plan (nothing is
    ///   stored); conflict when its reservations would overdraw a depot's stock.
    public func commit(_ plan: DayPlan) throws(LastMileError) -> PlanVersion {
        guard plan.checked else {
            throw LastMileError(.checkFailed, "the independent checker rejected the plan of \(plan.date); it was not stored",
                                hint: "this is a solver bug: report it with the day's files and the seed \(plan.seed)")
        }
        return try reportingErrors { try store.commit(plan) }
    }

    /// Writes the outputs of `plan`, stored as `version`, into `output`, replacing what an earlier plan wrote there.
    public func writeOutputs(plan: DayPlan, day: DispatchDay, version: PlanVersion, roads: RoadNetworks, output: String)
        throws(LastMileError) -> [String]
    {
        let folder = URL(fileURLWithPath: output)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return try PlanOutputs.write(plan: plan, day: day, graph: roads.car, version: version.version, to: folder)
        } catch {
            throw LastMileError(.badInput, "cannot write the outputs: \(error.localizedDescription)", at: ErrorLocation(file: output),
                                hint: "give an output folder you may write to")
        }
    }
}
