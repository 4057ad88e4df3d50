import Foundation
import LastMileCore
import LastMileModel

/// A vehicle routing instance from a file in any format `lastmile solve` and `check` read: Solomon and
/// Gehring–Homberger `.txt`, CVRPLIB (and PyVRP's MDVRPTW dialect) `.vrp`, Cordeau MDVRP, VROOM `.json`.
public struct RoutingInstance: Sendable {
    public var problem: VRPProblem
    /// The VROOM input with its ids, for VROOM files (their solutions are written and read in VROOM's shape).
    public var vroom: VroomFormat.Input?
    /// The file as the user named it.
    public var path: String

    /// Reads `path`, choosing the reader by extension and content.
    ///
    /// - Parameter objective: how benchmark files price vehicles (fewest vehicles first, or distance only).
    /// - Throws: ``LastMileError`` (bad input) naming the file, line and field.
    public static func read(_ path: String, objective: BenchmarkObjective) throws(LastMileError) -> RoutingInstance {
        let data = try InputFile.read(path, what: "instance")
        let url = URL(fileURLWithPath: path)
        return try reportingErrors {
            if path.hasSuffix(".json") {
                let vroom = try VroomFormat.read(data, name: path)
                return RoutingInstance(problem: vroom.problem, vroom: vroom, path: path)
            } else if CordeauReader.looksLikeCordeau(url) {
                return RoutingInstance(problem: try CordeauReader.read(url), vroom: nil, path: path)
            } else if path.hasSuffix(".vrp") {
                return RoutingInstance(problem: try VRPLIBReader.read(url), vroom: nil, path: path)
            } else {
                return RoutingInstance(problem: try SolomonReader.read(url, objective: objective), vroom: nil, path: path)
            }
        }
    }

    /// `units` of the problem's cost unit as the instance's own decimal: one decimal per digit of `costScale`
    /// after its first, exact for powers of ten (Solomon's ×1000), rounded otherwise (VROOM rates: 3,600,000
    /// internal units per cost unit).
    public func decimal(_ units: Int64) -> String {
        let scale = problem.costScale
        let decimals = String(scale).count - 1
        let isPowerOfTen = (0..<decimals).reduce(Int64(1)) { power, _ in power * 10 } == scale
        return isPowerOfTen ? FixedPoint.string(units, decimals: decimals) : FixedPoint.string(Double(units) / Double(scale), decimals: decimals)
    }

    /// VRPLIB solution lines, then the unassigned jobs with their reasons. Route `#k` is driven by vehicle `k`
    /// (PyVRP's convention, which ``readSolution(_:file:)`` reads): interchangeable vehicles are packed so that
    /// a single-depot route list numbers 1…n, and an unused vehicle before the last used one gets an empty line.
    public func routeList(_ solution: VRPSolution, report: PlanChecker.Report) -> String {
        let routes = solution.packed(for: problem).routes
        var lines = routes.indices.prefix((routes.lastIndex { !$0.isEmpty } ?? -1) + 1).map { v in
            (["Route #\(v + 1):"] + routes[v].map { problem.job($0).id }).joined(separator: " ")
        }
        lines.append("Cost \(decimal(report.travelCost))")
        lines.append("Vehicles \(report.usedVehicles)")
        for job in solution.unassigned {
            lines.append("Unassigned \(problem.job(job).id): \(UnassignedReason.explain(job, in: problem))")
        }
        return lines.joined(separator: "\n")
    }

    /// A solution file for this instance: route lines (VRPLIB `.sol` or SINTEF), or VROOM's JSON output for a
    /// VROOM instance.
    ///
    /// - Throws: ``LastMileError`` (bad input) naming the file and line.
    public func readSolution(_ path: String) throws(LastMileError) -> VRPSolution {
        let text = String(decoding: try InputFile.read(path, what: "solution file"), as: UTF8.self)
        return try reportingErrors {
            if let vroom, text.drop(while: \.isWhitespace).first == "{" {
                return try VroomFormat.readSolution(Data(text.utf8), name: path, for: vroom)
            }
            return try RouteListReader.read(text, name: path, for: problem)
        }
    }
}
