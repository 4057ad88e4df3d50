import Foundation
import LastMileCore
import LastMileGeo
import Testing

/// The one GeoJSON writer: positions longitude first with the coordinate's own digits (no binary floating point
/// on the way), the same numbers as ``Coordinate/geoJSONPosition``.
@Suite struct GeoJSONTests {
    struct Name: Encodable { var name: String }

    @Test func positionsKeepTheCoordinatesDigits() throws {
        let porto = Coordinate(latitudeE7: 411_496_000, longitudeE7: -86_109_000)
        let odd = Coordinate(latitudeE7: 123_456_789, longitudeE7: 1)
        let collection = GeoJSONFeatureCollection(features: [
            .init(properties: Name(name: "a"), geometry: .point(porto)),
            .init(properties: Name(name: "b"), geometry: .lineString([porto, odd])),
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(collection), as: UTF8.self)
        #expect(text == "{\"features\":["
            + "{\"geometry\":{\"coordinates\":[-8.6109,41.1496],\"type\":\"Point\"},\"properties\":{\"name\":\"a\"},\"type\":\"Feature\"},"
            + "{\"geometry\":{\"coordinates\":[[-8.6109,41.1496],[0.0000001,12.3456789]],\"type\":\"LineString\"},"
            + "\"properties\":{\"name\":\"b\"},\"type\":\"Feature\"}],\"type\":\"FeatureCollection\"}")
        #expect(porto.geoJSONPosition == "[-8.6109000,41.1496000]")
    }

    @Test func numbersAreFixedPointExactly() throws {
        let encoder = JSONEncoder()
        let numbers = [GeoJSONNumber(scaled: 12_340, decimals: 3), GeoJSONNumber(scaled: -5, decimals: 3), GeoJSONNumber(2.0004999, decimals: 3),
                       GeoJSONNumber(0.1, decimals: 1)]
        #expect(String(decoding: try encoder.encode(numbers), as: UTF8.self) == "[12.34,-0.005,2,0.1]")
    }
}
