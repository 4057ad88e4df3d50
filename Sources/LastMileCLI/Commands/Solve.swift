import ArgumentParser
import Foundation
import LastMileCore
import LastMileModel
import LastMileService
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

            On standard error: the iterations and seconds; where vehicles have a fixed cost (--objective hier), \
            what fleet minimisation did (routes before and after, its iterations, when the last route went and \
            when the phase ended); then what the annealing did with its candidates (how many recreations put \
            every job back where it was, how many the local search improved and how many of those came back at \
            the current cost, how many the penalised search left late or overloaded, how many were accepted). \
            Counts are the same for a seed and --iterations.

            No --traffic, --weather or --depart: instance files carry one static matrix and no roads, so there \
            is nothing for a traffic profile to slow down. Plan with traffic through `lastmile plan` (or `demo`) \
            on a map, which drives every leg at its departure time.
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

    @Option(help: "What to minimise: hier/hierarchical = fewest vehicles, then distance; dist/cost = distance only, the fleet as a bound.")
    var objective: Objective = .dist

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case vrplib, vroom
    }

    @Option(help: "Output format: vrplib (Route #k lines) or vroom (VROOM's JSON solution; the default for .json input).")
    var format: Format?

    @Option(name: [.short, .customLong("output")], help: "Write the solution here instead of standard output.")
    var output: String?

    @Option(help: "Which candidates the granular local search improves: automatic, always, improving, accepted, off.")
    var localSearch: LocalSearchPolicy = .automatic

    @Flag(inversion: .prefixedNo, help: "SWAP* between neighbouring routes in the local search (default: on).")
    var swapStar: Bool?

    @Flag(
        inversion: .prefixedNo,
        help: "Let the search pass through late or overloaded routes at an adaptive price (default: where routes are short or windows do not bind, and with --objective hier once the fleet is final).")
    var penalties: Bool?

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
        let instance = try RoutingInstance.read(self.instance, objective: objective.model)
        let problem = instance.problem
        var configuration = SolverConfiguration(seed: seed, iterations: iterations, timeLimit: timeLimit)
        configuration.threads = chains
        configuration.localSearchPolicy = localSearch
        if let swapStar { configuration.swapStar = swapStar }
        if let penalties { configuration.penalisedSearch = penalties }
        let result = Solver.solve(problem, configuration: configuration)
        let report = PlanChecker.check(result.solution, for: problem)
        let text: String
        if let vroom = instance.vroom, (format ?? .vroom) == .vroom {
            text = VroomFormat.write(result.solution, for: vroom)
        } else {
            text = instance.routeList(result.solution, report: report)
        }
        if let output {
            do { try (text + "\n").write(toFile: output, atomically: true, encoding: .utf8) } catch {
                throw LastMileError(.badInput, "cannot write the solution", at: ErrorLocation(file: output), hint: "give a path you may write to")
            }
        } else {
            print(text)
        }
        let perChain = chains > 1 ? " over \(chains) chains" + (iterations.map { " of \($0) each" } ?? "") : ""
        Terminal.error("\(result.iterations) iterations\(perChain) in \(FixedPoint.string(result.seconds, decimals: 2)) s, seed \(seed)")
        if let fleet = result.fleetMinimisation { Terminal.error(Self.describe(fleet)) }
        Terminal.error(Self.describe(result.statistics))
        if check {
            guard report.isFeasible else {
                throw LastMileError(.checkFailed, "the solver's plan fails the independent check", at: ErrorLocation(file: self.instance),
                                    details: report.violations)
            }
            Terminal.error("check passed: feasible, cost recomputed \(instance.decimal(report.travelCost))")
        }
    }
}

extension Solve {
    /// One line on what the annealing did with its candidates, e.g. for R2_2_1, 8,000 iterations, seed 1:
    /// "annealing: 8000 candidates, 3306 recreated unchanged; local search on 8000, 5961 of them back at the
    /// current cost (74 %); 6888 accepted, 70 new bests".
    static func describe(_ statistics: SearchStatistics) -> String {
        let infeasible = statistics.infeasible > 0 ? ", \(statistics.infeasible) left late or overloaded" : ""
        let back = statistics.searched > 0 ? " (\(100 * statistics.searchedBackToCurrent / statistics.searched) %)" : ""
        return "annealing: \(statistics.candidates) candidates, \(statistics.unchangedRecreations) recreated unchanged; "
            + "local search on \(statistics.searched), \(statistics.searchedBackToCurrent) of them back at the current cost\(back)\(infeasible); "
            + "\(statistics.accepted) accepted, \(statistics.newBests) new bests"
            + (statistics.adoptedElites > 0 ? "; \(statistics.adoptedElites) times a chain took another's best" : "")
    }
}

extension Solve {
    /// One line on fleet minimisation, e.g. "fleet minimisation: 24 → 18 routes in 5120 iterations, the last
    /// removal at 3.10 s, the phase ended at 12.00 s".
    static func describe(_ fleet: FleetMinimisationSummary) -> String {
        let last = fleet.routesAfter < fleet.routesBefore ? ", the last removal at \(FixedPoint.string(fleet.lastRemovalSeconds, decimals: 2)) s" : ""
        return "fleet minimisation: \(fleet.routesBefore) → \(fleet.routesAfter) routes in \(fleet.iterations) iterations\(last), "
            + "the phase ended at \(FixedPoint.string(fleet.seconds, decimals: 2)) s"
    }
}

extension LocalSearchPolicy: ExpressibleByArgument {}
