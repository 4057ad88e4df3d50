import Foundation
import LastMileCore
import LastMileGraph
import LastMileRouting
import LastMileTestSupport
import Testing

import LastMileService

/// `lastmile matrix` writes OSRM's `/table` JSON and the N×N CSVs byte for byte as documented, with the
/// engine's numbers. Expected numbers come from `String(format:)`, which shares no code with ``FixedPoint``.
@Suite struct MatrixOutputTests {
    /// Thousandths (ms, mm) as printf writes them.
    static func printf(_ thousandths: UInt64) -> String { String(format: "%.3f", Double(thousandths) / 1000) }

    @Test func tableLayoutWithNullForNoRoute() {
        let matrix = TravelMatrix(rows: 2, columns: 2, costs: [
            .zero, PathCost(time: 61_005, length: 1_000_000), .infinity, PathCost(time: 7, length: 120),
        ])
        let expected = """
            {
              "code": "Ok",
              "durations": [
                [0.000,61.005],
                [null,0.007]
              ],
              "distances": [
                [0.000,1000.000],
                [null,0.120]
              ],
              "sources": [
                
              ],
              "destinations": [
                
              ]
            }
            """
        #expect(String(decoding: MatrixOutput.osrmTable(matrix, sources: [], destinations: []), as: UTF8.self) == expected)
        #expect(String(decoding: MatrixOutput.csv(matrix, .durations), as: UTF8.self) == "0.000,61.005\n,0.007\n")
        #expect(String(decoding: MatrixOutput.csv(matrix, .distances), as: UTF8.self) == "0.000,1000.000\n,0.120\n")
    }

    @Test func sampleTownMatrixHasTheEnginesNumbers() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lastmile-matrix-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let graph = folder + "/town.graph", points = folder + "/stops.csv"
        #expect(try CommandLineTests().run(["import", "maps/sample-town.osm.pbf", "-o", graph]).status == 0)
        let stops = [(46.99, 7.99), (47.01, 8.01), (47.0, 8.02), (47.003, 7.996)]
        try ("id,lat,lon\n" + stops.enumerated().map { "\($0),\($1.0),\($1.1)\n" }.joined())
            .write(toFile: points, atomically: true, encoding: .utf8)
        let json = try CommandLineTests().run(["matrix", "--graph", graph, "--points", points, "-o", folder + "/table.json"])
        let csv = try CommandLineTests().run([
            "matrix", "--graph", graph, "--points", points, "--durations-csv", folder + "/d.csv", "--distances-csv", folder + "/m.csv",
        ])
        #expect(json.status == 0 && csv.status == 0, "\(json.stderr)\(csv.stderr)")

        // The engine's matrix, computed here as the command computes it.
        let (roadGraph, _) = try RoadGraphFile.read(URL(fileURLWithPath: graph))
        let snapper = try Snapper(index: SnapIndex(graph: roadGraph))
        let snapped = try stops.map { try snapper.snap(try #require(Coordinate(latitude: $0.0, longitude: $0.1))) }
        let positions = snapped.map(RoadPosition.init)
        let engine = RoutingEngine(hierarchy: ContractionHierarchy(graph: roadGraph), metric: RoadMetric(freeFlowOf: roadGraph))
        let matrix = engine.matrix(sources: positions, targets: positions)
        #expect(matrix.costs.allSatisfy { !$0.isInfinite })

        func rows(_ part: (PathCost) -> UInt64) -> String {
            (0..<matrix.rows).map { i in "[" + (0..<matrix.columns).map { Self.printf(part(matrix[i, $0]!)) }.joined(separator: ",") + "]" }
                .joined(separator: ",\n    ")
        }
        let waypoints = snapped.map { point in
            "{\"location\":[\(String(format: "%.7f", Double(point.coordinate.longitudeE7) / 1e7)),"
                + "\(String(format: "%.7f", Double(point.coordinate.latitudeE7) / 1e7))],"
                + "\"distance\":\(String(format: "%.3f", point.distanceMeters)),\"name\":\"\"}"
        }.joined(separator: ",\n    ")
        let expected = """
            {
              "code": "Ok",
              "durations": [
                \(rows(\.time))
              ],
              "distances": [
                \(rows(\.length))
              ],
              "sources": [
                \(waypoints)
              ],
              "destinations": [
                \(waypoints)
              ]
            }
            """
        let table = try String(contentsOfFile: folder + "/table.json", encoding: .utf8)
        #expect(table == expected)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(table.utf8)) as? [String: Any])
        let durations = try #require(parsed["durations"] as? [[Double]])
        #expect(durations.enumerated().allSatisfy { i, row in
            row.enumerated().allSatisfy { j, seconds in UInt64((seconds * 1000).rounded()) == matrix[i, j]!.time }
        })

        func csvText(_ part: (PathCost) -> UInt64) -> String {
            (0..<matrix.rows).map { i in (0..<matrix.columns).map { Self.printf(part(matrix[i, $0]!)) }.joined(separator: ",") + "\n" }.joined()
        }
        #expect(try String(contentsOfFile: folder + "/d.csv", encoding: .utf8) == csvText(\.time))
        #expect(try String(contentsOfFile: folder + "/m.csv", encoding: .utf8) == csvText(\.length))
    }
}
