/// A WGS84 position in fixed point: latitude and longitude in units of 10⁻⁷ degree (OSM's own precision,
/// about 1 cm).
///
/// Invariant: `-90e7 ≤ latitudeE7 ≤ 90e7`, `-180e7 ≤ longitudeE7 ≤ 180e7`.
public struct Coordinate: Hashable, Sendable, BitwiseCopyable, CustomStringConvertible {
    public var latitudeE7: Int32
    public var longitudeE7: Int32

    public init(latitudeE7: Int32, longitudeE7: Int32) {
        self.latitudeE7 = latitudeE7
        self.longitudeE7 = longitudeE7
    }

    /// Rounds degrees to the nearest 10⁻⁷ degree; `nil` when outside the valid range or not finite.
    public init?(latitude: Double, longitude: Double) {
        guard latitude.isFinite, longitude.isFinite, abs(latitude) <= 90, abs(longitude) <= 180 else { return nil }
        self.latitudeE7 = Int32((latitude * 1e7).rounded())
        self.longitudeE7 = Int32((longitude * 1e7).rounded())
    }

    /// Parses "lat,lon" in degrees ("41.1496,-8.6109", spaces allowed); `nil` for anything else.
    public init?(parsing text: String) {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Double(String($0.filter { !$0.isWhitespace })) }
        guard parts.count == 2, let latitude = parts[0], let longitude = parts[1] else { return nil }
        self.init(latitude: latitude, longitude: longitude)
    }

    /// Latitude in degrees.
    public var latitude: Double { Double(latitudeE7) / 1e7 }
    /// Longitude in degrees.
    public var longitude: Double { Double(longitudeE7) / 1e7 }

    public var description: String {
        "(\(formatDegrees(latitudeE7)), \(formatDegrees(longitudeE7)))"
    }

    /// The GeoJSON (and OSRM) position order, longitude first: `[longitudeE7, latitudeE7]`, 10⁻⁷ degree.
    public var geoJSONPositionE7: [Int32] { [longitudeE7, latitudeE7] }

    /// The GeoJSON (and OSRM) position as text: `[longitude,latitude]`, seven decimals.
    public var geoJSONPosition: String { "[" + geoJSONPositionE7.map(formatDegrees).joined(separator: ",") + "]" }
}

/// Degrees with exactly seven decimals from a fixed-point E7 angle, without going through floating point.
public func formatDegrees(_ valueE7: Int32) -> String {
    FixedPoint.string(Int64(valueE7), decimals: 7)
}
