import Foundation
import LastMileCore

/// The plan as a GeoJSON FeatureCollection: depots (points), stops (points, in visiting order) and runs
/// (line strings along the roads), each with the properties a map viewer shows. Colours match the HTML map.
public enum PlanGeoJSON {
    public static func make(plan: DayPlan, day: DispatchDay) -> String {
        let orders = Dictionary(uniqueKeysWithValues: day.orders.map { ($0.id, $0) })
        var features: [String] = []
        for depot in day.depots {
            features.append(#"{"type":"Feature","properties":{"kind":"depot","id":\#(jsonString(depot.id)),"name":\#(jsonString(depot.name)),"depot_kind":"\#(depot.kind.rawValue)"},"geometry":{"type":"Point","coordinates":\#(depot.coordinate.geoJSONPosition)}}"#)
        }
        for (index, run) in plan.runs.enumerated() {
            let colour = RouteColours.colour(index)
            let line = run.geometry.map(\.geoJSONPosition).joined(separator: ",")
            features.append(#"{"type":"Feature","properties":{"kind":"route","vehicle":\#(jsonString(run.vehicleID)),"driver":\#(jsonString(run.driver)),"carrier":\#(jsonString(run.carrierID)),"depot":\#(jsonString(run.depotID)),"stops":\#(run.stops.count),"km":\#(FixedPoint.string(Double(run.metres) / 1000, decimals: 1)),"departure":"\#(run.departure)","return":"\#(run.end)","stroke":"\#(colour)"},"geometry":{"type":"LineString","coordinates":[\#(line)]}}"#)
            for (sequence, stop) in run.stops.enumerated() {
                guard let order = orders[stop.orderID] else { continue }
                features.append(#"{"type":"Feature","properties":{"kind":"stop","vehicle":\#(jsonString(run.vehicleID)),"sequence":\#(sequence + 1),"order":\#(jsonString(order.id)),"arrival":"\#(stop.arrival)","window":"\#(order.windowStart)–\#(order.windowEnd)","marker-color":"\#(colour)"},"geometry":{"type":"Point","coordinates":\#(order.coordinate.geoJSONPosition)}}"#)
            }
        }
        for (orderID, reason) in plan.unassigned {
            guard let order = orders[orderID] else { continue }
            features.append(#"{"type":"Feature","properties":{"kind":"unassigned","order":\#(jsonString(orderID)),"reason":\#(jsonString(reason))},"geometry":{"type":"Point","coordinates":\#(order.coordinate.geoJSONPosition)}}"#)
        }
        return "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}\n"
    }
}

/// A fixed palette of distinguishable route colours (cycled).
enum RouteColours {
    static let palette = ["#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#9a6324", "#469990",
                          "#808000", "#000075", "#e6a100", "#bfef45", "#800000", "#aaffc3", "#dcbeff"]

    static func colour(_ index: Int) -> String { palette[index % palette.count] }
}
