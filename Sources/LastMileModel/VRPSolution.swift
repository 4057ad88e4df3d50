/// An assignment of jobs to vehicles: `routes[v]` lists job indices in visiting order (empty = unused).
public struct VRPSolution: Hashable, Sendable {
    public var routes: [[Int]]
    /// Jobs no route serves.
    public var unassigned: [Int]

    public init(routes: [[Int]], unassigned: [Int]) {
        self.routes = routes
        self.unassigned = unassigned
    }

    public var usedVehicles: Int { routes.filter { !$0.isEmpty }.count }
}
