import LastMileCore

import Foundation

/// Reads Cordeau's multi-depot VRP files (`p01`…`p23`, `pr01`…`pr10`): a header `type m n t` (type 2 = MDVRP,
/// m vehicles per depot, n customers, t depots), t lines `D Q` (maximum route duration, 0 = none, and
/// capacity), n customer lines `i x y d q …` (service duration d, demand q), then t depot lines `i x y …`.
///
/// Integer model as for VRPTW: ×1000, cost rounded, travel time rounded up, so that the duration limit
/// (vehicle shift `[0, D]`, no time windows hence no waiting) is never broken in exact arithmetic.
public enum CordeauReader {
    /// Whether a file starts like a Cordeau MDVRP file: four integers, the first 2, and no file extension.
    public static func looksLikeCordeau(_ url: URL) -> Bool {
        guard url.pathExtension.isEmpty, let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let head = String(decoding: (try? handle.read(upToCount: 64)) ?? Data(), as: UTF8.self)
        let first = head.split(whereSeparator: \.isNewline).first.map { $0.split(whereSeparator: \.isWhitespace) } ?? []
        return first.count == 4 && first[0] == "2" && first.allSatisfy { Int($0) != nil }
    }

    public static func read(_ url: URL) throws -> VRPProblem {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ModelInputError(file: url.path, "cannot read the file as UTF-8 text")
        }
        return try read(text: text, name: url.lastPathComponent)
    }

    public static func read(text: String, name: String) throws -> VRPProblem {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
            .enumerated().filter { !$0.element.isEmpty }
        func numbers(_ index: Int, count: Int, what: String) throws -> [Double] {
            guard index < lines.count else { throw ModelInputError(file: name, "the file ends before \(what)") }
            let (offset, fields) = lines[index]
            let values = fields.compactMap(Double.init)
            guard values.count == fields.count, values.count >= count else {
                throw ModelInputError(file: name, line: offset + 1, "\(what): expected at least \(count) numbers")
            }
            return values
        }
        let header = try numbers(0, count: 4, what: "the header 'type m n t'")
        guard header[0] == 2 else {
            throw ModelInputError(file: name, line: lines[0].offset + 1, "problem type \(Int(header[0])) is not 2 (MDVRP)")
        }
        let (perDepot, customers, depots) = (Int(header[1]), Int(header[2]), Int(header[3]))
        guard perDepot > 0, customers > 0, depots > 0 else {
            throw ModelInputError(file: name, line: lines[0].offset + 1, "m, n and t must be positive")
        }
        var limits: [(duration: Double, capacity: Int64)] = []
        for d in 0..<depots {
            let values = try numbers(1 + d, count: 2, what: "depot \(d + 1)'s 'D Q' line")
            limits.append((values[0], Int64(values[1])))
        }
        var x: [Double] = [], y: [Double] = [], service: [Double] = [], demand: [Int64] = [], ids: [String] = []
        for c in 0..<customers {
            let values = try numbers(1 + depots + c, count: 5, what: "customer line \(c + 1)")
            ids.append(String(Int(values[0])))
            x.append(values[1])
            y.append(values[2])
            service.append(values[3])
            demand.append(Int64(values[4]))
        }
        for d in 0..<depots {
            let values = try numbers(1 + depots + customers + d, count: 3, what: "depot \(d + 1)'s coordinates")
            x.append(values[1])
            y.append(values[2])
        }
        let (time, cost) = EuclideanModel.vrptwMatrices(x: x, y: y)
        let jobs = (0..<customers).map {
            Job(id: ids[$0], location: LocationIndex($0), demand: [demand[$0]], service: Int64((service[$0] * 1000).rounded()), windows: [.always])
        }
        var vehicles: [Vehicle] = []
        for d in 0..<depots {
            let latest = limits[d].duration > 0 ? Int64((limits[d].duration * 1000).rounded()) : TimeWindow.always.latest
            for k in 0..<perDepot {
                vehicles.append(Vehicle(
                    id: "\(d + 1).\(k + 1)", startLocation: LocationIndex(customers + d), endLocation: LocationIndex(customers + d),
                    capacity: [limits[d].capacity], shift: TimeWindow(earliest: 0, latest: latest), fixedCost: 0
                ))
            }
        }
        return VRPProblem(name: name, locationCount: customers + depots, travelTime: time, travelCost: cost, jobs: jobs,
                          vehicles: vehicles, dimensions: 1, costScale: 1000)
    }
}
