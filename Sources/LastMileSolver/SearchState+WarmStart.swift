import LastMileCore
import LastMileModel

extension SearchState {
    /// The solution with `routes[v]` as vehicle `v`'s jobs (in order) and every other job unassigned: a warm
    /// start from a plan under way. Vehicles beyond `routes.count` start empty.
    init(data: SolverData, routes: [[JobIndex]]) {
        self.init(data: data)
        precondition(routes.count <= self.routes.count, "warm start has \(routes.count) routes for \(self.routes.count) vehicles")
        for (vehicle, jobs) in routes.enumerated() where !jobs.isEmpty {
            for job in jobs {
                precondition(routeOf[job.position] < 0, "job \(job.position) is twice in the warm start")
                routeOf[job.position] = Int32(vehicle)
            }
            self.routes[vehicle].replaceJobs(jobs.map { Int32($0.position) }, data: data)
        }
        unassigned = unassigned.filter { routeOf[$0] < 0 }
    }
}
