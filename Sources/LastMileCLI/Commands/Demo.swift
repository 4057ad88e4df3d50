import ArgumentParser
import Foundation
import LastMileCore
import LastMileGraph
import LastMileModel
import LastMileRouting
import LastMileSampleTown
import LastMileSolver

/// `lastmile demo`: the main job on the bundled sample town, end to end so far: import the roads, snap a day's
/// delivery addresses, build the travel matrix, plan the vans, check the plan and write the routes.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Plan a small delivery day on the bundled sample town (maps/sample-town.osm.pbf).",
        discussion: """
            Imports the town, places 80 deliveries at seeded random addresses with morning or afternoon windows, \
            computes their road travel-time matrix, plans 6 vans from the West Depot, checks the plan with the \
            independent checker and writes the graph and the routes as GeoJSON into --output.
            """
    )

    @Option(help: "The map to use.")
    var map: String = "maps/sample-town.osm.pbf"

    @Option(help: "Folder for the outputs.")
    var output: String = "lastmile-demo"

    @Option(help: "Seed of the addresses and of the solver.")
    var seed: UInt64 = 1

    @Option(help: "Planning time, seconds.")
    var timeLimit: Double = 3

    func run() async throws {
        guard FileManager.default.fileExists(atPath: map) else {
            throw ValidationError("\(map) not found: run `lastmile demo` from the repository root, or pass --map")
        }
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let clock = ContinuousClock()
        var started = clock.now
        let (built, report) = try RoadGraphBuilder.build(osmFile: URL(fileURLWithPath: map), profile: .car)
        let graph = built.withRoutingOrder(ContractionHierarchy.nestedDissectionOrder(of: built))
        let graphPath = (output as NSString).appendingPathComponent("sample-town.graph")
        try RoadGraphFile.write(graph, report: report, to: URL(fileURLWithPath: graphPath))
        print("1. roads of \(map)")
        print(GraphSummary(graph: graph, report: report).text)
        print("   built in \((clock.now - started).formattedSeconds) → \(graphPath)")

        // A day's deliveries: seeded addresses inside the grids, morning (8–12) or afternoon (12–16) windows.
        started = clock.now
        var random = SplitMix64(seed: seed)
        let depot = SampleTown.depotSites[0]
        var coordinates = [SampleTown.coordinate(east: depot.east, north: depot.north)]
        var names = [depot.name]
        for order in 1...80 {
            let east = Double(Int(random.next() % 4600)) - 2300, north = Double(Int(random.next() % 4600)) - 2300
            coordinates.append(SampleTown.coordinate(east: east, north: north))
            names.append("order \(order)")
        }
        let snapper = try Snapper(index: SnapIndex(graph: graph))
        let snapped = try snapper.snap(coordinates, names: names).map { try $0.get() }
        let engine = RoutingEngine(hierarchy: ContractionHierarchy(graph: graph), metric: RoadMetric(freeFlowOf: graph))
        let positions = snapped.map(RoadPosition.init)
        let matrix = engine.matrix(sources: positions, targets: positions)
        print("2. \(names.count - 1) deliveries snapped and a \(names.count)×\(names.count) road matrix in \((clock.now - started).formattedSeconds)")

        // The plan: times in seconds from midnight, costs in metres driven.
        started = clock.now
        let n = positions.count
        var time = [Int64](repeating: 0, count: n * n), cost = [Int64](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n {
                guard let entry = matrix[i, j] else {
                    throw ValidationError("\(names[j]) cannot be reached from \(names[i]) on the sample town's roads")
                }
                time[i * n + j] = Int64((entry.time + 999) / 1000)
                cost[i * n + j] = Int64(entry.length / 1000)
            }
        }
        let jobs = (1..<n).map { index in
            let morning = random.next() % 2 == 0
            let window = morning ? TimeWindow(earliest: 8 * 3600, latest: 12 * 3600) : TimeWindow(earliest: 12 * 3600, latest: 16 * 3600)
            return Job(id: names[index], location: index, demand: [1 + Int64(random.next() % 3)], service: 180, windows: [window])
        }
        let vans = (1...6).map {
            Vehicle(id: "van \($0)", startLocation: 0, endLocation: 0, capacity: [40],
                    shift: TimeWindow(earliest: 7 * 3600 + 1800, latest: 17 * 3600), fixedCost: 20_000)
        }
        let problem = VRPProblem(name: "sample-town day", locationCount: n, travelTime: time, travelCost: cost, jobs: jobs,
                                 vehicles: vans, dimensions: 1)
        var configuration = SolverConfiguration(seed: seed, timeLimit: timeLimit)
        configuration.threads = ProcessorCount.active
        let result = Solver.solve(problem, configuration: configuration)
        let check = PlanChecker.check(result.solution, for: problem)
        print("3. planned in \((clock.now - started).formattedSeconds): \(check.usedVehicles) vans, "
            + "\(String(format: "%.1f", Double(check.travelCost) / 1000)) km, \(result.solution.unassigned.count) unassigned; "
            + (check.isFeasible ? "independent check passed" : "CHECK FAILED: \(check.violations.joined(separator: "; "))"))
        var features: [String] = []
        for (v, route) in result.solution.routes.enumerated() where !route.isEmpty {
            let stops = [positions[0]] + route.map { positions[problem.jobs[$0].location] } + [positions[0]]
            guard let drive = engine.route(through: stops) else { continue }
            let minutes = Int(drive.cost.time / 60_000)
            print("   \(vans[v].id): \(route.count) stops, \(String(format: "%.1f", Double(drive.cost.length) / 1e6)) km, \(minutes) min driving")
            let line = drive.geometry.map { "[\(formatDegrees($0.longitudeE7)),\(formatDegrees($0.latitudeE7))]" }.joined(separator: ",")
            features.append("{\"type\":\"Feature\",\"properties\":{\"vehicle\":\"\(vans[v].id)\",\"stops\":\(route.count)},"
                + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[\(line)]}}")
        }
        let routesPath = (output as NSString).appendingPathComponent("routes.geojson")
        try ("{\"type\":\"FeatureCollection\",\"features\":[" + features.joined(separator: ",\n") + "]}\n")
            .write(toFile: routesPath, atomically: true, encoding: .utf8)
        print("   routes along the roads → \(routesPath)")
        guard check.isFeasible else { throw ExitCode(1) }
    }
}
