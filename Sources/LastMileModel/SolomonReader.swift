import LastMileCore

import Foundation

/// Reads Solomon / Gehring–Homberger VRPTW text files: a name line, `VEHICLE NUMBER CAPACITY`, then one row per
/// node `CUST NO. X Y DEMAND READY DUE SERVICE` with node 0 the depot (its due date the horizon).
public enum SolomonReader {
    public static func read(_ url: URL, objective: BenchmarkObjective) throws -> VRPProblem {
        let name = url.lastPathComponent
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ModelInputError(file: url.path, "cannot read the file as UTF-8 text")
        }
        return try read(text: text, name: name, objective: objective)
    }

    public static func read(text: String, name: String, objective: BenchmarkObjective) throws -> VRPProblem {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        var fleet: Int?
        var capacity: Int64?
        var rows: [(line: Int, fields: [Double])] = []
        var index = 0
        while index < lines.count {
            let words = lines[index].split(whereSeparator: \.isWhitespace)
            if words.first == "NUMBER", index + 1 < lines.count {
                let values = lines[index + 1].split(whereSeparator: \.isWhitespace)
                guard values.count >= 2, let number = Int(values[0]), let load = Int64(values[1]), number > 0, load > 0 else {
                    throw ModelInputError(file: name, line: index + 2, "expected 'NUMBER CAPACITY' as two positive integers")
                }
                (fleet, capacity) = (number, load)
                index += 2
                continue
            }
            if words.count == 7, let first = words.first, Int(first) != nil {
                let numbers = words.map { Double($0) }
                guard numbers.allSatisfy({ $0 != nil }) else {
                    throw ModelInputError(file: name, line: index + 1, "a customer row must hold 7 numbers")
                }
                rows.append((index + 1, numbers.map { $0! }))
            } else if words.count > 0, let first = words.first, Int(first) != nil {
                throw ModelInputError(file: name, line: index + 1,
                                      "customer row has \(words.count) fields; expected CUST NO. X Y DEMAND READY DUE SERVICE")
            }
            index += 1
        }
        guard let fleet, let capacity else { throw ModelInputError(file: name, "no VEHICLE NUMBER/CAPACITY section") }
        guard rows.count >= 2, rows[0].fields[0] == 0 else {
            throw ModelInputError(file: name, "expected the depot (customer 0) and at least one customer")
        }
        for row in rows where row.fields[4] > row.fields[5] {
            throw ModelInputError(file: name, line: row.line, "READY TIME \(row.fields[4]) is after DUE DATE \(row.fields[5])")
        }
        for row in rows where row.fields[3] < 0 || row.fields[6] < 0 {
            throw ModelInputError(file: name, line: row.line, "DEMAND and SERVICE TIME must not be negative")
        }
        let x = rows.map { $0.fields[1] }, y = rows.map { $0.fields[2] }
        let (time, cost) = EuclideanModel.vrptwMatrices(x: x, y: y)
        func scaled(_ value: Double) -> Int64 { Int64((value * 1000).rounded()) }
        let jobs = rows.dropFirst().enumerated().map { offset, row in
            Job(id: String(Int(row.fields[0])), location: LocationIndex(offset + 1), demand: [Int64(row.fields[3])],
                service: scaled(row.fields[6]), windows: [TimeWindow(earliest: scaled(row.fields[4]), latest: scaled(row.fields[5]))])
        }
        let fixed = objective == .hierarchical ? EuclideanModel.vehicleCost(cost: cost, locations: rows.count, depot: 0) : 0
        let shift = TimeWindow(earliest: scaled(rows[0].fields[4]), latest: scaled(rows[0].fields[5]))
        let vehicles = (0..<fleet).map {
            Vehicle(id: String($0 + 1), startLocation: LocationIndex(0), endLocation: LocationIndex(0), capacity: [capacity], shift: shift, fixedCost: fixed)
        }
        return VRPProblem(name: name, locationCount: rows.count, travelTime: time, travelCost: cost, jobs: jobs,
                          vehicles: vehicles, dimensions: 1, costScale: 1000)
    }
}
