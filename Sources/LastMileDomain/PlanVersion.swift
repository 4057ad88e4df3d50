import LastMileCore

/// A stored plan version.
public struct PlanVersion: Hashable, Sendable {
    /// The database's row id.
    public var id: Int64
    public var date: String
    public var version: Int
    public var status: String
    public var cost: Cents
    public var routes: Int
    public var stops: Int
    public var unassigned: Int

    public init(id: Int64, date: String, version: Int, status: String, cost: Cents, routes: Int, stops: Int, unassigned: Int) {
        self.id = id
        self.date = date
        self.version = version
        self.status = status
        self.cost = cost
        self.routes = routes
        self.stops = stops
        self.unassigned = unassigned
    }
}
