import LastMileCore
import LastMileDomain

/// One line of an events file (JSON Lines, UTF-8, one object per line; blank lines are skipped). Every event
/// has `key` (the idempotency key, unique: a retried event is sent with the same key), `at` (the clock time it
/// happened, "HH:MM" or "HH:MM:SS" on the plan's date) and `type`; the other fields depend on the type:
///
/// | type | fields |
/// |---|---|
/// | `position` | `vehicle`, `lat`, `lon` (degrees), optional `heading` (degrees clockwise from north, 0..<360) |
/// | `arrived`, `completed` | `vehicle`, `order` |
/// | `failed` | `vehicle`, `order`, `reason`, `then`: `reattempt` (later in the day) or `return` (back to the depot) |
/// | `delay` | `vehicle`, `minutes` (> 0), optional `reason` |
/// | `road-closure`, `slowdown`, `weather` | `lat`, `lon`, `radius_m` (> 0), `until`; `percent` (speed in % of usual, 1...100; not for closures), optional `note` |
/// | `new-order` | `order`, `customer`, `lat`, `lon`, `window_start`, `window_end`, `service_seconds`, `weight_grams`, `volume_millilitres` |
/// | `cancelled` | `order` |
/// | `breakdown` | `vehicle`, optional `lat`, `lon` |
/// | `shift-change` | `vehicle`, `driver`, optional `shift_end` |
///
/// Example: `{"key":"v3-0007","at":"10:42:10","type":"delay","vehicle":"V03","minutes":15,"reason":"accident"}`.
public struct LiveEventWire: Codable, Hashable, Sendable {
    public var key: String
    public var at: String
    public var type: String
    public var vehicle: String?
    public var order: String?
    public var lat: Double?
    public var lon: Double?
    public var heading: Int?
    public var reason: String?
    public var then: String?
    public var minutes: Int?
    public var radiusMetres: Int?
    public var until: String?
    public var percent: Int?
    public var note: String?
    public var customer: String?
    public var windowStart: String?
    public var windowEnd: String?
    public var serviceSeconds: Int?
    public var weightGrams: Int64?
    public var volumeMillilitres: Int64?
    public var driver: String?
    public var shiftEnd: String?

    enum CodingKeys: String, CodingKey {
        case key, at, type, vehicle, order, lat, lon, heading, reason, then, minutes, until, percent, note, customer, driver
        case radiusMetres = "radius_m", windowStart = "window_start", windowEnd = "window_end", serviceSeconds = "service_seconds"
        case weightGrams = "weight_grams", volumeMillilitres = "volume_millilitres", shiftEnd = "shift_end"
    }

    /// The event types, as written in `type`.
    public static let types = ["position", "arrived", "completed", "failed", "delay", "road-closure", "slowdown", "weather", "new-order",
                               "cancelled", "breakdown", "shift-change"]

    /// The line of `event` (only its type's fields set).
    public init(_ event: LiveEvent) {
        key = event.key
        at = event.at.withSeconds
        switch event.kind {
        case .position(let vehicleID, let coordinate, let heading):
            type = "position"
            vehicle = vehicleID
            (lat, lon, self.heading) = (coordinate.latitude, coordinate.longitude, heading)
        case .arrived(let vehicleID, let orderID):
            (type, vehicle, order) = ("arrived", vehicleID, orderID)
        case .completed(let vehicleID, let orderID):
            (type, vehicle, order) = ("completed", vehicleID, orderID)
        case .failed(let vehicleID, let orderID, let reason, let then):
            (type, vehicle, order, self.reason, self.then) = ("failed", vehicleID, orderID, reason, then.rawValue)
        case .delay(let vehicleID, let minutes, let reason):
            (type, vehicle, self.minutes, self.reason) = ("delay", vehicleID, minutes, reason)
        case .roadCondition(let condition):
            type = condition.kind.rawValue
            (lat, lon, radiusMetres) = (condition.centre.latitude, condition.centre.longitude, condition.radiusMetres)
            until = condition.until.withSeconds
            percent = condition.kind == .closure ? nil : condition.speedPercent
            note = condition.note
        case .newOrder(let new):
            (type, order, customer) = ("new-order", new.id, new.customer)
            (lat, lon) = (new.coordinate.latitude, new.coordinate.longitude)
            (windowStart, windowEnd, serviceSeconds) = (new.windowStart.withSeconds, new.windowEnd.withSeconds, new.serviceSeconds)
            (weightGrams, volumeMillilitres) = (new.load.grams, new.load.millilitres)
        case .cancelled(let orderID):
            (type, order) = ("cancelled", orderID)
        case .breakdown(let vehicleID, let coordinate):
            (type, vehicle, lat, lon) = ("breakdown", vehicleID, coordinate?.latitude, coordinate?.longitude)
        case .shiftChange(let vehicleID, let driver, let shiftEnd):
            (type, vehicle, self.driver, self.shiftEnd) = ("shift-change", vehicleID, driver, shiftEnd?.withSeconds)
        }
    }

    /// The typed event.
    ///
    /// - Throws: ``LiveEventRejection`` naming the missing or wrong field and what to write.
    public func event() throws(LiveEventRejection) -> LiveEvent {
        guard !key.isEmpty else { throw LiveEventRejection(field: "key", "empty idempotency key", hint: "give every event a unique key") }
        let time = try clock(at, field: "at")
        let kind: LiveEvent.Kind
        switch type {
        case "position":
            kind = .position(vehicleID: try required(vehicle, "vehicle"), coordinate: try coordinate(),
                             headingDegrees: try heading.map { value throws(LiveEventRejection) in
                                 guard (0..<360).contains(value) else {
                                     throw LiveEventRejection(field: "heading", "heading \(value) is not in 0..<360", hint: "write degrees clockwise from north")
                                 }
                                 return value
                             })
        case "arrived": kind = .arrived(vehicleID: try required(vehicle, "vehicle"), orderID: try required(order, "order"))
        case "completed": kind = .completed(vehicleID: try required(vehicle, "vehicle"), orderID: try required(order, "order"))
        case "failed":
            guard let followUp = LiveEvent.FailureFollowUp(rawValue: try required(then, "then")) else {
                throw LiveEventRejection(field: "then", "'\(then ?? "")' is not a follow-up", hint: "write reattempt or return")
            }
            kind = .failed(vehicleID: try required(vehicle, "vehicle"), orderID: try required(order, "order"), reason: try required(reason, "reason"),
                           then: followUp)
        case "delay":
            let minutes = try required(minutes, "minutes")
            guard minutes > 0 else { throw LiveEventRejection(field: "minutes", "delay of \(minutes) minutes", hint: "write a positive number of minutes") }
            kind = .delay(vehicleID: try required(vehicle, "vehicle"), minutes: minutes, reason: reason ?? "")
        case "road-closure", "slowdown", "weather":
            let conditionKind = RoadCondition.Kind(rawValue: type)!
            let radius = try required(radiusMetres, "radius_m")
            guard radius > 0 else { throw LiveEventRejection(field: "radius_m", "radius \(radius) m", hint: "write a positive radius in metres") }
            let end = try clock(try required(until, "until"), field: "until")
            guard end > time else { throw LiveEventRejection(field: "until", "until \(end) is not after at \(time)", hint: "write when the condition ends") }
            var speed = 0
            if conditionKind != .closure {
                speed = try required(percent, "percent")
                guard (1...100).contains(speed) else {
                    throw LiveEventRejection(field: "percent", "speed \(speed) % is not in 1...100", hint: "write the speed in % of the usual; a closure is road-closure")
                }
            }
            kind = .roadCondition(RoadCondition(kind: conditionKind, centre: try coordinate(), radiusMetres: radius, from: time, until: end,
                                                speedPercent: speed, note: note ?? ""))
        case "new-order":
            let start = try clock(try required(windowStart, "window_start"), field: "window_start")
            let end = try clock(try required(windowEnd, "window_end"), field: "window_end")
            guard start < end else { throw LiveEventRejection(field: "window_end", "window \(start)–\(end) is empty", hint: "write window_end after window_start") }
            let service = try required(serviceSeconds, "service_seconds")
            let grams = try required(weightGrams, "weight_grams"), millilitres = try required(volumeMillilitres, "volume_millilitres")
            guard service >= 0, grams >= 0, millilitres >= 0 else {
                throw LiveEventRejection(field: "service_seconds", "service time and loads must not be negative", hint: "write 0 or more")
            }
            kind = .newOrder(LiveOrder(
                id: try required(order, "order"), customer: try required(customer, "customer"), coordinate: try coordinate(),
                windowStart: start, windowEnd: end, serviceSeconds: service, load: Load(grams: grams, millilitres: millilitres, parcels: 1)))
        case "cancelled": kind = .cancelled(orderID: try required(order, "order"))
        case "breakdown": kind = .breakdown(vehicleID: try required(vehicle, "vehicle"), coordinate: lat == nil && lon == nil ? nil : try coordinate())
        case "shift-change":
            kind = .shiftChange(vehicleID: try required(vehicle, "vehicle"), driver: try required(driver, "driver"),
                                shiftEnd: try shiftEnd.map { text throws(LiveEventRejection) in try clock(text, field: "shift_end") })
        default:
            throw LiveEventRejection(field: "type", "unknown event type '\(type)'", hint: "use one of " + Self.types.joined(separator: ", "))
        }
        return LiveEvent(key: key, at: time, kind: kind)
    }

    private func required<T>(_ value: T?, _ field: String) throws(LiveEventRejection) -> T {
        guard let value else { throw LiveEventRejection(field: field, "missing field '\(field)' for a \(type) event", hint: "see the events schema in the README") }
        return value
    }

    private func clock(_ text: String, field: String) throws(LiveEventRejection) -> TimeOfDay {
        guard let time = TimeOfDay(parsing: text) else { throw LiveEventRejection(field: field, "'\(text)' is not a clock time", hint: "write HH:MM:SS") }
        return time
    }

    private func coordinate() throws(LiveEventRejection) -> Coordinate {
        let latitude = try required(lat, "lat"), longitude = try required(lon, "lon")
        guard let coordinate = Coordinate(latitude: latitude, longitude: longitude) else {
            throw LiveEventRejection(field: "lat", "\(latitude),\(longitude) is not a position", hint: "write degrees, lat in -90...90, lon in -180...180")
        }
        return coordinate
    }
}
