import LastMileDomain

/// What a simulated day did, per run and in total. Times are seconds after the day's midnight (JSON: integers),
/// distances metres, loads grams / millilitres / parcels.
public struct SimulationReport: Sendable, Hashable, Encodable {
    /// One attempt at a customer's door.
    public struct Visit: Sendable, Hashable, Encodable {
        public enum Outcome: String, Sendable, Hashable, Encodable {
            case delivered
            /// Customer absent; the stop goes again later in the run.
            case failedReattempt = "failed-reattempt"
            /// Customer absent; the parcel goes back to the depot.
            case failedReturn = "failed-return"
            /// No road reached the address at that time; the parcel goes back to the depot.
            case unreachable
        }

        public var orderID: String
        public var attempt: Int
        public var outcome: Outcome
        /// The plan's arrival, `nil` for an order the plan did not have on this vehicle.
        public var plannedArrival: TimeOfDay?
        public var arrival: TimeOfDay
        public var serviceStart: TimeOfDay
        public var departure: TimeOfDay
        public var windowEnd: TimeOfDay
        /// Seconds service started after the window end (0 when on time; only for deliveries).
        public var latenessSeconds: Int
        /// What was on board when the vehicle left the stop.
        public var onBoardGrams: Int64, onBoardMillilitres: Int64, onBoardParcels: Int64
    }

    /// Sums over runs (or one run).
    public struct Totals: Sendable, Hashable, Encodable {
        public var stopsServed = 0
        /// Deliveries whose service started after the window end.
        public var lateStops = 0
        public var latenessSeconds = 0
        /// Attempts that failed (customer absent, no road).
        public var failedAttempts = 0
        public var metres: Int64 = 0
        public var driveSeconds = 0
        public var serviceSeconds = 0
        public var waitSeconds = 0
        public var breakSeconds = 0
        /// From the start of loading at the depot to the return (or the breakdown).
        public var paidSeconds = 0
        /// Beyond the driver's end of shift.
        public var overtimeSeconds = 0

        public init() {}

        static func + (a: Totals, b: Totals) -> Totals {
            var sum = a
            sum.stopsServed += b.stopsServed
            sum.lateStops += b.lateStops
            sum.latenessSeconds += b.latenessSeconds
            sum.failedAttempts += b.failedAttempts
            sum.metres += b.metres
            sum.driveSeconds += b.driveSeconds
            sum.serviceSeconds += b.serviceSeconds
            sum.waitSeconds += b.waitSeconds
            sum.breakSeconds += b.breakSeconds
            sum.paidSeconds += b.paidSeconds
            sum.overtimeSeconds += b.overtimeSeconds
            return sum
        }
    }

    /// One vehicle's day.
    public struct Run: Sendable, Hashable, Encodable {
        public enum Ending: String, Sendable, Hashable, Encodable {
            case returned
            case brokenDown = "broken-down"
        }

        public var vehicleID: String
        /// Start of loading (paid from here), departure from the depot, return or breakdown.
        public var start: TimeOfDay, departure: TimeOfDay, end: TimeOfDay
        public var ending: Ending
        public var shiftEnd: TimeOfDay?
        public var visits: [Visit]
        public var totals: Totals
    }

    /// An order no vehicle delivered, and why.
    public struct Unserved: Sendable, Hashable, Encodable {
        public var orderID: String
        public var reason: String
    }

    /// How much the re-routing moved stops around.
    public struct Stability: Sendable, Hashable, Encodable {
        /// Times the policy re-planned (once per disturbance that reached a running day).
        public var reroutes = 0
        /// Mean over reroutes of the share of remaining stops whose vehicle or place in their sequence changed
        /// (a stop keeps its place when it stays on its vehicle after the same stop among those that stayed, as
        /// branch `live`'s stability rule counts: an inserted stop moves no other), against the state the event
        /// alone makes.
        public var meanChangedShare = 0.0
        /// Stops that changed vehicle or place, over all reroutes.
        public var changedStops = 0
    }

    public var date: String
    public var planVersion: Int
    /// The policy's name: `static` (the plan's sequences kept) or the re-router's.
    public var policy: String
    public var noise: Double
    public var seed: UInt64
    /// Disturbances applied, and those skipped (their vehicle had returned or broken down before).
    public var disturbancesApplied: Int, disturbancesSkipped: Int
    public var runs: [Run]
    public var total: Totals
    /// By order id.
    public var unserved: [Unserved]
    public var stability: Stability
}
