import Foundation
import Hummingbird
import HummingbirdTesting
import LastMileCore
import LastMileDomain
import LastMileGraph
import LastMileRouting
import LastMileSampleTown
import LastMileServer
import LastMileService
import Testing

/// `/v1/matrices` and `/v1/routes`: free-flow and time-dependent answers equal the Dijkstra oracle (matrices)
/// and the CLI's slice routes (each leg in the slice it starts in); bad bodies get 400s naming the field.
@Suite struct RoadEndpointTests {
    let fixture = ServerFixture.shared
    /// Metres east and north of the sample town's centre.
    let offsets: [(Double, Double)] = [(-1050, 600), (1200, -900), (-600, -1500), (300, 1100)]
    var coordinates: [Coordinate] { offsets.map { SampleTown.coordinate(east: $0.0, north: $0.1) } }
    var locations: String { "[" + coordinates.map { "[\($0.longitude),\($0.latitude)]" }.joined(separator: ",") + "]" }

    func post(_ uri: String, _ body: String, key: String = "velo", expect status: HTTPResponse.Status = .ok) async throws -> [String: Any] {
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: uri, method: .post, headers: fixture.headers(key), body: ByteBuffer(string: body)) { response in
                #expect(response.status == status, "\(String(buffer: response.body))")
                return try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
            }
        }
    }

    /// The oracle: one Dijkstra search per source in the departure's slice (free flow without one).
    func oracle(departure: Departure?) throws -> TravelMatrix {
        let points = try fixture.roads.snap(coordinates)
        return try fixture.roads.queries.matrix(points, engine: .dijkstra, departure: departure).matrix
    }

    func expectEqual(_ answer: [String: Any], _ matrix: TravelMatrix) throws {
        let durations = try #require(answer["durations"] as? [[Double]])
        let distances = try #require(answer["distances"] as? [[Double]])
        for i in 0..<coordinates.count {
            for j in 0..<coordinates.count {
                let cost = try #require(matrix[i, j])
                #expect(durations[i][j] == Double(cost.time) / 1000, "durations[\(i)][\(j)]")
                #expect(distances[i][j] == Double(cost.length) / 1000, "distances[\(i)][\(j)]")
            }
        }
    }

    @Test func matricesEqualTheOracleAtFreeFlowAndInTheDeparturesSlice() async throws {
        let free = try await post("/v1/matrices", #"{"locations": \#(locations)}"#)
        #expect(free["traffic"] as? String == "free flow" && free["depart"] is NSNull)
        try expectEqual(free, try oracle(departure: nil))

        // Tuesday 08:10, shipped profile: the 08:00 slice's morning peak, slower than free flow somewhere.
        let rush = try await post("/v1/matrices", #"{"locations": \#(locations), "depart": "2026-12-01T08:10", "traffic": "default"}"#)
        #expect(rush["depart"] as? String == "2026-12-01T08:10" && rush["traffic"] as? String == ShippedTrafficProfile.profile.name)
        let date = try #require(CivilDate(parsing: "2026-12-01"))
        try expectEqual(rush, try oracle(departure: Departure(conditions: RoadConditions(date: date, profile: ShippedTrafficProfile.profile), minuteOfDay: 490)))
        let (rushTimes, freeTimes) = (try #require(rush["durations"] as? [[Double]]), try #require(free["durations"] as? [[Double]]))
        #expect(zip(rushTimes.joined(), freeTimes.joined()).contains { $0 > $1 }, "the morning peak slows no pair")

        // Without a stored profile `stored` is free flow; `none` always is. Sources and destinations subset it.
        let stored = try await post("/v1/matrices", #"{"locations": \#(locations), "depart": "2026-12-01T08:10", "sources": [3, 0], "destinations": [1], "annotations": ["durations"]}"#)
        #expect(stored["distances"] == nil)
        #expect(stored["durations"] as? [[Double]] == [[freeTimes[3][1]], [freeTimes[0][1]]])
    }

    @Test func routesDriveEachLegInTheSliceItStartsIn() async throws {
        let answer = try await post("/v1/routes", #"{"locations": \#(locations), "depart": "2026-12-01T07:52", "traffic": "default", "geometry": "polyline6"}"#)
        let legs = try #require(answer["legs"] as? [[String: Any]])
        #expect(legs.count == coordinates.count - 1)
        #expect(legs.first?["departure"] as? String == "07:52:00")
        let date = try #require(CivilDate(parsing: "2026-12-01"))
        var clock = 7 * 3_600_000 + 52 * 60_000  // ms since midnight
        var total = 0.0
        for (index, leg) in legs.enumerated() {
            let conditions = RoadConditions(date: date, profile: ShippedTrafficProfile.profile)
            let stops = [("from", coordinates[index]), ("to", coordinates[index + 1])]
            let expected = try fixture.roads.queries.route(through: stops, departure: Departure(conditions: conditions, minuteOfDay: clock / 60_000)).route.cost
            #expect(leg["duration"] as? Double == Double(expected.time) / 1000, "leg \(index) departing at \(clock) ms")
            #expect(leg["distance"] as? Double == Double(expected.length) / 1000, "leg \(index)")
            clock += Int(expected.time)
            total += Double(expected.time) / 1000
            #expect(leg["arrival"] as? String == Self.clock(milliseconds: clock))
            if index + 1 < legs.count { #expect(legs[index + 1]["departure"] as? String == leg["arrival"] as? String) }
        }
        #expect(abs((answer["duration"] as? Double ?? 0) - total) < 1e-6)
        #expect(answer["geometry"] is String && (answer["waypoints"] as? [Any])?.count == coordinates.count)

        // Free flow: no times, a GeoJSON line by default.
        let free = try await post("/v1/routes", #"{"locations": \#(locations)}"#)
        #expect((free["legs"] as? [[String: Any]])?.first?["departure"] == nil)
        #expect((free["geometry"] as? [String: Any])?["type"] as? String == "LineString")
    }

    /// `HH:MM:SS` of a time since midnight, to the nearest second.
    static func clock(milliseconds: Int) -> String {
        let seconds = (milliseconds + 500) / 1000
        return String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
    }

    @Test func badBodiesName400sFieldAndTheLimitHolds() async throws {
        func expectBad(_ uri: String, _ body: String, field: String) async throws {
            let answer = try await post(uri, body, expect: .badRequest)
            #expect((answer["error"] as? [String: Any])?["where"] as? String == field, "\(body)")
        }
        try await expectBad("/v1/matrices", #"{"locations": \#(locations), "depart": "08:10"}"#, field: "depart")
        try await expectBad("/v1/matrices", #"{"locations": \#(locations), "sources": [0, 4]}"#, field: "sources[1]")
        try await expectBad("/v1/matrices", #"{"locations": [[7.99], [8.0, 47.0]]}"#, field: "locations[0]")
        try await expectBad("/v1/matrices", #"{"locations": \#(locations), "traffic": "rush"}"#, field: "traffic")
        try await expectBad("/v1/matrices", #"{"locations": \#(locations), "annotations": ["speed"]}"#, field: "annotations[0]")
        try await expectBad("/v1/routes", #"{"locations": \#(locations), "geometry": "kml"}"#, field: "geometry")
        try await expectBad("/v1/routes", #"{"locations": [[7.99, 47.0]]}"#, field: "locations")

        // No 100-location cap: 150 locations on a grid over the town.
        let grid = (0..<150).map { k in SampleTown.coordinate(east: Double(k % 15) * 180 - 1300, north: Double(k / 15) * 250 - 1200) }
        let body = #"{"locations": [\#(grid.map { "[\($0.longitude),\($0.latitude)]" }.joined(separator: ","))], "annotations": ["distances"]}"#
        let large = try await post("/v1/matrices", body)
        #expect((large["distances"] as? [[Any]])?.count == 150 && (large["distances"] as? [[Any]])?.first?.count == 150)
    }
}
