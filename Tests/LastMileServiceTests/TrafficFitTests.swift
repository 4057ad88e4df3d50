import Foundation
import LastMileCore
import LastMileGraph
import LastMileTestSupport
import Testing

@testable import LastMileService

/// The history fit recovers the profile a generated history was drawn from, and predicts held-out days better.
@Suite struct TrafficFitTests {
    static func sampleTown() throws -> RoadQueries {
        let graph = try RoadGraphBuilder.build(osmFile: SharedData.maps.appendingPathComponent("sample-town.osm.pbf"), profile: .car).graph
        return try RoadQueries(graph: graph)
    }

    @Test func fitRecoversTheTruthOnWellObservedSlices() throws {
        let roads = try Self.sampleTown()
        let truth = try TrafficProfileReader.read(SharedData.repositoryRoot.appendingPathComponent("profiles/traffic-urban-default.csv").path)
        let seed: UInt64 = 2026
        let settings = HistorySettings(firstDay: CivilDate(year: 2026, month: 11, day: 2)!, days: 40, vehicles: 10, stopsPerRun: 25, seed: seed)
        let log = try roads.generateHistory(truth: truth, settings: settings)
        #expect(log.stops.count == 40 * 10 * 26)
        // The same settings give the same history.
        #expect(try roads.generateHistory(truth: truth, settings: settings).csv == log.csv)

        let fit = try roads.fitTraffic(log, holdoutDays: 6)
        #expect(fit.heldOutDays.map(\.description) == ["2026-12-06", "2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11"])
        // Well observed: the fit's own relative standard error is at most 2 %.
        var checked = 0
        for slice in 0..<TrafficProfile.slicesPerDay {
            for (group, roadClass) in [RoadClass.primary, .secondary, .residential].enumerated() where fit.relativeError[slice][group] <= 0.02 {
                let expected = Double(truth.factor(roadClass, on: .monday, slice: slice))
                let fitted = Double(fit.profile.factor(roadClass, on: .monday, slice: slice))
                #expect(abs(fitted - expected) <= 0.05 * expected, "seed \(seed): \(roadClass) slice \(slice): fitted \(fitted)‰, truth \(expected)‰")
                checked += 1
            }
        }
        #expect(checked >= 20, "seed \(seed): only \(checked) well-observed slices and groups")
        #expect(fit.travelAfter.mae < fit.travelBefore.mae * 0.7 && fit.travelAfter.p90 < fit.travelBefore.p90)
        #expect(fit.serviceAfter.mae < fit.serviceBefore.mae)
    }

    @Test func stopLogRoundTripsAndNamesBadLines() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lastmile-\(UUID().uuidString)-log.csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = StopLog.columns.joined(separator: ",") + "\n2026-11-02,V1,,47.0,8.0,08:00:00,08:00:00,08:00:00\n2026-11-02,V1,C1,47.01,8.0,08:05:00,08:07:10,08:10:00\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let log = try StopLog.read(path)
        #expect(log.csv == text.replacingOccurrences(of: "47.0,8.0", with: "47.0000000,8.0000000").replacingOccurrences(of: "47.01,8.0", with: "47.0100000,8.0000000"))
        #expect(log.legs.map(\.to) == [1])
        try (text + "2026-11-02,V1,C2,47.02,8.0,08:15:00,8h20,08:25:00\n").write(toFile: path, atomically: true, encoding: .utf8)
        let error = try #require(throws: LastMileError.self) { try StopLog.read(path) }
        #expect(error.headline == "\(path):4: actual_arrival: '8h20' is not a time HH:MM:SS")
    }
}
