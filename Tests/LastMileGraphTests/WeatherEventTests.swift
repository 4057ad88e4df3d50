import Foundation
import LastMileCore
import LastMileGeo
import LastMileGraph
import Testing

@Suite struct WeatherEventTests {
    static let square = "{\"type\":\"Polygon\",\"coordinates\":[[[-8.61,41.14],[-8.60,41.14],[-8.60,41.15],[-8.61,41.15],[-8.61,41.14]]]}"

    static func feature(geometry: String = square, kind: String = "heavy_rain", start: String = "2026-12-01T07:00", end: String = "2026-12-01T09:00") -> String {
        "{\"type\":\"Feature\",\"geometry\":\(geometry),\"properties\":{\"kind\":\"\(kind)\",\"start\":\"\(start)\",\"end\":\"\(end)\"}}"
    }

    static func collection(_ features: String...) -> Data {
        Data("{\"type\":\"FeatureCollection\",\"features\":[\(features.joined(separator: ","))]}".utf8)
    }

    @Test func readsEveryKind() throws {
        let events = try WeatherEvent.parse(Self.collection(
            Self.feature(kind: "rain"), Self.feature(kind: "heavy_rain"), Self.feature(kind: "snow"), Self.feature(kind: "ice"),
            Self.feature(kind: "fog"), Self.feature(kind: "heat")
        ), name: "w.geojson")
        #expect(events.map(\.kind) == WeatherEvent.Kind.allCases)
        #expect(events[0].span == LocalMinute(parsing: "2026-12-01T07:00")!..<LocalMinute(parsing: "2026-12-01T09:00")!)
    }

    @Test func badFeaturesGetFeatureLevelErrors() throws {
        let line = "{\"type\":\"LineString\",\"coordinates\":[[-8.6,41.1],[-8.5,41.1]]}"
        let cases: [(feature: String, field: String, message: String)] = [
            (Self.feature(geometry: line), "geometry", "is a LineString, not a Polygon"),
            (Self.feature(geometry: "null"), "geometry", "needs a Polygon area"),
            (Self.feature(end: "2026-12-01T06:00"), "end", "before it starts"),
            (Self.feature(kind: "hail"), "kind", "unknown weather kind 'hail'"),
            (Self.feature(start: "07:00"), "start", "is not a local time"),
        ]
        for (feature, field, message) in cases {
            let error = try #require(throws: TrafficFileError.self) { try WeatherEvent.parse(Self.collection(Self.feature(), feature), name: "w.geojson") }
            #expect(error.location.position == "features[1]" && error.location.field == field, "\(message)")
            #expect(error.message.contains(message), "\(error.message)")
            #expect(LastMileError(describing: error).headline.hasPrefix("w.geojson, features[1]: \(field): "))
        }
        #expect(throws: TrafficFileError.self) { try WeatherEvent.parse(Data("{\"type\":\"Feature\"}".utf8), name: "w") }
    }

    @Test func penaltiesByKindModeAndRoad() throws {
        let penalties = WeatherPenalties.standard
        #expect(penalties.speedMultiplier(.heavyRain, mode: .car, on: .primary) == 750)
        #expect(penalties.speedMultiplier(.heavyRain, mode: .car, on: .residential) == 850)
        #expect(penalties.speedMultiplier(.heavyRain, mode: .bicycle, on: .residential) == 600)
        #expect(penalties.speedMultiplier(.ice, mode: .bicycle, on: .residential) == nil)
        #expect(penalties.speedMultiplier(.snow, mode: .car, on: .ferry) == 1000)
        let events = try WeatherEvent.parse(Self.collection(Self.feature(kind: "snow"), Self.feature(kind: "ice", start: "2026-12-01T12:00", end: "2026-12-01T13:00")), name: "w")
        let inside = Coordinate(latitude: 41.145, longitude: -8.605)!, outside = Coordinate(latitude: 41.2, longitude: -8.605)!
        let eight = LocalMinute(parsing: "2026-12-01T08:00")!
        #expect(penalties.serviceTimeMultiplier(at: inside, at: eight, events: events) == 1300)
        #expect(penalties.serviceTimeMultiplier(at: outside, at: eight, events: events) == 1000)
        // The span's end is exclusive.
        #expect(penalties.serviceTimeMultiplier(at: inside, at: LocalMinute(parsing: "2026-12-01T09:00")!, events: events) == 1000)
        #expect(penalties.dispatchesCargoBikes(during: LocalMinute(eight.value - 60)..<eight, events: events))
        #expect(!penalties.dispatchesCargoBikes(during: eight..<LocalMinute(eight.value + 300), events: events))
    }
}
