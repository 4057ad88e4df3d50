/// What one re-optimisation decided, as the live log records it next to its event: the new remaining stops of
/// each vehicle whose route changed (legs in routed seconds), and the open orders no vehicle can take, with why.
/// ``LiveState/adopting(_:)`` applies it without routing or solving, so replaying the log reproduces the state
/// bit for bit whatever the roads or the solver have become since (the log records the result, not the inputs).
///
/// Invariant: every order of `routes` is a remaining stop or an open order of the state it was computed from.
public struct LiveReroute: Hashable, Sendable, Codable {
    /// One vehicle's remaining stops from its start place and time.
    public struct Route: Hashable, Sendable, Codable {
        public var vehicle: String
        /// When the vehicle leaves its start place (s after midnight): its `readyAt`, or the time of its last
        /// reported position when that is later.
        public var start: Int
        public var stops: [Leg]
        /// Driving time (s) from the last stop (or the start) back to the end depot.
        public var endLegSeconds: Int
        /// Where the vehicle's pending breaks go (``LiveVehicle/pendingBreaks``, in order): the number of
        /// `stops` before each; `nil` for a vehicle without pending breaks.
        public var breaksAfterStops: [Int]?

        public init(vehicle: String, start: Int, stops: [Leg], endLegSeconds: Int, breaksAfterStops: [Int]? = nil) {
            (self.vehicle, self.start, self.stops, self.endLegSeconds) = (vehicle, start, stops, endLegSeconds)
            self.breaksAfterStops = breaksAfterStops
        }
    }

    /// A stop and the driving time (s) to it from the previous place, the vehicle's speed applied.
    public struct Leg: Hashable, Sendable, Codable {
        public var order: String
        public var seconds: Int

        public init(order: String, seconds: Int) {
            (self.order, self.seconds) = (order, seconds)
        }
    }

    /// An order no running vehicle can take, and why: a stop that leaves its vehicle, or an open order whose
    /// reason changes (an order already open for that reason is not listed again).
    public struct Unplaced: Hashable, Sendable, Codable {
        public var order: String
        public var reason: String
    }

    /// Routes that differ from the state's (sequence, legs or start), in vehicle order.
    public var routes: [Route]
    public var unplaced: [Unplaced]
    /// Remaining stops whose vehicle or place in their sequence changed (the stability measure,
    /// ``SequenceChanges``), out of `stops` (every remaining stop and open order considered).
    public var changedStops: Int
    public var stops: Int
    /// Driving time (s) the re-optimisation saved over keeping every sequence (with open orders inserted at
    /// their cheapest place), after the stability rule.
    public var gainSeconds: Int
    /// Solver iterations spent.
    public var iterations: Int

    public init(routes: [Route], unplaced: [Unplaced], changedStops: Int, stops: Int, gainSeconds: Int, iterations: Int) {
        self.routes = routes
        self.unplaced = unplaced
        self.changedStops = changedStops
        self.stops = stops
        self.gainSeconds = gainSeconds
        self.iterations = iterations
    }
}
