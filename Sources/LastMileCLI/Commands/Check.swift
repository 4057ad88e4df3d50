import ArgumentParser
import Foundation
import LastMileModel

/// `lastmile check INSTANCE SOLUTION`: the independent plan checker on a solution file.
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a solution (route lines: VRPLIB .sol or SINTEF) against an instance and recompute its cost.",
        discussion: "Exit code 0 when feasible, 1 when a constraint is broken (each is listed), 2 for unreadable input."
    )

    @Argument(help: "The instance file (Solomon/Gehring–Homberger .txt, CVRPLIB .vrp, Cordeau).")
    var instance: String

    @Argument(help: "The solution file: `Route #k: ids…` lines.")
    var solution: String

    func run() async throws {
        let (problem, _) = try Solve.loadInstance(instance, objective: .distance)
        guard let text = try? String(contentsOfFile: solution, encoding: .utf8) else { throw ValidationError("cannot read \(solution)") }
        let parsed: VRPSolution
        do { parsed = try RouteListReader.read(text, name: solution, for: problem) } catch let error as ModelInputError {
            throw ValidationError(error.description)
        }
        let report = PlanChecker.check(parsed, for: problem)
        print("Cost \(Solve.decimal(report.travelCost, scale: problem.costScale))")
        print("Vehicles \(report.usedVehicles)")
        guard report.isFeasible else {
            FileHandle.standardError.write(Data(("infeasible:\n" + report.violations.joined(separator: "\n") + "\n").utf8))
            throw ExitCode(1)
        }
        print("feasible")
    }
}
