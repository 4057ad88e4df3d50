import LastMileCore
import LastMileGeo

/// A route's line as OSRM writes it: an encoded polyline string (precision 5 or 6) or a GeoJSON LineString.
enum OSRMGeometry: Encodable {
    enum Format: String {
        case polyline, polyline6, geojson
    }

    case encoded(String)
    case lineString([[Double]])

    init(_ coordinates: [Coordinate], format: Format) {
        switch format {
        case .polyline: self = .encoded(EncodedPolyline.encode(coordinates, precision: 5))
        case .polyline6: self = .encoded(EncodedPolyline.encode(coordinates, precision: 6))
        case .geojson: self = .lineString(coordinates.map { [$0.longitude, $0.latitude] })
        }
    }

    private enum Keys: String, CodingKey { case type, coordinates }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .encoded(let line):
            var container = encoder.singleValueContainer()
            try container.encode(line)
        case .lineString(let points):
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode("LineString", forKey: .type)
            try container.encode(points, forKey: .coordinates)
        }
    }
}
