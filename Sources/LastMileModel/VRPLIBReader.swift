import Foundation

/// Reads CVRP instances in VRPLIB/TSPLIB format (`EDGE_WEIGHT_TYPE: EUC_2D`, `NODE_COORD_SECTION`,
/// `DEMAND_SECTION`, `DEPOT_SECTION`), as the CVRPLIB X set ships them. Job ids are the node ids minus one
/// (CVRPLIB `.sol` convention). The fleet is max(k + 5, ⌈1.3 k⌉) with k = ⌈Σ demand / capacity⌉.
public enum VRPLIBReader {
    public static func read(_ url: URL) throws -> VRPProblem {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ModelInputError(file: url.path, "cannot read the file as UTF-8 text")
        }
        return try read(text: text, name: url.lastPathComponent)
    }

    public static func read(text: String, name: String) throws -> VRPProblem {
        var header: [String: String] = [:]
        var section = ""
        var coordinates: [Int: (Double, Double, Int)] = [:]
        var demands: [Int: (Int64, Int)] = [:]
        var depots: [Int] = []
        for (offset, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let number = offset + 1
            if line.isEmpty || line == "EOF" { continue }
            if line.hasSuffix("_SECTION") {
                section = line
                continue
            }
            if let colon = line.firstIndex(of: ":"), section.isEmpty || Int(line.split(whereSeparator: \.isWhitespace)[0]) == nil {
                header[line[..<colon].trimmingCharacters(in: .whitespaces)] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                section = ""
                continue
            }
            let fields = line.split(whereSeparator: \.isWhitespace).map(String.init)
            switch section {
            case "NODE_COORD_SECTION":
                guard fields.count == 3, let id = Int(fields[0]), let x = Double(fields[1]), let y = Double(fields[2]) else {
                    throw ModelInputError(file: name, line: number, "NODE_COORD_SECTION rows are 'id x y'")
                }
                coordinates[id] = (x, y, number)
            case "DEMAND_SECTION":
                guard fields.count == 2, let id = Int(fields[0]), let demand = Int64(fields[1]), demand >= 0 else {
                    throw ModelInputError(file: name, line: number, "DEMAND_SECTION rows are 'id demand' with demand ≥ 0")
                }
                demands[id] = (demand, number)
            case "DEPOT_SECTION":
                guard let id = Int(fields[0]) else { throw ModelInputError(file: name, line: number, "DEPOT_SECTION holds node ids") }
                if id >= 0 { depots.append(id) }
            default:
                throw ModelInputError(file: name, line: number, "unexpected line outside a known section: '\(line)'")
            }
        }
        guard header["EDGE_WEIGHT_TYPE"] == "EUC_2D" else {
            throw ModelInputError(file: name, "EDGE_WEIGHT_TYPE is '\(header["EDGE_WEIGHT_TYPE"] ?? "missing")'; only EUC_2D is read")
        }
        guard let capacityText = header["CAPACITY"], let capacity = Int64(capacityText), capacity > 0 else {
            throw ModelInputError(file: name, "CAPACITY is missing or not a positive integer")
        }
        guard let dimensionText = header["DIMENSION"], let dimension = Int(dimensionText), dimension >= 2 else {
            throw ModelInputError(file: name, "DIMENSION is missing or below 2")
        }
        guard depots.count == 1, let depot = depots.first else {
            throw ModelInputError(file: name, "expected exactly one depot in DEPOT_SECTION, found \(depots.count)")
        }
        for id in 1...dimension where coordinates[id] == nil || demands[id] == nil {
            throw ModelInputError(file: name, "node \(id) lacks a coordinate or a demand (DIMENSION is \(dimension))")
        }
        let ids = Array(1...dimension)
        let x = ids.map { coordinates[$0]!.0 }, y = ids.map { coordinates[$0]!.1 }
        let cost = EuclideanModel.cvrpMatrix(x: x, y: y)
        let depotLocation = depot - 1
        var jobs: [Job] = []
        for id in ids where id != depot {
            let (demand, line) = demands[id]!
            guard demand <= capacity else {
                throw ModelInputError(file: name, line: line, "node \(id) demands \(demand), more than the capacity \(capacity)")
            }
            jobs.append(Job(id: String(id - 1), location: id - 1, demand: [demand], service: 0, windows: [.always]))
        }
        let total = jobs.reduce(Int64(0)) { $0 + $1.demand[0] }
        let lowerBound = Int((total + capacity - 1) / capacity)
        let fleet = max(lowerBound + 5, Int((1.3 * Double(lowerBound)).rounded(.up)))
        let vehicles = (0..<fleet).map {
            Vehicle(id: String($0 + 1), startLocation: depotLocation, endLocation: depotLocation, capacity: [capacity],
                    shift: .always, fixedCost: 0)
        }
        return VRPProblem(name: header["NAME"] ?? name, locationCount: dimension, travelTime: cost, travelCost: cost,
                          jobs: jobs, vehicles: vehicles, dimensions: 1, costScale: 1)
    }
}
