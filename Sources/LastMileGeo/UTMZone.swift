/// A UTM zone on WGS84: zone number 1...60 and hemisphere.
public struct UTMZone: Hashable, Sendable, CustomStringConvertible {
    /// The zone number, 1...60.
    public var number: Int
    /// Whether the zone is the southern-hemisphere variant (false northing 10,000 km).
    public var isSouth: Bool

    public init(number: Int, isSouth: Bool) {
        precondition((1...60).contains(number), "UTM zone number must be 1...60, got \(number)")
        self.number = number
        self.isSouth = isSouth
    }

    /// The zone that contains a WGS84 position, with the two standard exceptions: south-west Norway
    /// (56°–64° N, 3°–12° E is zone 32) and Svalbard (72°–84° N uses zones 31, 33, 35 and 37 only).
    ///
    /// A longitude of exactly 180° belongs to zone 60; the boundary meridians belong to the eastern zone.
    public static func containing(latitude: Double, longitude: Double) -> UTMZone {
        var number = Int(((longitude + 180) / 6).rounded(.down)) + 1
        number = min(max(number, 1), 60)
        if latitude >= 56, latitude < 64, longitude >= 3, longitude < 12 {
            number = 32
        }
        if latitude >= 72, latitude < 84, longitude >= 0, longitude < 42 {
            switch longitude {
            case ..<9: number = 31
            case ..<21: number = 33
            case ..<33: number = 35
            default: number = 37
            }
        }
        return UTMZone(number: number, isSouth: latitude < 0)
    }

    /// The EPSG code: 326NN in the north, 327NN in the south.
    public var epsgCode: Int { (isSouth ? 32700 : 32600) + number }

    /// The CRS of this zone.
    public var crs: CoordinateReferenceSystem { .epsg(epsgCode) }

    public var description: String { "UTM \(number)\(isSouth ? "S" : "N") (EPSG:\(epsgCode))" }
}
