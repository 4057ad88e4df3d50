import ArgumentParser
import Foundation
import LastMileCore
import LastMileDispatch
import LastMileGraph
import LastMileRouting
import LastMileSolver
import LastMileStore

/// The steps `plan` and `demo` share: load the roads, plan a stored day with progress on the terminal,
/// commit the plan version, write the outputs, print the KPIs.
enum DayPlanning {
    /// The road graphs of `map`: from an OSM file the car graph and the bicycle graph (for cargo bikes); from
    /// a `.graph` file of `lastmile import` its one graph (bikes then ride it at a share of car speed).
    static func loadGraphs(_ map: String) throws -> (car: RoadGraph, bike: RoadGraph?) {
        guard FileManager.default.fileExists(atPath: map) else {
            throw ValidationError("map \(map) not found; give --map with an .osm.pbf, .osm or .graph file")
        }
        let url = URL(fileURLWithPath: map)
        if map.hasSuffix(".graph") { return (try RoadGraphFile.read(url).graph, nil) }
        func build(_ profile: VehicleProfile) throws -> RoadGraph {
            let built = try RoadGraphBuilder.build(osmFile: url, profile: profile).graph
            return built.withRoutingOrder(ContractionHierarchy.nestedDissectionOrder(of: built))
        }
        return (try build(.car), try build(.bicycle))
    }

    /// The solver settings of `plan` and `demo`, checked: stop after `iterations` per search chain and/or after
    /// `timeLimit` seconds; after `defaultTimeLimit` seconds when neither is given.
    static func configuration(seed: UInt64, timeLimit: Double?, iterations: Int?, defaultTimeLimit: Double, threads: Int) throws -> SolverConfiguration {
        if let timeLimit, !(timeLimit > 0) { throw ValidationError("--time-limit must be positive") }
        if let iterations, iterations < 1 { throw ValidationError("--iterations must be positive") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        var configuration = SolverConfiguration(
            seed: seed, iterations: iterations, timeLimit: timeLimit ?? (iterations == nil ? defaultTimeLimit : nil)
        )
        configuration.threads = threads
        return configuration
    }

    /// Plans `date` from `store` on `graph`, commits the version and writes the outputs into `output`.
    static func planDay(
        store: Store, date: String, graphs: (car: RoadGraph, bike: RoadGraph?), output: String, configuration: SolverConfiguration
    ) throws -> (plan: DayPlan, version: PlanVersion, day: DispatchDay) {
        let clock = ContinuousClock()
        var started = clock.now
        let day = try store.day(date)
        guard !day.orders.isEmpty else { throw ValidationError("no orders for \(date) in the database; load orders with that date first") }
        guard !day.vehicles.isEmpty else { throw ValidationError("no vehicles in the database; load vehicle types, carriers and the fleet first") }
        Terminal.print("   \(day.orders.count) orders, \(day.depots.count) depots, \(day.vehicles.count) vehicles for \(date)")
        let planner = try DayPlanner(graph: graphs.car, bikeGraph: graphs.bike)
        Terminal.print("   road networks ready (cars: \(graphs.car.nodeCount) nodes"
            + (graphs.bike.map { ", bikes: \($0.nodeCount) nodes" } ?? ", bikes on the car roads") + ") in \((clock.now - started).formattedSeconds)")
        started = clock.now
        let plan = try planner.plan(day, configuration: configuration) { step in
            switch step {
            case .matrix(let locations, let seconds):
                Terminal.print(String(format: "   %d×%d road matrix in %.2f s", locations, locations, seconds))
            case .solving(let progress, let scale):
                // A progress line rewritten in place, on terminals only.
                guard isatty(STDOUT_FILENO) != 0 else { return }
                let cost = Double(progress.bestCost) / Double(scale)
                Terminal.write(String(format: "\r   solving %5.1f s: best cost %.2f, %d unassigned   ", progress.seconds, cost, progress.unassigned))
            case .stockRepair(let round, let overdrawn):
                Terminal.print("   \(overdrawn) orders overdraw a depot's stock: planning again without those depots (round \(round))")
            }
        }
        if isatty(STDOUT_FILENO) != 0 { Terminal.write("\r") }
        Terminal.print("   planned in \((clock.now - started).formattedSeconds): \(plan.runs.count) runs, "
            + "\(plan.unassigned.count) unassigned; independent check \(plan.checked ? "passed" : "FAILED")")
        for (vehicle, reason) in plan.unusableVehicles { Terminal.print("   vehicle \(vehicle) not used: \(reason)") }
        for (order, reason) in plan.unassigned.prefix(5) { Terminal.print("   order \(order) unassigned: \(reason)") }
        if plan.unassigned.count > 5 { Terminal.print("   … \(plan.unassigned.count - 5) more in unassigned.csv") }
        let version = try store.commit(plan)
        Terminal.print("   stored as version \(version.version) of \(date)")
        let folder = URL(fileURLWithPath: output)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let files = try PlanOutputs.write(plan: plan, day: day, graph: graphs.car, to: folder)
        Terminal.print("   wrote \(files.count) files into \(output)/")
        let kpis = PlanKPIs(plan: plan, day: day)
        let width = kpis.lines.map(\.label.count).max() ?? 0
        for line in kpis.lines { Terminal.print("   " + line.label.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + line.value) }
        return (plan, version, day)
    }
}
