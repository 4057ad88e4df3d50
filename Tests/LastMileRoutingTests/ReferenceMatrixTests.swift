import Foundation
import LastMileCore
import LastMileGraph
import LastMileTestSupport
import Testing

@testable import LastMileRouting

/// Our matrices with the baseline profile against the peer harness's exact baseline Dijkstra
/// (`../shared/peers/roads/reference/<map>/baseline_N100_*.csv`), on its 100 sample points: an oracle built by
/// other code from the raw OSM data.
@Suite struct ReferenceMatrixTests {
    static func csv(_ url: URL) throws -> [[Double?]] {
        try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).map { $0 == "nan" || $0.isEmpty ? nil : Double($0) }
        }
    }

    @Test(arguments: ["helsinki", "monaco", "liechtenstein", "north-bayreuth", "heidelberg", "porto"])
    func baselineMatchesThePeersDijkstra(map: String) throws {
        let folder = try SharedData.shared("peers/roads/reference/\(map)")
        let mapFile = try SharedData.sharedMapFiles().first { $0.lastPathComponent.hasPrefix(map + ".") }
        let (graph, _) = try RoadGraphBuilder.build(osmFile: try #require(mapFile), profile: .baseline)
        let lines = try String(contentsOf: folder.appendingPathComponent("points.csv"), encoding: .utf8).split(whereSeparator: \.isNewline)
        let header = lines[0].split(separator: ",")
        let (latColumn, lonColumn) = (try #require(header.firstIndex(of: "lat")), try #require(header.firstIndex(of: "lon")))
        let coordinates = try lines[1...100].map { line in
            let fields = line.split(separator: ",")
            return try #require(Coordinate(latitude: Double(fields[latColumn])!, longitude: Double(fields[lonColumn])!))
        }
        let snapper = try Snapper(index: SnapIndex(graph: graph))
        let positions = try coordinates.map { RoadPosition(try snapper.snap($0)) }
        let engine = RoutingEngine(hierarchy: ContractionHierarchy(graph: graph), metric: RoadMetric(freeFlowOf: graph))
        let matrix = engine.matrix(sources: positions, targets: positions)
        let durations = try Self.csv(folder.appendingPathComponent("baseline_N100_durations.csv"))
        let distances = try Self.csv(folder.appendingPathComponent("baseline_N100_distances.csv"))
        var distanceOff = 0
        for i in 0..<100 {
            for j in 0..<100 where i != j {
                guard let expected = durations[i][j] else {
                    #expect(matrix[i, j] == nil, "\(map) \(i)→\(j)")
                    continue
                }
                let cost = try #require(matrix[i, j], "\(map) \(i)→\(j) unreachable")
                // We round each arc's time to the millisecond; the harness sums doubles.
                #expect(abs(Double(cost.time) / 1000 - expected) < 0.05, "\(map) \(i)→\(j): \(cost.time) ms vs \(expected) s")
                let expectedLength = try #require(distances[i][j])
                if abs(Double(cost.length) / 1000 - expectedLength) > 0.01 + expectedLength * 1e-6 { distanceOff += 1 }
            }
        }
        // Lengths may differ only where two routes are equally fast (the harness keeps either).
        #expect(distanceOff <= 20, "\(map): \(distanceOff) of 9,900 distances differ")
    }
}
