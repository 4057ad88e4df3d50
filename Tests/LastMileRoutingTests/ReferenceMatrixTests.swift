import Foundation
import LastMileCore
import LastMileGraph
import LastMileTestSupport
import Testing

@testable import LastMileRouting

/// Our matrices with the baseline profile against the peer harness's exact baseline Dijkstra
/// (`../shared/peers/roads/reference/<map>/baseline_N100_*.csv`), on its 100 sample points: an oracle built by
/// other code from the raw OSM data.
///
/// The sample points sit on OSM nodes, so each also gets a twin a few millimetres to metres along a two-way road
/// leaving its node (driving there takes at most 0.1 s): every route to or from the twin differs from the
/// point's reference by at most that drive, which puts the engine's partial-arc costs under the reference too.
@Suite struct ReferenceMatrixTests {
    static func csv(_ url: URL) throws -> [[Double?]] {
        try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).map { $0 == "nan" || $0.isEmpty ? nil : Double($0) }
        }
    }

    /// The twin of a position standing on a node: a point on a two-way road leaving that node, at most 0.1 s
    /// of driving from it in either direction, with that driving time in seconds; `nil` when the position lies
    /// in the middle of its arc or no two-way road leaves its node.
    static func midArcTwin(of position: RoadPosition, in graph: RoadGraph) -> (position: RoadPosition, seconds: Double)? {
        let node: NodeIndex
        switch position.offset.rawValue {
        case 0: node = graph.tail(of: position.arc)
        case Int64(graph.arcLength[position.arc.position]): node = NodeIndex(Int32(graph.nodePrimary[Int(graph.arcHead[position.arc.position])]))
        default: return nil
        }
        for arc in graph.outArcs(of: node) where graph.arcLength[arc] >= 2 {
            guard let opposite = graph.oppositeArc(of: ArcIndex(arc), tail: node) else { continue }
            let length = Int64(graph.arcLength[arc])
            let slowest = Int64(max(graph.arcTime[arc], graph.arcTime[opposite.position]))  // ms
            let offset = min(length / 2, max(1, length * 100 / slowest))
            let seconds = Double(slowest) * Double(offset) / Double(length) / 1000
            return (RoadPosition(arc: ArcIndex(arc), offset: Millimeters(offset), oppositeArc: opposite), seconds)
        }
        return nil
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
        let twins = positions.map { Self.midArcTwin(of: $0, in: graph) }
        let twinIndex = twins.indices.filter { twins[$0] != nil }  // twin k stands for point twinIndex[k]
        #expect(twinIndex.count >= 50, "\(map): only \(twinIndex.count) points have a mid-arc twin")
        let all = positions + twinIndex.map { twins[$0]!.position }
        let matrix = engine.matrix(sources: all, targets: all)
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
        var twinsOff = 0
        for (k, point) in twinIndex.enumerated() {
            let twin = 100 + k, drive = twins[point]!.seconds
            for other in 0..<100 where other != point {
                for (from, to, reference) in [(other, twin, durations[other][point]), (twin, other, durations[point][other])] {
                    guard let reference, let cost = matrix[from, to] else { continue }
                    // The reference rounds nothing, we round each arc (and part of an arc) to the millisecond.
                    if abs(Double(cost.time) / 1000 - reference) > drive + 0.05 {
                        twinsOff += 1
                        if twinsOff <= 3 { Issue.record("\(map) twin of \(point), \(from)→\(to): \(cost.time) ms vs \(reference) s ± \(drive) s") }
                    }
                }
            }
        }
        #expect(twinsOff == 0, "\(map): \(twinsOff) routes to or from mid-arc twins off their reference")
    }
}
