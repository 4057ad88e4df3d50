import Foundation
import LastMileCore

/// VROOM's JSON problem and solution format (`jobs`, `vehicles`, `matrices`/`matrix` in; `summary`, `routes`,
/// `unassigned` out), so a VROOM integration can switch to LastMile without rewriting.
///
/// Read: jobs with `location_index`, `service`, `delivery` (or `amount`), `time_windows` (any number),
/// `skills`, `priority` (higher priorities are served first when not all fit); vehicles with `start_index`/`end_index` (either may be missing: an
/// open route), `capacity`, `time_window`, `skills`, `costs.fixed`; matrices `durations` with optional `costs`
/// and `distances` per profile (one profile), or the legacy `matrix`. Times are seconds; costs are VROOM costs
/// (the travel time unless a `costs` matrix is given). Refused with a clear message, not silently dropped:
/// `shipments`, `pickup`, `breaks`, several vehicle profiles.
public enum VroomFormat {
    /// What a VROOM input holds besides the problem: the ids and the optional distance matrix for output.
    public struct Input: Sendable {
        public var problem: VRPProblem
        /// VROOM job and vehicle ids, by index.
        public var jobIDs: [Int64]
        public var vehicleIDs: [Int64]
        /// Row-major distances in metres when the input gave them.
        public var distances: [Int64]?
        /// Number of real locations (the problem may add one virtual location for open routes).
        public var locationCount: Int
    }

    private struct RawInput: Decodable {
        var jobs: [RawJob]?
        var shipments: [AnyDecodable]?
        var vehicles: [RawVehicle]
        var matrices: [String: RawMatrices]?
        var matrix: [[Int64]]?
    }

    private struct RawJob: Decodable {
        var id: Int64
        var location_index: Int?
        var service: Int64?
        var delivery: [Int64]?
        var amount: [Int64]?
        var pickup: [Int64]?
        var time_windows: [[Int64]]?
        var skills: [Int]?
        var priority: Int?
    }

    private struct RawVehicle: Decodable {
        var id: Int64
        var start_index: Int?
        var end_index: Int?
        var capacity: [Int64]?
        var time_window: [Int64]?
        var skills: [Int]?
        var breaks: [AnyDecodable]?
        var costs: RawCosts?
    }

    private struct RawCosts: Decodable {
        var fixed: Int64?
    }

    private struct RawMatrices: Decodable {
        var durations: [[Int64]]?
        var distances: [[Int64]]?
        var costs: [[Int64]]?
    }

    /// Accepts any JSON value; used to detect keys we refuse.
    private struct AnyDecodable: Decodable {
        init(from decoder: any Decoder) throws {}
    }

    public static func read(_ data: Data, name: String) throws -> Input {
        let raw: RawInput
        do {
            raw = try JSONDecoder().decode(RawInput.self, from: data)
        } catch let error as DecodingError {
            throw ModelInputError(file: name, error.readableDescription)
        }
        func fail(_ message: String) -> ModelInputError { ModelInputError(file: name, message) }
        if let shipments = raw.shipments, !shipments.isEmpty {
            throw fail("'shipments' (pickup-and-delivery pairs) are not supported yet; send them as separate jobs or wait for them")
        }
        let jobsRaw = raw.jobs ?? []
        guard !raw.vehicles.isEmpty else { throw fail("'vehicles' is empty: give at least one vehicle") }

        // Matrices: one profile, or the legacy "matrix".
        var durations: [[Int64]]
        var costs: [[Int64]]?
        var distances: [[Int64]]?
        if let matrices = raw.matrices {
            guard matrices.count == 1, let (profile, only) = matrices.first else {
                throw fail("'matrices' has \(matrices.count) profiles; one vehicle profile is supported")
            }
            guard let given = only.durations else { throw fail("'matrices.\(profile).durations' is missing") }
            durations = given
            costs = only.costs
            distances = only.distances
        } else if let legacy = raw.matrix {
            durations = legacy
        } else {
            throw fail("no 'matrices' (or legacy 'matrix'): LastMile needs the travel-time matrix in the input")
        }
        let n = durations.count
        for (label, matrix) in [("durations", durations), ("costs", costs ?? durations), ("distances", distances ?? durations)] {
            guard matrix.count == n, matrix.allSatisfy({ $0.count == n }) else { throw fail("matrix '\(label)' is not \(n)×\(n)") }
            guard matrix.allSatisfy({ $0.allSatisfy { $0 >= 0 } }) else { throw fail("matrix '\(label)' has a negative entry") }
        }

        let dimensions = max(1, (jobsRaw.map { ($0.delivery ?? $0.amount ?? []).count } + raw.vehicles.map { ($0.capacity ?? []).count }).max() ?? 1)
        let openRoutes = raw.vehicles.contains { $0.start_index == nil || $0.end_index == nil }
        let size = openRoutes ? n + 1 : n
        var time = [Int64](repeating: 0, count: size * size)
        var cost = [Int64](repeating: 0, count: size * size)
        for i in 0..<n {
            for j in 0..<n {
                time[i * size + j] = durations[i][j]
                cost[i * size + j] = (costs ?? durations)[i][j]
            }
        }

        var jobs: [Job] = []
        for (index, job) in jobsRaw.enumerated() {
            let label = "job \(job.id) (jobs[\(index)])"
            guard let location = job.location_index else { throw fail("\(label): 'location_index' is missing (coordinates need a matrix index)") }
            guard location >= 0, location < n else { throw fail("\(label): location_index \(location) is outside the \(n)×\(n) matrix") }
            if let pickup = job.pickup, pickup.contains(where: { $0 != 0 }) {
                throw fail("\(label): 'pickup' amounts are not supported yet (deliveries only)")
            }
            var windows: [TimeWindow] = []
            for pair in job.time_windows ?? [] {
                guard pair.count == 2, pair[0] <= pair[1] else { throw fail("\(label): a time window is [start, end] with start ≤ end") }
                windows.append(TimeWindow(earliest: pair[0], latest: pair[1]))
            }
            let amount = job.delivery ?? job.amount ?? []
            guard amount.allSatisfy({ $0 >= 0 }) else { throw fail("\(label): negative delivery amount") }
            guard (job.service ?? 0) >= 0 else { throw fail("\(label): negative service time") }
            guard (0...100).contains(job.priority ?? 0) else { throw fail("\(label): priority must be 0...100") }
            jobs.append(Job(
                id: String(job.id), location: location, demand: amount + Array(repeating: 0, count: dimensions - amount.count),
                service: job.service ?? 0, windows: windows.isEmpty ? [.always] : Job.normalized(windows),
                skills: Set(job.skills ?? []), priority: job.priority ?? 0
            ))
        }
        var vehicles: [Vehicle] = []
        for (index, vehicle) in raw.vehicles.enumerated() {
            let label = "vehicle \(vehicle.id) (vehicles[\(index)])"
            if let breaks = vehicle.breaks, !breaks.isEmpty { throw fail("\(label): 'breaks' are not supported yet") }
            for location in [vehicle.start_index, vehicle.end_index].compactMap({ $0 }) where location < 0 || location >= n {
                throw fail("\(label): location index \(location) is outside the \(n)×\(n) matrix")
            }
            var shift = TimeWindow.always
            if let window = vehicle.time_window {
                guard window.count == 2, window[0] <= window[1] else { throw fail("\(label): 'time_window' is [start, end] with start ≤ end") }
                shift = TimeWindow(earliest: window[0], latest: window[1])
            }
            let capacity = vehicle.capacity ?? []
            vehicles.append(Vehicle(
                id: String(vehicle.id), startLocation: vehicle.start_index ?? n, endLocation: vehicle.end_index ?? n,
                capacity: capacity + Array(repeating: Int64.max / 4, count: dimensions - capacity.count), shift: shift,
                fixedCost: vehicle.costs?.fixed ?? 0, skills: Set(vehicle.skills ?? [])
            ))
        }
        let problem = VRPProblem(name: name, locationCount: size, travelTime: time, travelCost: cost, jobs: jobs,
                                 vehicles: vehicles, dimensions: dimensions)
        return Input(
            problem: problem, jobIDs: jobsRaw.map(\.id), vehicleIDs: raw.vehicles.map(\.id),
            distances: distances.map { matrix in matrix.flatMap { $0 } }, locationCount: n
        )
    }

    /// The solution in VROOM's output shape, with keys sorted so diffs are stable.
    public static func write(_ solution: VRPSolution, for input: Input) -> String {
        let problem = input.problem
        let n = input.locationCount
        func distance(_ a: Int, _ b: Int) -> Int64 {
            guard let distances = input.distances, a < n, b < n else { return 0 }
            return distances[a * n + b]
        }
        var routes: [[String: Any]] = []
        var totals = (cost: Int64(0), service: Int64(0), duration: Int64(0), waiting: Int64(0), distance: Int64(0))
        var delivered = [Int64](repeating: 0, count: problem.dimensions)
        for (v, route) in solution.routes.enumerated() where !route.isEmpty {
            let vehicle = problem.vehicles[v]
            var steps: [[String: Any]] = []
            var location = vehicle.startLocation
            var time = vehicle.shift.earliest
            var travel: Int64 = 0, service: Int64 = 0, waiting: Int64 = 0, meters: Int64 = 0
            var cost = vehicle.fixedCost
            var load = route.reduce(into: [Int64](repeating: 0, count: problem.dimensions)) { sum, job in
                for d in sum.indices { sum[d] += problem.jobs[job].demand[d] }
            }
            for d in delivered.indices { delivered[d] += load[d] }
            if location < n {
                steps.append(["type": "start", "location_index": location, "arrival": time, "duration": 0, "load": load])
            }
            for job in route {
                let j = problem.jobs[job]
                let leg = problem.time(location, j.location)
                travel += leg
                cost += problem.cost(location, j.location)
                meters += distance(location, j.location)
                let arrival = time + leg
                let start = j.earliestStart(arrivingAt: arrival) ?? arrival
                waiting += start - arrival
                for d in load.indices { load[d] -= j.demand[d] }
                steps.append([
                    "type": "job", "id": input.jobIDs[job], "job": input.jobIDs[job], "location_index": j.location,
                    "arrival": arrival, "duration": travel, "service": j.service, "waiting_time": start - arrival, "load": load,
                ])
                service += j.service
                time = start + j.service
                location = j.location
            }
            let back = problem.time(location, vehicle.endLocation)
            travel += back
            cost += problem.cost(location, vehicle.endLocation)
            meters += distance(location, vehicle.endLocation)
            if vehicle.endLocation < n {
                steps.append(["type": "end", "location_index": vehicle.endLocation, "arrival": time + back, "duration": travel, "load": load])
            }
            var entry: [String: Any] = [
                "vehicle": input.vehicleIDs[v], "cost": cost, "service": service, "duration": travel,
                "waiting_time": waiting, "steps": steps,
            ]
            if input.distances != nil { entry["distance"] = meters }
            routes.append(entry)
            totals = (totals.cost + cost, totals.service + service, totals.duration + travel, totals.waiting + waiting, totals.distance + meters)
        }
        var summary: [String: Any] = [
            "cost": totals.cost, "routes": routes.count, "unassigned": solution.unassigned.count, "delivery": delivered,
            "service": totals.service, "duration": totals.duration, "waiting_time": totals.waiting,
        ]
        if input.distances != nil { summary["distance"] = totals.distance }
        let unassigned: [[String: Any]] = solution.unassigned.map { job in
            ["id": input.jobIDs[job], "type": "job", "location_index": problem.jobs[job].location,
             "reason": UnassignedReason.explain(job, in: problem)]
        }
        let object: [String: Any] = ["code": 0, "summary": summary, "unassigned": unassigned, "routes": routes]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted]) else {
            preconditionFailure("the VROOM output holds only numbers, strings, arrays and dictionaries")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
