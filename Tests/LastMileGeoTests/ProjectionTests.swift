import Foundation
import LastMileGeo
import LastMileTestSupport
import Testing

/// PROJ through our wrapper against pyproj's reference points (`../shared/peers/roads/reference/proj`).
@Suite struct ProjectionTests {
    struct ReferencePoint: Sendable, CustomStringConvertible {
        var name: String
        var latitude: Double
        var longitude: Double
        var utmEPSG: Int
        var easting: Double
        var northing: Double
        var mercatorX: Double
        var mercatorY: Double
        var description: String { name }
    }

    static func referencePoints() throws -> [ReferencePoint] {
        let url = try SharedData.shared("peers/roads/reference/proj/proj_reference.csv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name), "column \(name)") }
        let (name, lat, lon, epsg) = (try column("name"), try column("lat"), try column("lon"), try column("utm_epsg"))
        let (east, north, mx, my) = (
            try column("utm_easting"), try column("utm_northing"), try column("merc3857_x"), try column("merc3857_y")
        )
        return try lines.dropFirst().map { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return ReferencePoint(
                name: f[name], latitude: try #require(Double(f[lat])), longitude: try #require(Double(f[lon])),
                utmEPSG: try #require(Int(f[epsg])), easting: try #require(Double(f[east])),
                northing: try #require(Double(f[north])), mercatorX: try #require(Double(f[mx])),
                mercatorY: try #require(Double(f[my]))
            )
        }
    }

    @Test func referenceFileHasTheEdgeCases() throws {
        let names = try Self.referencePoints().map(\.name)
        #expect(names.contains("norway_32V_exception"))
        #expect(names.contains("southern_sydney"))
        #expect(names.count >= 15)
    }

    /// Zone choice (including Norway's 32V and the southern hemisphere) and UTM coordinates within 1 mm.
    @Test func utmMatchesReferenceWithinOneMillimetre() throws {
        for point in try Self.referencePoints() {
            let zone = UTMZone.containing(latitude: point.latitude, longitude: point.longitude)
            #expect(zone.epsgCode == point.utmEPSG, "\(point.name)")
            let projection = try Projection(from: .wgs84, to: zone.crs)
            let projected = try projection.forward(x: point.longitude, y: point.latitude)
            #expect(abs(projected.x - point.easting) < 0.001, "\(point.name) easting \(projected.x)")
            #expect(abs(projected.y - point.northing) < 0.001, "\(point.name) northing \(projected.y)")
            let back = try projection.inverse(x: projected.x, y: projected.y)
            #expect(abs(back.x - point.longitude) < 1e-9 && abs(back.y - point.latitude) < 1e-9, "\(point.name)")
        }
    }

    /// A user-named EPSG CRS, transformed in one batch call.
    @Test func webMercatorBatchMatchesReference() throws {
        let points = try Self.referencePoints()
        let projection = try Projection(from: .wgs84, to: .epsg(3857))
        var xs = points.map(\.longitude)
        var ys = points.map(\.latitude)
        try projection.forward(xs: &xs, ys: &ys)
        for (index, point) in points.enumerated() {
            #expect(abs(xs[index] - point.mercatorX) < 0.001, "\(point.name)")
            #expect(abs(ys[index] - point.mercatorY) < 0.001, "\(point.name)")
        }
    }

    @Test func svalbardZones() {
        #expect(UTMZone.containing(latitude: 78.2, longitude: 15.6).number == 33)
        #expect(UTMZone.containing(latitude: 78.2, longitude: 8.9).number == 31)
        #expect(UTMZone.containing(latitude: 78.2, longitude: 30).number == 35)
        #expect(UTMZone.containing(latitude: 78.2, longitude: 40).number == 37)
        #expect(UTMZone.containing(latitude: 10, longitude: 180).number == 60)
        #expect(UTMZone.containing(latitude: -10, longitude: -180).epsgCode == 32701)
    }

    @Test func unknownCRSIsAClearError() throws {
        let error = try #require(throws: GeoError.self) { try Projection(from: .wgs84, to: .epsg(999_999)) }
        #expect(error.code == .unknownCRS)
        #expect(error.message.contains("EPSG:999999"))
    }

    @Test func projectionsWorkOnSeveralThreadsAtOnce() async throws {
        let expected = try Projection(from: .wgs84, to: .epsg(32632)).forward(x: 8.6935, y: 49.4093)
        try await withThrowingTaskGroup(of: PlanarPoint.self) { group in
            for _ in 0..<8 {
                group.addTask { try Projection(from: .wgs84, to: .epsg(32632)).forward(x: 8.6935, y: 49.4093) }
            }
            for try await result in group { #expect(result == expected) }
        }
    }

    /// Haversine with OSRM's radius against the reference file's haversine column.
    @Test func haversineMatchesReference() throws {
        let points = Dictionary(uniqueKeysWithValues: try Self.referencePoints().map { ($0.name, $0) })
        let url = try SharedData.shared("peers/roads/reference/proj/proj_reference_distances.csv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst()
        #expect(lines.count >= 5)
        for line in lines {
            let f = line.split(separator: ",").map(String.init)
            let a = try #require(points[f[0]]), b = try #require(points[f[1]])
            let distance = Haversine.distanceMeters(latitude1: a.latitude, longitude1: a.longitude, latitude2: b.latitude, longitude2: b.longitude)
            #expect(abs(distance - (try #require(Double(f[3])))) < 0.002, "\(f[0])–\(f[1])")
        }
    }
}
