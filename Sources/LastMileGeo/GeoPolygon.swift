import LastMileCore

/// A polygon on the map (GeoJSON `Polygon`): an outer ring and optional holes, each a closed ring of WGS84
/// positions. Containment is tested in plain longitude/latitude (even-odd rule), exact enough for city-sized
/// areas away from the poles and the antimeridian.
///
/// Invariant: every ring has at least four positions and ends where it starts.
public struct GeoPolygon: Sendable, Hashable {
    /// The outer ring first, then the holes.
    public let rings: [[Coordinate]]

    /// `nil` when a ring has fewer than four positions or is not closed.
    public init?(rings: [[Coordinate]]) {
        guard !rings.isEmpty, rings.allSatisfy({ $0.count >= 4 && $0.first == $0.last }) else { return nil }
        self.rings = rings
    }

    /// Whether `point` lies inside the outer ring and outside every hole (points on an edge may fall either way).
    public func contains(_ point: Coordinate) -> Bool {
        var inside = false
        for ring in rings where Self.ring(ring, contains: point) { inside.toggle() }
        return inside
    }

    /// Even-odd ray casting towards increasing longitude, in 10⁻⁷ degrees.
    private static func ring(_ ring: [Coordinate], contains point: Coordinate) -> Bool {
        let x = Double(point.longitudeE7), y = Double(point.latitudeE7)
        var inside = false
        for i in 1..<ring.count {
            let a = ring[i - 1], b = ring[i]
            let ay = Double(a.latitudeE7), by = Double(b.latitudeE7)
            guard (ay > y) != (by > y) else { continue }
            let ax = Double(a.longitudeE7), bx = Double(b.longitudeE7)
            if x < ax + (y - ay) / (by - ay) * (bx - ax) { inside.toggle() }
        }
        return inside
    }
}
