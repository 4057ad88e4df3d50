import ArgumentParser
import Foundation
import LastMileCore
import LastMileModel
import LastMileService

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
        let instance = try RoutingInstance.read(self.instance, objective: .distance)
        let report = PlanChecker.check(try instance.readSolution(solution), for: instance.problem)
        print("Cost \(instance.decimal(report.travelCost))")
        print("Vehicles \(report.usedVehicles)")
        guard report.isFeasible else {
            throw LastMileError(.checkFailed, "the solution is infeasible", at: ErrorLocation(file: solution), details: report.violations)
        }
        print("feasible")
    }
}
