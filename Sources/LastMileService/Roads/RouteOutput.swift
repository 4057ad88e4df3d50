import Foundation
import LastMileCore
import LastMileGeo
import LastMileGraph
import LastMileRouting

/// Route output in GeoJSON or as encoded polylines, from Encodable models; times in seconds and lengths in
/// metres exactly to the millisecond and millimetre.
public enum RouteOutput {
    /// The formats a route is written in.
    public enum Format: String, Sendable, CaseIterable {
        case geojson, polyline5, polyline6
    }

    /// The duration (s) and distance (m) of a route or one of its legs.
    struct Leg: Encodable {
        var duration: GeoJSONNumber
        var distance: GeoJSONNumber

        init(_ cost: PathCost) {
            duration = GeoJSONNumber(scaled: Int64(cost.time), decimals: 3)
            distance = GeoJSONNumber(scaled: Int64(cost.length), decimals: 3)
        }
    }

    /// The properties of the route's line (duration, distance, legs) or of a stop (its index and how far it
    /// was snapped, m).
    struct Properties: Encodable {
        var duration: GeoJSONNumber?, distance: GeoJSONNumber?, legs: [Leg]?
        var stop: Int?, snapDistance: GeoJSONNumber?

        private enum CodingKeys: String, CodingKey { case duration, distance, legs, stop, snapDistance = "snap_distance" }
    }

    /// The polyline formats' object: the route's totals, its encoded line and its legs.
    struct EncodedRoute: Encodable {
        var duration: GeoJSONNumber, distance: GeoJSONNumber, geometry: String, legs: [Leg]
    }

    /// The route with its legs (seconds, metres) and snapped stops, in `format`.
    public static func render(_ route: Route, stops: [SnappedPoint], format: Format) -> String {
        let total = Leg(route.cost), legs = route.legs.map { Leg($0.cost) }
        switch format {
        case .polyline5, .polyline6:
            let line = EncodedPolyline.encode(route.geometry, precision: format == .polyline5 ? 5 : 6)
            return json(EncodedRoute(duration: total.duration, distance: total.distance, geometry: line, legs: legs))
        case .geojson:
            typealias Collection = GeoJSONFeatureCollection<Properties>
            let line = Collection.Feature(properties: Properties(duration: total.duration, distance: total.distance, legs: legs),
                                          geometry: .lineString(route.geometry))
            let points = stops.enumerated().map { index, stop in
                Collection.Feature(properties: Properties(stop: index, snapDistance: GeoJSONNumber(stop.distanceMeters, decimals: 3)),
                                   geometry: .point(stop.coordinate))
            }
            return json(Collection(features: [line] + points))
        }
    }

    /// `value` as compact JSON with sorted keys.
    private static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            // Numbers, strings and arrays of them always encode.
            preconditionFailure("route JSON could not be encoded: \(error)")
        }
    }
}
