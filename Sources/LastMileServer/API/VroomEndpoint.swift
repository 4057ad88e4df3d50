import Foundation
import Hummingbird
import LastMileCore
import LastMileService
import LastMileSolver

/// VROOM compatibility as vroom-express serves it: `POST /` (and `POST /vroom`) with a VROOM problem, answered
/// with VROOM's solution shape. Problems with coordinates but no matrices get them from the loaded roads.
/// The solver runs for the server's `--vroom-time-limit` (seconds) on one core, seeded (`--seed`).
struct VroomEndpoint {
    let roads: LoadedRoads?
    let timeLimit: Double
    let seed: UInt64

    func register(on router: Router<LastMileRequestContext>) {
        for path in ["", "vroom"] {
            router.post(RouterPath(path)) { request, context in
                _ = try context.requireIdentity()
                let body = try await JSONCoding.body(request, context: context)
                let configuration = {
                    var configuration = SolverConfiguration(seed: seed, timeLimit: timeLimit)
                    configuration.threads = 1
                    return configuration
                }()
                let roads = self.roads
                let solution = try await offloaded { () throws -> String in
                    do { return try VroomRequest.solve(body, roads: roads, configuration: configuration) } catch let error as LastMileError { throw error.api }
                }
                ServerMetrics.vroomSolved()
                var headers = HTTPFields()
                headers[.contentType] = "application/json; charset=utf-8"
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: solution)))
            }
        }
    }
}
