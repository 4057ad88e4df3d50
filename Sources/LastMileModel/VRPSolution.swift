import LastMileCore

/// An assignment of jobs to vehicles: `routes[v]` (v a ``VehicleIndex`` position) lists jobs in visiting order (empty = unused).
public struct VRPSolution: Hashable, Sendable {
    public var routes: [[JobIndex]]
    /// Jobs no route serves.
    public var unassigned: [JobIndex]

    public init(routes: [[JobIndex]], unassigned: [JobIndex]) {
        self.routes = routes
        self.unassigned = unassigned
    }

    public var usedVehicles: Int { routes.filter { !$0.isEmpty }.count }
}
