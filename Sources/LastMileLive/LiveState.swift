import LastMileCore
import LastMileDomain

/// The live plan of one date: built from a stored plan version (``init(plan:day:)``) and moved on only by
/// ``apply(_:)``, one event at a time, as a value-type state machine: no printing, no SQL, no clock reads.
/// Replaying the same events from the same plan gives an equal state (`==`), bit for bit.
///
/// `revision` counts the events applied: revision 0 is the committed plan.
public struct LiveState: Hashable, Sendable {
    public var date: String
    public var planVersion: Int
    public var revision: Int
    /// The latest event time seen; events older than ``lateTolerance`` before it are refused.
    public var clock: TimeOfDay
    /// One per run of the plan, in vehicle id order.
    public var vehicles: [LiveVehicle]
    /// Orders no vehicle serves now (left out by the plan, new, or off a broken-down vehicle), in arrival order.
    public var openOrders: [OpenOrder]
    /// Cancelled orders, in cancellation order.
    public var cancelled: [String]
    /// Road conditions reported so far, for the re-optimiser, in report order.
    public var roadConditions: [RoadCondition]

    /// How far (s) an event may lie before the live clock and still apply: reports from several devices arrive
    /// slightly out of order. Older events are refused.
    public static let lateTolerance = 300

    /// The state at revision 0: every run of `plan` as planned, each vehicle at its depot at departure with the
    /// load of all its stops; the orders' windows, customers, places, loads and service times from `day` (an
    /// order missing from it, which the store's foreign keys rule out, gets the whole day as its window).
    public init(plan: StoredPlan, day: DispatchDay) {
        let orders = Dictionary(day.orders.map { ($0.id, LiveOrder($0)) }, uniquingKeysWith: { first, _ in first })
        let depots = Dictionary(day.depots.map { ($0.id, $0.coordinate) }, uniquingKeysWith: { first, _ in first })
        let shiftEnds = Dictionary(day.vehicles.map { ($0.id, $0.shiftEnd) }, uniquingKeysWith: { first, _ in first })
        let types = Dictionary(day.vehicleTypes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let vehicleTypes = Dictionary(day.vehicles.map { ($0.id, types[$0.typeID]) }, uniquingKeysWith: { first, _ in first })
        let breakRules = Dictionary(day.vehicles.map { ($0.id, $0.driverBreak) }, uniquingKeysWith: { first, _ in first })
        date = plan.version.date
        planVersion = plan.version.version
        revision = 0
        clock = TimeOfDay(seconds: 0)
        vehicles = plan.runs.map { run in
            // Legs without the breaks: a leg after a break starts at the break's end.
            var previous = run.departure
            func afterBreaks(_ stopsDone: Int) {
                for pause in run.breaks where pause.afterStops == stopsDone { previous = max(previous, pause.start.adding(seconds: pause.minutes * 60)) }
            }
            let stops = run.stops.enumerated().map { index, planned in
                afterBreaks(index)
                defer { previous = planned.departure }
                return LiveStop(order: orders[planned.orderID] ?? LiveOrder(missing: planned.orderID), legSeconds: planned.arrival.seconds - previous.seconds,
                                eta: planned.arrival)
            }
            afterBreaks(run.stops.count)
            let rule = breakRules[run.vehicleID] ?? nil
            let breaks = run.breaks.map { pause in
                LiveBreak(afterAttempts: pause.afterStops, earliest: rule?.earliest ?? TimeOfDay(seconds: 0),
                          latest: max(rule?.latest ?? pause.start, rule?.earliest ?? TimeOfDay(seconds: 0)), minutes: pause.minutes)
            }
            var vehicle = LiveVehicle(
                vehicleID: run.vehicleID, driver: run.driver, depotID: run.depotID, endDepotID: run.endDepotID, endPlace: depots[run.endDepotID] ?? depots[run.depotID], shiftEnd: shiftEnds[run.vehicleID],
                status: .running, position: depots[run.depotID].map { LiveVehicle.Position(coordinate: $0, headingDegrees: nil, at: run.departure) },
                time: run.departure, readyAt: run.departure, load: stops.reduce(.empty) { $0 + $1.order.load },
                capacity: vehicleTypes[run.vehicleID]??.capacity ?? Load(grams: 1 << 40, millilitres: 1 << 40, parcels: 1 << 40),
                speedFactor: vehicleTypes[run.vehicleID]??.liveSpeedFactor ?? 1, executed: [], current: nil,
                remaining: stops, returning: [], endLegSeconds: run.end.seconds - previous.seconds, endETA: run.end, breaks: breaks)
            vehicle.reschedule()
            return vehicle
        }
        openOrders = plan.unassigned.map { OpenOrder(order: orders[$0.orderID] ?? LiveOrder(missing: $0.orderID), reason: $0.reason) }
        cancelled = []
        roadConditions = []
    }

    /// Every customer whose window is at risk now, vehicle by vehicle in route order.
    public var atRisk: [AtRiskStop] { vehicles.flatMap(\.atRisk) }

    /// Applies the events in order from this state (a replay of the log).
    ///
    /// - Throws: the first event's ``LiveEventRejection``; the state is then not changed.
    public func replaying(_ events: [LiveEvent]) throws(LiveEventRejection) -> LiveState {
        var state = self
        for event in events { state = try state.apply(event).state }
        return state
    }
}
