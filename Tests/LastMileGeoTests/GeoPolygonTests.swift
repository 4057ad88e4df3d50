import LastMileCore
import LastMileGeo
import Testing

@Suite struct GeoPolygonTests {
    static func ring(_ points: [(lon: Double, lat: Double)]) -> [Coordinate] {
        points.map { Coordinate(latitude: $0.lat, longitude: $0.lon)! }
    }

    @Test func containsByTheEvenOddRuleWithHoles() throws {
        let outer = Self.ring([(0, 0), (4, 0), (4, 4), (0, 4), (0, 0)])
        let hole = Self.ring([(1, 1), (2, 1), (2, 2), (1, 2), (1, 1)])
        let polygon = try #require(GeoPolygon(rings: [outer, hole]))
        #expect(polygon.contains(Coordinate(latitude: 3, longitude: 3)!))
        #expect(!polygon.contains(Coordinate(latitude: 1.5, longitude: 1.5)!))  // in the hole
        #expect(!polygon.contains(Coordinate(latitude: 5, longitude: 1)!))
        #expect(!polygon.contains(Coordinate(latitude: 2, longitude: -0.5)!))
        // A concave L: the notch is outside.
        let l = try #require(GeoPolygon(rings: [Self.ring([(0, 0), (2, 0), (2, 1), (1, 1), (1, 2), (0, 2), (0, 0)])]))
        #expect(l.contains(Coordinate(latitude: 1.5, longitude: 0.5)!) && !l.contains(Coordinate(latitude: 1.5, longitude: 1.5)!))
    }

    @Test func ringsMustBeClosedWithFourPositions() {
        #expect(GeoPolygon(rings: [Self.ring([(0, 0), (1, 0), (1, 1), (0, 1)])]) == nil)
        #expect(GeoPolygon(rings: [Self.ring([(0, 0), (1, 0), (0, 0)])]) == nil)
        #expect(GeoPolygon(rings: []) == nil)
    }
}
