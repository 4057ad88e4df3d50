import Foundation
import LastMileCore
import LastMileGeo

/// The features of a GeoJSON FeatureCollection (RFC 7946) as closure and weather files use them: each an
/// optional polygon area and its properties, with its location (`features[i]`) for messages.
struct GeoJSONFeatures {
    struct Feature {
        let location: ErrorLocation
        /// The `Polygon` geometry, `nil` when the geometry is `null`.
        let area: GeoPolygon?
        let properties: [String: Any]

        /// A string property, or a located error.
        func string(_ name: String) throws(TrafficFileError) -> String {
            guard let value = properties[name] as? String else {
                throw TrafficFileError("missing property '\(name)'", at: location.with(field: name))
            }
            return value
        }

        /// A local time property `YYYY-MM-DDTHH:MM`.
        func minute(_ name: String) throws(TrafficFileError) -> LocalMinute {
            let text = try string(name)
            guard let minute = LocalMinute(parsing: text) else {
                throw TrafficFileError("'\(text)' is not a local time", at: location.with(field: name), hint: "write YYYY-MM-DDTHH:MM")
            }
            return minute
        }

        /// The `start` and `end` properties, checked to be in order.
        func span() throws(TrafficFileError) -> Range<LocalMinute> {
            let start = try minute("start"), end = try minute("end")
            guard start < end else {
                throw TrafficFileError("ends (\(try string("end"))) before it starts (\(try string("start")))", at: location.with(field: "end"))
            }
            return start..<end
        }
    }

    let features: [Feature]

    /// Reads the file at `path` (named so in errors); `what` names its content in the read error ("closures").
    init(path: String, what: String) throws(TrafficFileError) {
        let data: Data
        do {
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
            guard size <= InputLimits.maxFileBytes else {
                throw TrafficFileError("the \(what) file is \(size) bytes, over the limit of "
                    + "\(InputLimits.describe(bytes: InputLimits.maxFileBytes)); split it by time or area", at: ErrorLocation(file: path))
            }
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let error as TrafficFileError {
            throw error
        } catch {
            throw TrafficFileError("cannot read the \(what) (\(error.localizedDescription))", at: ErrorLocation(file: path))
        }
        try self.init(data, name: path)
    }

    /// Parses `data` of the file `name`; every feature's geometry must be a `Polygon` or `null`.
    init(_ data: Data, name: String) throws(TrafficFileError) {
        let root = try? JSONSerialization.jsonObject(with: data)
        guard let object = root as? [String: Any], object["type"] as? String == "FeatureCollection",
              let features = object["features"] as? [Any] else {
            throw TrafficFileError("not a GeoJSON FeatureCollection", at: ErrorLocation(file: name))
        }
        var parsed: [Feature] = []
        for (index, item) in features.enumerated() {
            let location = ErrorLocation(file: name, position: "features[\(index)]")
            guard let feature = item as? [String: Any], feature["type"] as? String == "Feature" else {
                throw TrafficFileError("not a GeoJSON Feature", at: location)
            }
            let properties = feature["properties"] as? [String: Any] ?? [:]
            parsed.append(Feature(location: location, area: try Self.polygon(feature["geometry"], at: location), properties: properties))
        }
        self.features = parsed
    }

    /// A `Polygon` geometry, `nil` for `null`, an error for any other geometry.
    private static func polygon(_ geometry: Any?, at location: ErrorLocation) throws(TrafficFileError) -> GeoPolygon? {
        guard let geometry, !(geometry is NSNull) else { return nil }
        let object = geometry as? [String: Any]
        let type = object?["type"] as? String ?? "?"
        guard type == "Polygon", let rings = object?["coordinates"] as? [[[Double]]] else {
            throw TrafficFileError("the area is a \(type), not a Polygon", at: location.with(field: "geometry"),
                                   hint: "draw the area as a GeoJSON Polygon (closed rings of [lon, lat])")
        }
        let coordinates = rings.map { ring in ring.compactMap { $0.count >= 2 ? Coordinate(latitude: $0[1], longitude: $0[0]) : nil } }
        guard zip(rings, coordinates).allSatisfy({ $0.count == $1.count }), let polygon = GeoPolygon(rings: coordinates) else {
            throw TrafficFileError("the polygon has a bad ring", at: location.with(field: "geometry"),
                                   hint: "every ring needs at least four [lon, lat] positions and must end where it starts")
        }
        return polygon
    }
}
