import Hummingbird
import LastMileCore
import LastMileDomain
import LastMileService

/// `GET /v1/plans/{date}/geojson`: the active plan as a GeoJSON FeatureCollection (`application/geo+json`) for
/// the console and any GIS: the depots of the runs the key may read (`kind: depot`), each run as a LineString
/// from its depot through its stops to its end depot (`kind: run`; straight legs — the roads are the base
/// layer's), and each stop (`kind: stop`, `sequence` from 1, arrival and window `HH:MM:SS`). Coordinates are
/// `[lon, lat]`; only the runs the key may read.
struct PlanGeoJSONEndpoint {
    let service: LastMileService

    func register(on router: Router<LastMileRequestContext>) {
        router.get("v1/plans/:date/geojson") { _, context in
            let identity = try context.requireIdentity()
            let date = try context.parameters.require("date")
            let plan = try requiringPlan(of: date) { () throws(LastMileError) in try service.storedPlan(date: date) }
            let day = try service.dispatchDay(date: date)
            let carriers = Dictionary(day.vehicles.map { ($0.id, $0.carrierID) }, uniquingKeysWith: { first, _ in first })
            let runs = plan.runs.filter { identity.role.reads(depotID: $0.depotID, carrierID: carriers[$0.vehicleID] ?? "") }
            var response = try JSONCoding.response(Self.collection(runs, day: day, carriers: carriers, version: plan.version.version))
            response.headers[.contentType] = "application/geo+json"
            return response
        }
    }

    struct Geometry: Encodable {
        var type: String
        var coordinates: Coordinates
    }

    enum Coordinates: Encodable {
        case point([Double]), line([[Double]])

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .point(let point): try container.encode(point)
            case .line(let line): try container.encode(line)
            }
        }
    }

    struct Feature: Encodable {
        var type = "Feature"
        var geometry: Geometry
        var properties: [String: String]
    }

    struct Collection: Encodable {
        var type = "FeatureCollection"
        var date: String, version: Int
        var features: [Feature]
    }

    static func collection(_ runs: [StoredPlan.Run], day: DispatchDay, carriers: [String: String], version: Int) -> Collection {
        let depots = Dictionary(day.depots.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let orders = Dictionary(day.orders.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func point(_ coordinate: Coordinate) -> [Double] { [coordinate.longitude, coordinate.latitude] }
        var features: [Feature] = []
        let usedDepots = Set(runs.flatMap { [$0.depotID, $0.endDepotID] })
        for depot in day.depots where usedDepots.contains(depot.id) {
            features.append(Feature(geometry: Geometry(type: "Point", coordinates: .point(point(depot.coordinate))),
                                    properties: ["kind": "depot", "id": depot.id, "name": depot.name, "depot_kind": depot.kind.rawValue]))
        }
        for run in runs {
            let stops = run.stops.compactMap { stop in orders[stop.orderID].map { (stop, $0) } }
            let line = [depots[run.depotID]].compactMap { $0.map { point($0.coordinate) } } + stops.map { point($0.1.coordinate) }
                + [depots[run.endDepotID]].compactMap { $0.map { point($0.coordinate) } }
            features.append(Feature(geometry: Geometry(type: "LineString", coordinates: .line(line)), properties: [
                "kind": "run", "vehicle": run.vehicleID, "driver": run.driver, "depot": run.depotID, "carrier": carriers[run.vehicleID] ?? "",
                "stops": String(run.stops.count), "departure": run.departure.clock, "end": run.end.clock,
            ]))
            for (index, (stop, order)) in stops.enumerated() {
                features.append(Feature(geometry: Geometry(type: "Point", coordinates: .point(point(order.coordinate))), properties: [
                    "kind": "stop", "vehicle": run.vehicleID, "sequence": String(index + 1), "order": order.id, "customer": order.customer,
                    "arrival": stop.arrival.clock, "window_start": order.windowStart.clock, "window_end": order.windowEnd.clock,
                ]))
            }
        }
        return Collection(date: day.date, version: version, features: features)
    }
}
