import ArgumentParser
import Foundation
import LastMileCore
import LastMileModel
import LastMileSolver

/// `lastmile solve INSTANCE`: solves a benchmark instance and prints the routes.
struct Solve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Solve a vehicle routing instance (Solomon/Gehring–Homberger .txt, CVRPLIB .vrp, Cordeau MDVRP, VROOM .json).",
        discussion: """
            Prints VRPLIB solution lines (`Route #k: ids…`, route #k driven by vehicle k, `Cost X`, `Vehicles N`) \
            or, for VROOM input, VROOM's JSON solution; `lastmile check` reads both. Uses the benchmark \
            conventions of ../shared/peers/README.md: Euclidean distances; VRPTW scaled ×1000 with travel times \
            rounded up; CVRP rounded to the nearest integer. Unassigned jobs are listed with their reason.
            """
    )

    enum Objective: String, ExpressibleByArgument, CaseIterable {
        case hier, dist, hierarchical, cost
        var model: BenchmarkObjective { self == .hier || self == .hierarchical ? .hierarchical : .distance }
    }

    @Argument(help: "The instance file.")
    var instance: String

    @Option(help: "Stop after this many seconds.")
    var timeLimit: Double?

    @Option(help: "Stop after this many iterations (deterministic for a seed).")
    var iterations: Int?

    @Option(help: "Seed of the random stream.")
    var seed: UInt64 = 1

    @Option(help: "Parallel search chains (default: every core; the benchmarks use 1).")
    var threads: Int?

    @Option(help: "hier (fewest vehicles, then distance) or dist/cost (distance only, fleet as a bound).")
    var objective: Objective = .dist

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case vrplib, vroom
    }

    @Option(help: "Output format: vrplib (Route #k lines) or vroom (VROOM's JSON solution; the default for .json input).")
    var format: Format?

    @Option(name: [.short, .customLong("output")], help: "Write the solution here instead of standard output.")
    var output: String?

    @Flag(help: "Check the solution with the independent plan checker and fail if it is infeasible.")
    var check = false

    func validate() throws {
        if format == .vroom, !instance.hasSuffix(".json") {
            throw ValidationError("--format vroom needs a VROOM JSON instance (.json)")
        }
        if timeLimit == nil && iterations == nil { throw ValidationError("give --time-limit SECONDS or --iterations N") }
        if let timeLimit, !(timeLimit > 0) { throw ValidationError("--time-limit must be positive") }
        if let iterations, iterations < 0 { throw ValidationError("--iterations must not be negative") }
        guard chains >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    /// The search chains to run: `--threads`, or every core.
    private var chains: Int { threads ?? ProcessorCount.active }

    func run() async throws {
        let (problem, vroom) = try Self.loadInstance(instance, objective: objective.model)
        var configuration = SolverConfiguration(seed: seed, iterations: iterations, timeLimit: timeLimit)
        configuration.threads = chains
        let result = Solver.solve(problem, configuration: configuration)
        let report = PlanChecker.check(result.solution, for: problem)
        let text: String
        if let vroom, (format ?? .vroom) == .vroom {
            text = VroomFormat.write(result.solution, for: vroom)
        } else {
            text = vrplibText(result.solution, problem: problem, report: report)
        }
        if let output { try (text + "\n").write(toFile: output, atomically: true, encoding: .utf8) } else { print(text) }
        let perChain = chains > 1 ? " over \(chains) chains" + (iterations.map { " of \($0) each" } ?? "") : ""
        Terminal.error("\(result.iterations) iterations\(perChain) in \(FixedPoint.string(result.seconds, decimals: 2)) s, seed \(seed)")
        if check {
            guard report.isFeasible else {
                FileHandle.standardError.write(Data(("check failed:\n" + report.violations.joined(separator: "\n") + "\n").utf8))
                throw ExitCode(1)
            }
            FileHandle.standardError.write(Data("check passed: feasible, cost recomputed \(Self.decimal(report.travelCost, scale: problem.costScale))\n".utf8))
        }
    }

    /// VRPLIB solution lines, then the unassigned jobs with their reasons. Route `#k` is driven by vehicle `k`
    /// (PyVRP's convention, which `lastmile check` reads): interchangeable vehicles are packed so that a
    /// single-depot route list numbers 1…n, and an unused vehicle before the last used one gets an empty line.
    private func vrplibText(_ solution: VRPSolution, problem: VRPProblem, report: PlanChecker.Report) -> String {
        let routes = solution.packed(for: problem).routes
        var lines = routes.indices.prefix((routes.lastIndex { !$0.isEmpty } ?? -1) + 1).map { v in
            (["Route #\(v + 1):"] + routes[v].map { problem.job($0).id }).joined(separator: " ")
        }
        lines.append("Cost \(Self.decimal(report.travelCost, scale: problem.costScale))")
        lines.append("Vehicles \(report.usedVehicles)")
        for job in solution.unassigned {
            lines.append("Unassigned \(problem.job(job).id): \(UnassignedReason.explain(job, in: problem))")
        }
        return lines.joined(separator: "\n")
    }

    /// `value / scale` with one decimal per digit of `scale` after its first: exact for powers of ten (Solomon's
    /// ×1000), rounded for other scales (VROOM rates: 3,600,000 internal units per cost unit).
    static func decimal(_ value: Int64, scale: Int64) -> String {
        let decimals = String(scale).count - 1
        let isPowerOfTen = (0..<decimals).reduce(Int64(1)) { power, _ in power * 10 } == scale
        return isPowerOfTen ? FixedPoint.string(value, decimals: decimals) : FixedPoint.string(Double(value) / Double(scale), decimals: decimals)
    }

    /// Reads an instance in any supported format (by extension and content); VROOM input also returns its ids.
    static func loadInstance(_ path: String, objective: BenchmarkObjective) throws -> (VRPProblem, VroomFormat.Input?) {
        let url = URL(fileURLWithPath: path)
        if path.hasSuffix(".json") {
            guard let data = FileManager.default.contents(atPath: path) else { throw ModelInputError(file: path, "cannot read the file") }
            let vroom = try VroomFormat.read(data, name: path)
            return (vroom.problem, vroom)
        } else if CordeauReader.looksLikeCordeau(url) {
            return (try CordeauReader.read(url), nil)
        } else if path.hasSuffix(".vrp") {
            return (try VRPLIBReader.read(url), nil)
        } else {
            return (try SolomonReader.read(url, objective: objective), nil)
        }
    }
}
