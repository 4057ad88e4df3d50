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

        public init(orderID: String, arrival: TimeOfDay, serviceStart: TimeOfDay, departure: TimeOfDay, metresFromPrevious: Int64) {
            self.orderID = orderID
            self.arrival = arrival
            self.serviceStart = serviceStart
            self.departure = departure
            self.metresFromPrevious = metresFromPrevious
        }
    }

    public struct Break: Hashable, Sendable {
        /// Number of stops served before the break.
        public var afterStops: Int
        public var start: TimeOfDay
        public var minutes: Int

        public init(afterStops: Int, start: TimeOfDay, minutes: Int) {
            self.afterStops = afterStops
            self.start = start
            self.minutes = minutes
        }
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

        public init(
            vehicleID: String, typeID: String, carrierID: String, driver: String, depotID: String, endDepotID: String, loadingStart: TimeOfDay,
            departure: TimeOfDay, end: TimeOfDay, stops: [DayPlan.Stop], breaks: [DayPlan.Break], metres: Int64, driveSeconds: Int64,
            serviceSeconds: Int64, waitSeconds: Int64, cost: Cents, load: Load, capacity: Load, co2Grams: Int64, geometry: [Coordinate]
        ) {
            self.vehicleID = vehicleID
            self.typeID = typeID
            self.carrierID = carrierID
            self.driver = driver
            self.depotID = depotID
            self.endDepotID = endDepotID
            self.loadingStart = loadingStart
            self.departure = departure
            self.end = end
            self.stops = stops
            self.breaks = breaks
            self.metres = metres
            self.driveSeconds = driveSeconds
            self.serviceSeconds = serviceSeconds
            self.waitSeconds = waitSeconds
            self.cost = cost
            self.load = load
            self.capacity = capacity
            self.co2Grams = co2Grams
            self.geometry = geometry
        }
    }

    public var date: String
    public var runs: [Run]
    /// Orders not served, by order id, with the reason in the day's units: clock times, kilograms, depot ids.
    public var unassigned: [UnassignedOrder]
    /// Vehicles of the fleet that could not work this day, with the reason.
    public var unusableVehicles: [UnusableVehicle]
    /// Stock taken per depot and SKU by the served orders, by depot id and SKU.
    public var reservations: [StockReservation]
    public var seed: UInt64
    public var solverSeconds: Double
    /// Whether the independent plan checker accepted the solver's plan.
    public var checked: Bool

    public init(
        date: String, runs: [Run], unassigned: [UnassignedOrder], unusableVehicles: [UnusableVehicle], reservations: [StockReservation],
        seed: UInt64, solverSeconds: Double, checked: Bool
    ) {
        self.date = date
        self.runs = runs
        self.unassigned = unassigned
        self.unusableVehicles = unusableVehicles
        self.reservations = reservations
        self.seed = seed
        self.solverSeconds = solverSeconds
        self.checked = checked
    }

    public var totalCost: Cents { runs.reduce(.zero) { $0 + $1.cost } }
}
