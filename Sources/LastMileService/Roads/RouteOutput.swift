import LastMileCore
import LastMileGeo
import LastMileGraph
import LastMileRouting

/// Route output in GeoJSON or as encoded polylines.
public enum RouteOutput {
    /// The formats a route is written in.
    public enum Format: String, Sendable, CaseIterable {
        case geojson, polyline5, polyline6
    }

    /// The route with its legs (seconds, metres) and snapped stops, in `format`.
    public static func render(_ route: Route, stops: [SnappedPoint], format: Format) -> String {
        let legs = route.legs.map { "{\"duration\":\(thousandths($0.cost.time)),\"distance\":\(thousandths($0.cost.length))}" }
            .joined(separator: ",")
        switch format {
        case .polyline5, .polyline6:
            let precision = format == .polyline5 ? 5 : 6
            return "{\"duration\":\(thousandths(route.cost.time)),\"distance\":\(thousandths(route.cost.length)),"
                + "\"geometry\":\(jsonString(EncodedPolyline.encode(route.geometry, precision: precision))),\"legs\":[\(legs)]}"
        case .geojson:
            let line = route.geometry.map(\.geoJSONPosition).joined(separator: ",")
            let points = stops.enumerated().map { index, stop in
                "{\"type\":\"Feature\",\"properties\":{\"stop\":\(index),\"snap_distance\":\(FixedPoint.string(stop.distanceMeters, decimals: 3))},"
                    + "\"geometry\":{\"type\":\"Point\",\"coordinates\":\(stop.coordinate.geoJSONPosition)}}"
            }
            let routeFeature = "{\"type\":\"Feature\",\"properties\":{\"duration\":\(thousandths(route.cost.time)),"
                + "\"distance\":\(thousandths(route.cost.length)),\"legs\":[\(legs)]},"
                + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[\(line)]}}"
            return "{\"type\":\"FeatureCollection\",\"features\":[" + ([routeFeature] + points).joined(separator: ",") + "]}"
        }
    }

    /// Thousandths as a decimal: ms → s, mm → m.
    private static func thousandths(_ value: UInt64) -> String { FixedPoint.string(Int64(value), decimals: 3) }
}
