import LastMileCore

/// A GeoJSON FeatureCollection (RFC 7946) whose features share one `Properties` model: the one GeoJSON writer
/// (plan outputs, routes), encoded with `JSONEncoder`.
public struct GeoJSONFeatureCollection<Properties: Encodable>: Encodable {
    public struct Feature: Encodable {
        public let type = "Feature"
        public var properties: Properties
        public var geometry: Geometry

        public init(properties: Properties, geometry: Geometry) {
            self.properties = properties
            self.geometry = geometry
        }
    }

    /// A point or a line; positions are ``Coordinate/geoJSONPositionE7`` (`[longitude, latitude]`) in degrees
    /// with the seven decimals of the coordinate, exactly.
    public enum Geometry: Encodable {
        case point(Coordinate)
        case lineString([Coordinate])

        private enum CodingKeys: String, CodingKey { case type, coordinates }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            func position(_ c: Coordinate) -> [GeoJSONNumber] { c.geoJSONPositionE7.map { GeoJSONNumber(scaled: Int64($0), decimals: 7) } }
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

    public let type = "FeatureCollection"
    public var features: [Feature]

    public init(features: [Feature]) { self.features = features }
}
