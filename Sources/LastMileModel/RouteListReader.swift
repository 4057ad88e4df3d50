import LastMileCore

import Foundation

/// Reads a solution written as route lines — CVRPLIB/VRPLIB `.sol` (`Route #1: 3 7 12`) and SINTEF files
/// (`Route  1 : 3 7 12`) — against a problem: ids are the problem's job ids; `Cost` and other lines are
/// ignored. Route `#k` goes to vehicle `k - 1` (multi-depot files list every vehicle, empty routes too);
/// jobs no route names are reported unassigned.
public enum RouteListReader {
    public static func read(_ text: String, name: String, for problem: VRPProblem) throws -> VRPSolution {
        let jobIndex = Dictionary(problem.jobs.enumerated().map { ($1.id, JobIndex($0)) }, uniquingKeysWith: { first, _ in first })
        var routes = [[JobIndex]](repeating: [], count: problem.vehicles.count)
        var named = Set<JobIndex>()
        for (number, rawLine) in text.split(whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard line.hasPrefix("Route"), let colon = line.firstIndex(of: ":") else { continue }
            let label = line[line.index(line.startIndex, offsetBy: 5)..<colon].filter { $0 != "#" && $0 != " " }
            guard let k = Int(label), k >= 1 else { throw ModelInputError(file: name, line: number + 1, "'\(line)' has no route number") }
            guard k <= problem.vehicles.count else {
                throw ModelInputError(file: name, line: number + 1, "route #\(k) but the instance has \(problem.vehicles.count) vehicles")
            }
            for id in line[line.index(after: colon)...].split(separator: " ").map(String.init) {
                guard let job = jobIndex[id] else { throw ModelInputError(file: name, line: number + 1, "'\(id)' is not a customer of the instance") }
                guard named.insert(job).inserted else { throw ModelInputError(file: name, line: number + 1, "customer \(id) appears twice") }
                routes[k - 1].append(job)
            }
        }
        return VRPSolution(routes: routes, unassigned: JobIndex.all(problem.jobs.count).filter { !named.contains($0) })
    }
}
