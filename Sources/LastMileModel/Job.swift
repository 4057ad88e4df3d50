import LastMileCore

/// A stop to make: where, how much (per load dimension), how long, and when service may start.
///
/// Load: a ``Kind/delivery`` is loaded at the start depot and unloaded here; a ``Kind/pickup`` is loaded here
/// and carried to the end depot. The two halves of a ``Shipment`` are a pickup and a delivery of the same
/// amount on one vehicle, pickup first; the load is on board only between them.
public struct Job: Hashable, Sendable {
    /// Which way the goods go.
    public enum Kind: String, Hashable, Sendable {
        case delivery
        case pickup
    }

    /// The external id (customer number, order id), used only in input and output.
    public var id: String
    public var kind: Kind
    public var location: LocationIndex
    public var demand: [Int64]
    /// Service duration, time units.
    public var service: Int64
    /// When service may start: one or more windows, sorted and disjoint.
    public var windows: [TimeWindow]
    /// Skills a vehicle must all have to serve the job.
    public var skills: Set<Int>
    /// Importance 0...100 (VROOM's scale): when not every job can be served, higher priorities go first.
    public var priority: Int
    /// When set, the job is optional: leaving it out costs this much (cost units) instead of being avoided at
    /// any price.
    public var unassignedCost: Int64?
    /// When set, only vehicles starting at one of these locations may serve the job (the depots that stock it).
    public var allowedDepots: Set<LocationIndex>?

    public init(
        id: String, kind: Kind = .delivery, location: LocationIndex, demand: [Int64], service: Int64, windows: [TimeWindow],
        skills: Set<Int> = [], priority: Int = 0, unassignedCost: Int64? = nil, allowedDepots: Set<LocationIndex>? = nil
    ) {
        precondition(!windows.isEmpty, "a job needs at least one time window")
        self.id = id
        self.kind = kind
        self.location = location
        self.demand = demand
        self.service = service
        self.windows = windows
        self.skills = skills
        self.priority = priority
        self.unassignedCost = unassignedCost
        self.allowedDepots = allowedDepots
    }

    /// The earliest service start for a vehicle arriving at `arrival`: the arrival itself inside a window, or
    /// the start of the next window (waiting); `nil` after the last window.
    public func earliestStart(arrivingAt arrival: Int64) -> Int64? {
        TimeWindow.earliestStart(in: windows, readyAt: arrival)
    }
}
