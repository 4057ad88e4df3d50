import LastMileCore

/// A plan version as the database keeps it: what was decided (runs with their stops and breaks, the orders left
/// out with the reason), not the geometry or the solver's internals. Versions are immutable; only `status`
/// moves from `active` to `replaced`.
public struct StoredPlan: Sendable, Hashable {
    public struct Run: Sendable, Hashable {
        public var vehicleID: String
        public var driver: String
        public var depotID: String
        public var endDepotID: String
        public var departure: TimeOfDay
        public var end: TimeOfDay
        public var metres: Int64
        public var cost: Cents
        public var stops: [DayPlan.Stop]
        public var breaks: [DayPlan.Break]
        /// Seconds driving (legs at their travel times); `nil` for plans stored before it was kept.
        public var driveSeconds: Int64?

        public init(
            vehicleID: String, driver: String, depotID: String, endDepotID: String, departure: TimeOfDay, end: TimeOfDay, metres: Int64,
            cost: Cents, stops: [DayPlan.Stop], breaks: [DayPlan.Break], driveSeconds: Int64? = nil
        ) {
            self.driveSeconds = driveSeconds
            self.vehicleID = vehicleID
            self.driver = driver
            self.depotID = depotID
            self.endDepotID = endDepotID
            self.departure = departure
            self.end = end
            self.metres = metres
            self.cost = cost
            self.stops = stops
            self.breaks = breaks
        }
    }

    public var version: PlanVersion
    /// The solver's seed: planning the same day again with it reproduces the plan.
    public var seed: UInt64
    /// Whether the independent checker accepted the plan.
    public var checked: Bool
    /// Runs in vehicle id order.
    public var runs: [Run]
    /// Orders not served, by id, with the reason as the dispatcher read it.
    public var unassigned: [UnassignedOrder]

    public init(version: PlanVersion, seed: UInt64, checked: Bool, runs: [Run], unassigned: [UnassignedOrder]) {
        self.version = version
        self.seed = seed
        self.checked = checked
        self.runs = runs
        self.unassigned = unassigned
    }
}
