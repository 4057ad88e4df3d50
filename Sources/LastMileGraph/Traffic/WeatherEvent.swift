import Foundation
import LastMileCore
import LastMileGeo

/// Weather over an area for a span of local time: rain, snow, ice, … (``WeatherPenalties`` says what each does).
public struct WeatherEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case rain, heavyRain = "heavy_rain", snow, ice, fog, heat
    }

    public let kind: Kind
    public let area: GeoPolygon
    /// When, in the map's local time; the event applies to every slice it overlaps.
    public let span: Range<LocalMinute>

    public init(kind: Kind, area: GeoPolygon, span: Range<LocalMinute>) {
        self.kind = kind
        self.area = area
        self.span = span
    }

    /// Reads the weather file at `path` (named so in errors): a GeoJSON FeatureCollection whose features have a
    /// `Polygon` geometry and the properties `kind` (rain, heavy_rain, snow, ice, fog, heat), `start` and `end`
    /// (`YYYY-MM-DDTHH:MM`, local time).
    ///
    /// - Throws: ``TrafficFileError`` naming the feature (`features[i]`) and the field.
    public static func read(_ path: String) throws(TrafficFileError) -> [WeatherEvent] {
        try events(GeoJSONFeatures(path: path, what: "weather"))
    }

    /// Parses the weather file format of ``read(_:)``.
    public static func parse(_ data: Data, name: String) throws(TrafficFileError) -> [WeatherEvent] {
        try events(GeoJSONFeatures(data, name: name))
    }

    private static func events(_ features: GeoJSONFeatures) throws(TrafficFileError) -> [WeatherEvent] {
        var events: [WeatherEvent] = []
        for feature in features.features {
            guard let area = feature.area else {
                throw TrafficFileError("a weather event needs a Polygon area", at: feature.location.with(field: "geometry"))
            }
            let text = try feature.string("kind")
            guard let kind = Kind(rawValue: text) else {
                throw TrafficFileError("unknown weather kind '\(text)'", at: feature.location.with(field: "kind"),
                                       hint: "write one of \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            events.append(WeatherEvent(kind: kind, area: area, span: try feature.span()))
        }
        return events
    }
}
