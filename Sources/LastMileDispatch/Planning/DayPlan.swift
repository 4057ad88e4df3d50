import LastMileCore

/// A planned day: one run per used vehicle, the orders left out with the reason, and what it costs.
public struct DayPlan: Sendable {
    public struct Stop: Hashable, Sendable {
        public var orderID: String
        public var arrival: TimeOfDay
        public var serviceStart: TimeOfDay
        public var departure: TimeOfDay
        /// Metres driven from the previous stop (or the depot).
        public var metresFromPrevious: Int64
    }

    public struct Break: Hashable, Sendable {
        /// Number of stops served before the break.
        public var afterStops: Int
        public var start: TimeOfDay
        public var minutes: Int
    }

    public struct Run: Sendable {
        public var vehicleID: String
        public var typeID: String
        public var carrierID: String
        public var driver: String
        public var depotID: String
        public var endDepotID: String
        /// Shift start (loading begins), departure after loading, arrival back.
        public var loadingStart: TimeOfDay
        public var departure: TimeOfDay
        public var end: TimeOfDay
        public var stops: [Stop]
        public var breaks: [Break]
        public var metres: Int64
        public var driveSeconds: Int64
        public var serviceSeconds: Int64
        public var waitSeconds: Int64
        public var cost: Cents
        /// Load taken from the depot, per dimension (grams, millilitres, parcels).
        public var load: Load
        public var capacity: Load
        public var co2Grams: Int64
        /// The path along the roads, depot to depot.
        public var geometry: [Coordinate]
    }

    public var date: String
    public var runs: [Run]
    /// Orders not served, with the reason in the day's units: clock times, kilograms, depot ids (id, reason).
    public var unassigned: [(orderID: String, reason: String)]
    /// Vehicles of the fleet that could not work this day, with the reason (id, reason).
    public var unusableVehicles: [(vehicleID: String, reason: String)]
    /// Stock taken per depot and SKU by the served orders.
    public var reservations: [(depotID: String, sku: String, quantity: Int)]
    public var seed: UInt64
    public var solverSeconds: Double
    /// Whether the independent plan checker accepted the solver's plan.
    public var checked: Bool

    public var totalCost: Cents { runs.reduce(.zero) { $0 + $1.cost } }
}
