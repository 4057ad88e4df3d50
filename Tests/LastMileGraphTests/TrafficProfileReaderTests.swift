import Foundation
import LastMileCore
import LastMileGeo
@testable import LastMileGraph
import LastMileTestSupport
import Testing

@Suite struct TrafficProfileReaderTests {
    static let header = "days,start,end,road,speed_factor\n"
    /// A complete profile: free flow except a weekday morning peak on arterials.
    static let complete = header + """
        all,00:00,24:00,collector,1
        all,00:00,24:00,local,1
        all,00:00,24:00,ferry,1.0
        weekend,00:00,24:00,arterial,1.0
        weekdays,00:00,07:30,arterial,1.0
        weekdays,07:30,09:00,arterial,0.5
        weekdays,09:00,24:00,arterial,1.0
        mon,08:00,09:00,way:4242,0.25
        """

    func error(_ text: String, json: Bool = false) throws -> TrafficFileError {
        try #require(throws: TrafficFileError.self) {
            json ? try TrafficProfileReader.parseJSON(text, name: "p.json") : try TrafficProfileReader.parseCSV(text, name: "p.csv")
        }
    }

    @Test func readsFactorsPerClassSliceAndWeekday() throws {
        let profile = try TrafficProfileReader.parseCSV(Self.complete, name: "p.csv")
        #expect(profile.factor(.primary, on: .tuesday, slice: 30) == 500)  // 07:30
        #expect(profile.factor(.primary, on: .tuesday, slice: 29) == 1000)  // 07:15
        #expect(profile.factor(.primary, on: .tuesday, slice: 36) == 1000)  // 09:00, the end is exclusive
        #expect(profile.factor(.primary, on: .saturday, slice: 30) == 1000)
        #expect(profile.factor(.residential, on: .monday, slice: 30) == 1000)
        #expect(profile.overrides(on: .monday, slice: 32).map(\.way) == [4242])
        #expect(profile.overrides(on: .monday, slice: 36).isEmpty && profile.overrides(on: .tuesday, slice: 32).isEmpty)
    }

    @Test func jsonGivesTheSameProfile() throws {
        let rows = Self.complete.split(separator: "\n").dropFirst().map { line -> String in
            let c = line.split(separator: ",")
            return "{\"days\":\"\(c[0])\",\"start\":\"\(c[1])\",\"end\":\"\(c[2])\",\"road\":\"\(c[3])\",\"speed_factor\":\(c[4])}"
        }
        let json = try TrafficProfileReader.parseJSON("{\"name\":\"p\",\"periods\":[\(rows.joined(separator: ","))]}", name: "p.json")
        let csv = try TrafficProfileReader.parseCSV(Self.complete, name: "p")
        #expect(json == csv)
    }

    @Test func theShippedUrbanProfileHasPeaksAndLighterWeekends() throws {
        let profile = try TrafficProfileReader.read(SharedData.repositoryRoot.appendingPathComponent("profiles/traffic-urban-default.csv").path)
        let morning = 8 * 4, evening = 18 * 4, night = 3 * 4
        #expect(profile.factor(.primary, on: .wednesday, slice: morning) < profile.factor(.primary, on: .wednesday, slice: night))
        #expect(profile.factor(.primary, on: .friday, slice: evening) < profile.factor(.primary, on: .friday, slice: 11 * 4))
        #expect(profile.factor(.primary, on: .sunday, slice: morning) > profile.factor(.primary, on: .monday, slice: morning))
        #expect(profile.factor(.ferry, on: .monday, slice: morning) == 1000)
    }

    @Test func unknownRoadClassNamesTheLineAndTheField() throws {
        let error = try error(Self.complete + "\nmon,10:00,11:00,highway,0.5")
        #expect(error.location.line == 10 && error.location.field == "road")
        #expect(error.message.contains("unknown road class 'highway'"))
        #expect(LastMileError(describing: error).headline == "p.csv:10: road: unknown road class 'highway'")
    }

    @Test func overlappingSlicesNameBothLines() throws {
        let error = try error(Self.complete + "\ntue,08:45,09:15,primary,0.7")
        #expect(error.location.line == 10)
        #expect(error.message.contains("overlaps line 7") && error.message.contains("primary on tue at 08:45–09:00"))
        let overrides = try self.error(Self.complete + "\nmon,08:30,08:45,way:4242,0.9")
        #expect(overrides.message.contains("overlaps line 9") && overrides.message.contains("way 4242"))
    }

    @Test func missingSlicesAreNamed() throws {
        let text = Self.complete.replacingOccurrences(of: "weekdays,09:00,24:00,arterial,1.0", with: "weekdays,09:00,23:45,arterial,1.0")
        let error = try error(text)
        #expect(error.message == "no speed factor for motorway on mon at 23:45–24:00")
    }

    @Test func badValuesGetLineLevelErrors() throws {
        let cases: [(row: String, field: String, message: String)] = [
            ("mon,10:00,11:00,primary,1.6", "speed_factor", "out of range"),
            ("mon,10:00,11:00,primary,0.01", "speed_factor", "out of range"),
            ("mon,10:00,11:00,primary,0.1234", "speed_factor", "out of range"),
            ("mon,10:10,11:00,primary,0.5", "start", "not a 15-minute boundary"),
            ("mon,11:00,10:00,primary,0.5", "end", "before it starts"),
            ("funday,10:00,11:00,primary,0.5", "days", "unknown days"),
            ("mon,10:00,11:00,way:x,0.5", "road", "not an OSM way"),
        ]
        for (row, field, message) in cases {
            let error = try error(Self.complete + "\n" + row)
            #expect(error.location.line == 10 && error.location.field == field, "\(row)")
            #expect(error.message.contains(message), "\(row): \(error.message)")
        }
        let json = try error("{\"periods\":[{\"days\":\"mon\",\"start\":\"00:00\",\"end\":\"24:00\",\"road\":\"bridge\",\"speed_factor\":1}]}", json: true)
        #expect(json.location.position == "periods[0]" && json.location.field == "road")
        #expect(try error("days,start,road\n").message.contains("no column 'end'"))
    }

    @Test func permilleParsing() {
        #expect(TrafficProfileReader.permille("0.5") == 500)
        #expect(TrafficProfileReader.permille("1") == 1000)
        #expect(TrafficProfileReader.permille("0.05") == 50)
        #expect(TrafficProfileReader.permille("1.125") == 1125)
        #expect(TrafficProfileReader.permille("-0.5") == nil && TrafficProfileReader.permille("0.") == nil)
        // Too large for thousandths in an Int: rejected, not a trap (found by the fuzzer).
        #expect(TrafficProfileReader.permille("00600000000000000000.0") == nil)
        #expect(TrafficProfileReader.permille("9223372036854775.807") == Int.max && TrafficProfileReader.permille("9223372036854775.808") == nil)
    }
}

@Suite struct RoadClosureTests {
    static let square = "{\"type\":\"Polygon\",\"coordinates\":[[[-8.61,41.14],[-8.60,41.14],[-8.60,41.15],[-8.61,41.15],[-8.61,41.14]]]}"

    func collection(_ features: String...) -> Data {
        Data("{\"type\":\"FeatureCollection\",\"features\":[\(features.joined(separator: ","))]}".utf8)
    }

    @Test func readsWayAndAreaClosures() throws {
        let closures = try RoadClosure.parse(collection(
            "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"way\":42,\"start\":\"2026-12-01T08:00\",\"end\":\"2026-12-01T10:00\"}}",
            "{\"type\":\"Feature\",\"geometry\":\(Self.square),\"properties\":{\"start\":\"2026-12-01T12:00\",\"end\":\"2026-12-02T00:00\"}}"
        ), name: "c.geojson")
        #expect(closures.count == 2)
        #expect(closures[0].target == .way(42))
        let day = try #require(CivilDate(year: 2026, month: 12, day: 1)).firstMinute.value
        #expect(closures[0].span == LocalMinute(day + 480)..<LocalMinute(day + 600))
        guard case .area(let polygon) = closures[1].target else { Issue.record("not an area"); return }
        #expect(polygon.contains(Coordinate(latitude: 41.145, longitude: -8.605)!))
        #expect(!polygon.contains(Coordinate(latitude: 41.155, longitude: -8.605)!))
    }

    @Test func badFeaturesAreNamed() throws {
        let point = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[-8.6,41.1]},\"properties\":{\"start\":\"2026-12-01T08:00\",\"end\":\"2026-12-01T09:00\"}}"
        let backwards = "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"way\":1,\"start\":\"2026-12-01T10:00\",\"end\":\"2026-12-01T09:00\"}}"
        let nothing = "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"start\":\"2026-12-01T08:00\",\"end\":\"2026-12-01T09:00\"}}"
        let open = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]},\"properties\":{}}"
        for (feature, expected) in [(point, "is a Point, not a Polygon"), (backwards, "before it starts"), (nothing, "needs a Polygon"), (open, "bad ring")] {
            let error = try #require(throws: TrafficFileError.self) { try RoadClosure.parse(collection(backwards.replacingOccurrences(of: "10:00", with: "08:00"), feature), name: "c.geojson") }
            #expect(error.location.position == "features[1]", "\(expected)")
            #expect(error.message.contains(expected), "\(error.message)")
        }
    }
}

@Suite struct CivilDateTests {
    @Test func weekdaysAndMinutes() throws {
        #expect(CivilDate(year: 2026, month: 12, day: 1)?.weekday == .tuesday)
        #expect(CivilDate(year: 1970, month: 1, day: 1)?.weekday == .thursday)
        #expect(CivilDate(year: 2024, month: 2, day: 29)?.weekday == .thursday)
        #expect(CivilDate(year: 2025, month: 2, day: 29) == nil)
        #expect(CivilDate(parsing: "2026-12-01")?.daysSinceEpoch == 20_788)
        #expect(LocalMinute(parsing: "1970-01-02T01:30")?.value == 1440 + 90)
        #expect(LocalMinute(parsing: "1970-01-01T24:01") == nil)
    }
}
