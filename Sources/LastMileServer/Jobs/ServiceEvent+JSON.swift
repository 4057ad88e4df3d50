import LastMileService

extension ServiceEvent {
    /// The event as a server-sent event's name and JSON fields (seconds, money, counts as numbers).
    var named: (name: String, fields: [String: JSONValue]) {
        switch self {
        case .dayLoaded(let date, let orders, let depots, let vehicles):
            ("day-loaded", ["date": .string(date), "orders": .int(orders), "depots": .int(depots), "vehicles": .int(vehicles)])
        case .roadsReady(let car, let bike, let seconds):
            ("roads-ready", ["car_nodes": .int(car), "bike_nodes": bike.map(JSONValue.int) ?? .null, "seconds": .double(seconds)])
        case .matrix(let locations, let seconds): ("matrix", ["locations": .int(locations), "seconds": .double(seconds)])
        case .solving(let seconds, let cost, let unassigned):
            ("solving", ["seconds": .double(seconds), "cost": .double(cost), "unassigned": .int(unassigned)])
        case .solved(let iterations, let seconds): ("solved", ["iterations": .int(iterations), "seconds": .double(seconds)])
        case .stockRepair(let round, let overdrawn): ("stock-repair", ["round": .int(round), "overdrawn": .int(overdrawn)])
        case .planned(let runs, let unassigned, let checked, let seconds):
            ("planned", ["runs": .int(runs), "unassigned": .int(unassigned), "checked": .bool(checked), "seconds": .double(seconds)])
        case .stored(let date, let version): ("stored", ["date": .string(date), "version": .int(version)])
        case .outputsWritten(let files, let folder): ("outputs-written", ["files": .int(files), "folder": .string(folder)])
        case .inputWritten(let path): ("input-written", ["path": .string(path)])
        case .loaded(let kind, let file, let inserted, let updated):
            ("loaded", ["kind": .string(kind), "file": .string(file), "inserted": .int(inserted), "updated": .int(updated)])
        }
    }
}

/// A JSON value of an event's fields.
enum JSONValue: Encodable, Sendable, Equatable {
    case string(String), int(Int), double(Double), bool(Bool), null

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }
}
