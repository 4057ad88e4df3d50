import Foundation
import LastMileCore

extension VroomFormat {
    /// Reads a solution in VROOM's output shape against the problem it solves: each route's `vehicle` id names
    /// the vehicle, its `job`, `pickup` and `delivery` steps (by `type` and `id`) name the jobs in visiting
    /// order; `start`, `end` and `break` steps, costs and times are ignored (the checker recomputes them). Jobs no
    /// route names are unassigned.
    public static func readSolution(_ data: Data, name: String, for input: Input) throws -> VRPSolution {
        let decoded: DecodedSolution
        do {
            decoded = try JSONDecoder().decode(DecodedSolution.self, from: data)
        } catch let error as DecodingError {
            throw ModelInputError(file: name, "not a VROOM solution: \(error.readableDescription)")
        }
        let problem = input.problem
        let vehicleIndex = Dictionary(input.vehicleIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let jobIndex = Dictionary(
            input.jobIDs.indices.map { ("\(input.jobTypes[$0]) \(input.jobIDs[$0])", JobIndex($0)) }, uniquingKeysWith: { first, _ in first })
        var routes = [[JobIndex]](repeating: [], count: problem.vehicles.count)
        var named = Set<JobIndex>()
        for route in decoded.routes {
            guard let v = vehicleIndex[route.vehicle] else { throw ModelInputError(file: name, "vehicle \(route.vehicle) is not in the problem") }
            guard routes[v].isEmpty else { throw ModelInputError(file: name, "vehicle \(route.vehicle) has two routes") }
            for step in route.steps where ["job", "pickup", "delivery"].contains(step.type) {
                guard let id = step.id, let job = jobIndex["\(step.type) \(id)"] else {
                    throw ModelInputError(file: name, "\(step.type) \(step.id.map(String.init) ?? "without id") is not in the problem")
                }
                guard named.insert(job).inserted else { throw ModelInputError(file: name, "\(step.type) \(id) appears twice") }
                routes[v].append(job)
            }
        }
        return VRPSolution(routes: routes, unassigned: JobIndex.all(problem.jobs.count).filter { !named.contains($0) })
    }

    /// The parts of a VROOM solution the reader needs.
    private struct DecodedSolution: Decodable {
        struct Route: Decodable {
            var vehicle: Int64
            var steps: [Step]
        }
        struct Step: Decodable {
            var type: String
            var id: Int64?
        }
        var routes: [Route]
    }
}
