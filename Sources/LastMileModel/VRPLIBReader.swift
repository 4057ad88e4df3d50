import LastMileCore

import Foundation

/// Reads VRPLIB/TSPLIB instances with `EDGE_WEIGHT_TYPE: EUC_2D`: CVRP as the CVRPLIB X set ships them
/// (`NODE_COORD_SECTION`, `DEMAND_SECTION`, `DEPOT_SECTION`), and PyVRP's dialect with `SERVICE_TIME_SECTION`,
/// `TIME_WINDOW_SECTION`, several depots, `VEHICLES`, `VEHICLES_DEPOT_SECTION` and `VEHICLES_MAX_DURATION`
/// (the Vidal MDVRPTW set). Job ids are the node ids minus one (CVRPLIB `.sol` convention). Without
/// `VEHICLES`, the fleet is max(k + 5, ⌈1.3 k⌉) with k = ⌈Σ demand / capacity⌉. With time windows the VRPTW
/// integer model applies (×1000, cost rounded, travel time rounded up).
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
        var services: [Int: Double] = [:]
        var windows: [Int: (Double, Double)] = [:]
        var vehicleDepots: [Int: Int] = [:]
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
            func fail(_ expected: String) -> ModelInputError {
                ModelInputError(file: name, line: number, "\(section) rows are '\(expected)'")
            }
            switch section {
            case "NODE_COORD_SECTION":
                guard fields.count == 3, let id = Int(fields[0]), let x = Double(fields[1]), let y = Double(fields[2]) else { throw fail("id x y") }
                coordinates[id] = (x, y, number)
            case "DEMAND_SECTION":
                guard fields.count == 2, let id = Int(fields[0]), let demand = Int64(fields[1]), demand >= 0 else {
                    throw fail("id demand (demand ≥ 0)")
                }
                demands[id] = (demand, number)
            case "SERVICE_TIME_SECTION":
                guard fields.count == 2, let id = Int(fields[0]), let service = Double(fields[1]), service >= 0 else {
                    throw fail("id service (≥ 0)")
                }
                services[id] = service
            case "TIME_WINDOW_SECTION":
                guard fields.count == 3, let id = Int(fields[0]), let early = Double(fields[1]), let late = Double(fields[2]), early <= late else {
                    throw fail("id earliest latest (earliest ≤ latest)")
                }
                windows[id] = (early, late)
            case "VEHICLES_DEPOT_SECTION":
                guard fields.count == 2, let vehicle = Int(fields[0]), let depot = Int(fields[1]) else { throw fail("vehicle depot") }
                vehicleDepots[vehicle] = depot
            case "DEPOT_SECTION":
                guard let id = Int(fields[0]) else { throw fail("node id, ended by -1") }
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
        guard !depots.isEmpty else { throw ModelInputError(file: name, "DEPOT_SECTION names no depot") }
        for id in 1...dimension where coordinates[id] == nil || demands[id] == nil {
            throw ModelInputError(file: name, "node \(id) lacks a coordinate or a demand (DIMENSION is \(dimension))")
        }
        let ids = Array(1...dimension)
        let x = ids.map { coordinates[$0]!.0 }, y = ids.map { coordinates[$0]!.1 }
        // With time windows: the VRPTW integer model (×1000, cost rounded, time rounded up); else CVRP (nint).
        let timed = !windows.isEmpty
        // One matrix for time and cost, as PyVRP reads VRPLIB files.
        let cost = timed ? EuclideanModel.vrptwMatrices(x: x, y: y).cost : EuclideanModel.cvrpMatrix(x: x, y: y)
        let scale: Double = timed ? 1000 : 1
        func scaled(_ value: Double) -> Int64 { Int64((value * scale).rounded()) }
        func window(_ id: Int) -> TimeWindow { windows[id].map { TimeWindow(earliest: scaled($0.0), latest: scaled($0.1)) } ?? .always }
        var jobs: [Job] = []
        for id in ids where !depots.contains(id) {
            let (demand, line) = demands[id]!
            guard demand <= capacity else {
                throw ModelInputError(file: name, line: line, "node \(id) demands \(demand), more than the capacity \(capacity)")
            }
            jobs.append(Job(id: String(id - 1), location: LocationIndex(id - 1), demand: [demand], service: scaled(services[id] ?? 0), windows: [window(id)]))
        }
        let maxDuration = header["VEHICLES_MAX_DURATION"].flatMap(Double.init).map(scaled)
        var vehicleStarts: [Int]
        if let countText = header["VEHICLES"], let count = Int(countText), count > 0 {
            vehicleStarts = try (1...count).map { vehicle in
                let depot = vehicleDepots[vehicle] ?? depots[0]
                guard depots.contains(depot) else { throw ModelInputError(file: name, "vehicle \(vehicle) starts at node \(depot), not a depot") }
                return depot
            }
        } else {
            guard depots.count == 1 else { throw ModelInputError(file: name, "several depots need VEHICLES and VEHICLES_DEPOT_SECTION") }
            let total = jobs.reduce(Int64(0)) { $0 + $1.demand[0] }
            let lowerBound = Int((total + capacity - 1) / capacity)
            vehicleStarts = Array(repeating: depots[0], count: max(lowerBound + 5, Int((1.3 * Double(lowerBound)).rounded(.up))))
        }
        let vehicles = vehicleStarts.enumerated().map { index, depot in
            Vehicle(id: String(index + 1), startLocation: LocationIndex(depot - 1), endLocation: LocationIndex(depot - 1), capacity: [capacity],
                    shift: window(depot), fixedCost: 0, maxDuration: maxDuration)
        }
        return VRPProblem(name: header["NAME"] ?? name, locationCount: dimension, travelTime: cost, travelCost: cost,
                          jobs: jobs, vehicles: vehicles, dimensions: 1, costScale: timed ? 1000 : 1)
    }
}
