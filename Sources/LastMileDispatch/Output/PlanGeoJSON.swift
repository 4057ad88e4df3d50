import LastMileCore
import LastMileDomain
import LastMileGeo

/// The plan as a GeoJSON FeatureCollection: depots (points), stops (points, in visiting order) and runs
/// (line strings along the roads), each with the properties a map viewer shows. Colours match the HTML map.
public enum PlanGeoJSON {
    /// The properties of every kind of feature; a kind leaves the others' fields out.
    struct Properties: Encodable {
        var kind: String
        var id: String?, name: String?, depotKind: String?
        var vehicle: String?, driver: String?, carrier: String?, depot: String?
        var stops: Int?
        /// Run length, km rounded to 0.1.
        var km: Double?
        var departure: String?, returnTime: String?, stroke: String?
        /// 1-based position of the stop in its run.
        var sequence: Int?
        var order: String?, arrival: String?, window: String?, markerColour: String?, reason: String?

        private enum CodingKeys: String, CodingKey {
            case kind, id, name, depotKind = "depot_kind", vehicle, driver, carrier, depot, stops, km, departure
            case returnTime = "return", stroke, sequence, order, arrival, window, markerColour = "marker-color", reason
        }
    }

    typealias Collection = GeoJSONFeatureCollection<Properties>

    public static func make(plan: DayPlan, day: DispatchDay) throws -> String {
        let orders = Dictionary(uniqueKeysWithValues: day.orders.map { ($0.id, $0) })
        var features: [Collection.Feature] = []
        for depot in day.depots {
            let properties = Properties(kind: "depot", id: depot.id, name: depot.name, depotKind: depot.kind.rawValue)
            features.append(.init(properties: properties, geometry: .point(depot.coordinate)))
        }
        for (index, run) in plan.runs.enumerated() {
            let colour = RouteColours.colour(index)
            let properties = Properties(
                kind: "route", vehicle: run.vehicleID, driver: run.driver, carrier: run.carrierID, depot: run.depotID,
                stops: run.stops.count, km: (Double(run.metres) / 100).rounded() / 10, departure: "\(run.departure)",
                returnTime: "\(run.end)", stroke: colour
            )
            features.append(.init(properties: properties, geometry: .lineString(run.geometry)))
            for (sequence, stop) in run.stops.enumerated() {
                guard let order = orders[stop.orderID] else { continue }
                let properties = Properties(
                    kind: "stop", vehicle: run.vehicleID, sequence: sequence + 1, order: order.id, arrival: "\(stop.arrival)",
                    window: "\(order.windowStart)–\(order.windowEnd)", markerColour: colour
                )
                features.append(.init(properties: properties, geometry: .point(order.coordinate)))
            }
        }
        for (orderID, reason) in plan.unassigned.map({ ($0.orderID, $0.reason) }) {
            guard let order = orders[orderID] else { continue }
            let properties = Properties(kind: "unassigned", order: orderID, reason: reason)
            features.append(.init(properties: properties, geometry: .point(order.coordinate)))
        }
        return try OutputJSON.text(Collection(features: features), pretty: false)
    }
}
