import Foundation
import LastMileCore
import LastMileGraph
import LastMileModel
import LastMileRouting
import LastMileSolver

/// A VROOM problem posted as vroom-express takes it, solved and answered in VROOM's solution shape.
///
/// Problems with `matrices` (or the legacy `matrix`) are solved as given. Problems with coordinates only —
/// `location` `[lon, lat]` on jobs, shipment steps and vehicles' `start`/`end`, as vroom-express users send them
/// for VROOM to ask OSRM — get their `car` durations and distances from LastMile's roads: each distinct
/// coordinate becomes a `location_index` (in order of first appearance) and one table is computed.
public enum VroomRequest {
    /// The VROOM solution JSON for the problem in `body`.
    ///
    /// - Parameters:
    ///   - roads: the loaded roads for coordinate-only problems; `nil` refuses them.
    ///   - configuration: the solver's budget and seed.
    /// - Throws: ``LastMileError``: bad input naming the field; routing data for a coordinate far from roads.
    public static func solve(_ body: Data, roads: LoadedRoads?, configuration: SolverConfiguration) throws(LastMileError) -> String {
        let document = try withMatrices(body, roads: roads)
        let input = try reportingErrors { try VroomFormat.read(document, name: "request body") }
        let result = Solver.solve(input.problem, configuration: configuration)
        return VroomFormat.write(result.solution, for: input)
    }

    /// `body` as is when it has matrices, else with `location_index` on every located object and a `car`
    /// matrix from `roads`.
    static func withMatrices(_ body: Data, roads: LoadedRoads?) throws(LastMileError) -> Data {
        guard var problem = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else {
            throw LastMileError(.badInput, "the request body is not a JSON object", hint: "post a VROOM problem: {\"vehicles\": […], \"jobs\": […]}")
        }
        if problem["matrices"] != nil || problem["matrix"] != nil { return body }
        guard let roads else {
            throw LastMileError(.badInput, "the problem has no 'matrices' and the server has no roads to compute them",
                                hint: "send 'matrices', or start `lastmile serve` with --graph")
        }
        var coordinates: [Coordinate] = []
        var indexOf: [String: Int] = [:]
        func index(of value: Any?, path: String) throws(LastMileError) -> Int? {
            guard let value else { return nil }
            guard let pair = value as? [Double], pair.count == 2, let coordinate = Coordinate(latitude: pair[1], longitude: pair[0]) else {
                throw LastMileError(.badInput, "\(path) is not [lon, lat]", at: ErrorLocation(field: path), hint: "write [longitude, latitude] in degrees")
            }
            let key = "\(pair[0]),\(pair[1])"
            if let known = indexOf[key] { return known }
            indexOf[key] = coordinates.count
            coordinates.append(coordinate)
            return coordinates.count - 1
        }
        func locate(_ object: inout [String: Any], key: String, indexKey: String, path: String) throws(LastMileError) {
            if let found = try index(of: object[key], path: "\(path).\(key)") { object[indexKey] = found }
        }
        if var jobs = problem["jobs"] as? [[String: Any]] {
            for i in jobs.indices { try locate(&jobs[i], key: "location", indexKey: "location_index", path: "jobs[\(i)]") }
            problem["jobs"] = jobs
        }
        if var shipments = problem["shipments"] as? [[String: Any]] {
            for i in shipments.indices {
                for step in ["pickup", "delivery"] {
                    guard var object = shipments[i][step] as? [String: Any] else { continue }
                    try locate(&object, key: "location", indexKey: "location_index", path: "shipments[\(i)].\(step)")
                    shipments[i][step] = object
                }
            }
            problem["shipments"] = shipments
        }
        if var vehicles = problem["vehicles"] as? [[String: Any]] {
            for i in vehicles.indices {
                try locate(&vehicles[i], key: "start", indexKey: "start_index", path: "vehicles[\(i)]")
                try locate(&vehicles[i], key: "end", indexKey: "end_index", path: "vehicles[\(i)]")
            }
            problem["vehicles"] = vehicles
        }
        let snapped: [SnappedPoint]
        do {
            snapped = try roads.snap(coordinates)
        } catch let unmatched as LoadedRoads.UnmatchedPoint {
            throw LastMileError(.routingData, "location \(coordinates[unmatched.index]) is more than 500 m from every road",
                                hint: "check the coordinate's [lon, lat] order")
        } catch {
            throw LastMileError(describing: error)
        }
        let matrix = roads.table(sources: snapped, targets: snapped)
        let n = coordinates.count
        func grid(_ value: (PathCost) -> Int) -> [[Int]] {
            (0..<n).map { i in (0..<n).map { j in matrix[i, j].map(value) ?? Int(Int32.max) } }
        }
        problem["matrices"] = ["car": [
            "durations": grid { Int(($0.time + 500) / 1000) },
            "distances": grid { Int(($0.length + 500) / 1000) },
        ]]
        return try reportingErrors { try JSONSerialization.data(withJSONObject: problem) }
    }
}
