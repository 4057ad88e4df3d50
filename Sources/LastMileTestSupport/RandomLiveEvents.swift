import LastMileCore
import LastMileDomain
import LastMileLive

/// Seeded random events for a live state, as a day's devices would send them: mostly stop progress, positions
/// and delays of running vehicles, now and then a failed delivery, a road condition, a new or cancelled order,
/// a shift change or a breakdown. Each event suits the state it is drawn for (so it applies), times move on by
/// 0–2 minutes, places lie near the vehicles (any map); keys are `prefix-N`.
public struct RandomLiveEvents {
    public var generator: SplitMix64
    public var prefix: String
    private var count = 0

    public init(seed: UInt64, prefix: String = "random") {
        generator = SplitMix64(seed: seed)
        self.prefix = prefix
    }

    /// The next event for `state`.
    public mutating func next(for state: LiveState) -> LiveEvent {
        count += 1
        let at = TimeOfDay(seconds: max(state.clock.seconds, state.vehicles.map(\.time.seconds).min() ?? 0) + Int.random(in: 0...120, using: &generator))
        let key = "\(prefix)-\(count)"
        let running = state.vehicles.filter { $0.status == .running }
        let roll = Int.random(in: 0..<100, using: &generator)
        guard let vehicle = running.randomElement(using: &generator), roll < 90 else {
            let centre = near(running.randomElement(using: &generator)?.position?.coordinate ?? Self.sampleTown, by: 10_000)
            switch roll % 5 {
            case 0:
                return LiveEvent(key: key, at: at, kind: .roadCondition(RoadCondition(
                    kind: .slowdown, centre: centre, radiusMetres: 500, from: at, until: at.adding(seconds: 3600), speedPercent: 60, note: "queue")))
            case 1:
                return LiveEvent(key: key, at: at, kind: .newOrder(LiveOrder(
                    id: "NEW-\(key)", customer: "walk-in \(count)", coordinate: centre, windowStart: at, windowEnd: at.adding(seconds: 7200),
                    serviceSeconds: 120, load: Load(grams: 1000, millilitres: 2000, parcels: 1))))
            case 2:
                if let stop = running.flatMap(\.remaining).randomElement(using: &generator) {
                    return LiveEvent(key: key, at: at, kind: .cancelled(orderID: stop.order.id))
                }
                return LiveEvent(key: key, at: at, kind: .roadCondition(RoadCondition(
                    kind: .closure, centre: centre, radiusMetres: 200, from: at, until: at.adding(seconds: 1800), speedPercent: 0, note: "works")))
            case 3 where running.count > 1:
                return LiveEvent(key: key, at: at, kind: .breakdown(vehicleID: running[0].vehicleID, coordinate: centre))
            default:
                return LiveEvent(key: key, at: at, kind: .shiftChange(vehicleID: running.last?.vehicleID ?? state.vehicles[0].vehicleID,
                                                                      driver: "relief \(count)", shiftEnd: at.adding(seconds: 4 * 3600)))
            }
        }
        let id = vehicle.vehicleID
        if let current = vehicle.current {
            if roll < 60 { return LiveEvent(key: key, at: at, kind: .completed(vehicleID: id, orderID: current.order.id)) }
            if roll < 70 {
                let then: LiveEvent.FailureFollowUp = roll % 2 == 0 ? .reattempt : .returnToDepot
                return LiveEvent(key: key, at: at, kind: .failed(vehicleID: id, orderID: current.order.id, reason: "customer absent", then: then))
            }
        } else if let stop = vehicle.remaining.first, roll < 60 {
            return LiveEvent(key: key, at: at, kind: roll < 45 ? .arrived(vehicleID: id, orderID: stop.order.id) : .completed(vehicleID: id, orderID: stop.order.id))
        }
        if roll < 80 {
            let coordinate = near(vehicle.position?.coordinate ?? Self.sampleTown, by: 5_000)
            return LiveEvent(key: key, at: at, kind: .position(vehicleID: id, coordinate: coordinate, headingDegrees: Int.random(in: 0..<360, using: &generator)))
        }
        return LiveEvent(key: key, at: at, kind: .delay(vehicleID: id, minutes: Int.random(in: 1...20, using: &generator), reason: "traffic"))
    }

    /// Where events happen when no vehicle has a position: the sample town.
    static let sampleTown = Coordinate(latitudeE7: 470_100_000, longitudeE7: 80_000_000)

    /// A place up to `e7` units of 10⁻⁷ degree from `place` in each direction (10,000 ≈ 1.1 km north–south): events
    /// happen where the vehicles are, on any map.
    private mutating func near(_ place: Coordinate, by e7: Int32) -> Coordinate {
        Coordinate(latitudeE7: place.latitudeE7 + Int32.random(in: -e7...e7, using: &generator),
                   longitudeE7: place.longitudeE7 + Int32.random(in: -e7...e7, using: &generator))
    }
}
