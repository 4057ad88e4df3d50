/// A coordinate reference system, named the way PROJ understands it.
public struct CoordinateReferenceSystem: Hashable, Sendable, CustomStringConvertible {
    /// The definition handed to PROJ, e.g. `EPSG:32632`, or any string `proj_create` accepts.
    public var definition: String

    public init(definition: String) { self.definition = definition }

    /// An EPSG code, e.g. 3857 for Web Mercator.
    public static func epsg(_ code: Int) -> Self { Self(definition: "EPSG:\(code)") }

    /// WGS84 longitude/latitude in degrees (EPSG:4326, axis order normalised to lon, lat).
    public static let wgs84 = Self.epsg(4326)

    /// The EPSG code, when the definition is one.
    public var epsgCode: Int? {
        guard definition.hasPrefix("EPSG:") else { return nil }
        return Int(definition.dropFirst(5))
    }

    public var description: String { definition }
}
