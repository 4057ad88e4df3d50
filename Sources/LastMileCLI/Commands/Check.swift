import ArgumentParser
import Foundation
import LastMileCore
import LastMileModel

/// `lastmile check INSTANCE SOLUTION`: the independent plan checker on a solution file.
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a solution (route lines: VRPLIB .sol or SINTEF; VROOM JSON) against an instance and recompute its cost.",
        discussion: "Exit code 0 when feasible, 1 when a constraint is broken (each is listed), 2 for unreadable input."
    )

    @Argument(help: "The instance file (Solomon/Gehring–Homberger .txt, CVRPLIB .vrp, Cordeau, VROOM .json).")
    var instance: String

    @Argument(help: "The solution file: `Route #k: ids…` lines (route #k driven by vehicle k), or VROOM's JSON output for a VROOM instance.")
    var solution: String

    func run() async throws {
        let (problem, vroom) = try Solve.loadInstance(instance, objective: .distance)
        guard let text = try? String(contentsOfFile: solution, encoding: .utf8) else { throw ModelInputError(file: solution, "cannot read the file") }
        let parsed: VRPSolution
        if let vroom, text.drop { $0.isWhitespace }.first == "{" {
            parsed = try VroomFormat.readSolution(Data(text.utf8), name: solution, for: vroom)
        } else {
            parsed = try RouteListReader.read(text, name: solution, for: problem)
        }
        let report = PlanChecker.check(parsed, for: problem)
        print("Cost \(Solve.decimal(report.travelCost, scale: problem.costScale))")
        print("Vehicles \(report.usedVehicles)")
        guard report.isFeasible else {
            throw LastMileError(.checkFailed, "the solution is infeasible", at: ErrorLocation(file: solution), details: report.violations)
        }
        print("feasible")
    }
}
