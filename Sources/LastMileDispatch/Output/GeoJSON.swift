import LastMileDomain
import LastMileCore

/// A GeoJSON FeatureCollection (RFC 7946) whose features share one `Properties` model.
struct GeoJSONFeatureCollection<Properties: Encodable>: Encodable {
    struct Feature: Encodable {
        let type = "Feature"
        var properties: Properties
        var geometry: Geometry
    }

    /// A point or a line; positions are `[longitude, latitude]` in degrees.
    enum Geometry: Encodable {
        case point(Coordinate)
        case lineString([Coordinate])

        private enum CodingKeys: String, CodingKey { case type, coordinates }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            func position(_ c: Coordinate) -> [Double] { [c.longitude, c.latitude] }
            switch self {
            case .point(let c):
                try container.encode("Point", forKey: .type)
                try container.encode(position(c), forKey: .coordinates)
            case .lineString(let line):
                try container.encode("LineString", forKey: .type)
                try container.encode(line.map(position), forKey: .coordinates)
            }
        }
    }

    let type = "FeatureCollection"
    var features: [Feature]
}
