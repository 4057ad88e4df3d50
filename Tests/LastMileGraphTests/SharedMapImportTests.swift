import Foundation
import LastMileGeo
import LastMileGraph
import LastMileTestSupport
import Testing

/// Imports every real extract in `../shared/maps` and checks the graph against figures derived independently
/// from the raw data by the peer harness (pyosmium + its own graph builder, `../shared/maps/README.md`).
@Suite struct SharedMapImportTests {
    /// Baseline-model sizes from `../shared/maps/README.md`: graph nodes, directed edges, largest SCC nodes, SCCs.
    struct Expected: Sendable, CustomStringConvertible {
        var map: String
        var nodes: Int
        var arcs: Int
        var largestComponent: Int
        var components: Int
        var description: String { map }
    }

    static let maps: [Expected] = [
        Expected(map: "helsinki.osm.pbf", nodes: 919, arcs: 1_533, largestComponent: 817, components: 57),
        Expected(map: "liechtenstein.osm.pbf", nodes: 3_425, arcs: 7_564, largestComponent: 3_375, components: 25),
        Expected(map: "north-bayreuth.osm.gz", nodes: 1_156, arcs: 2_420, largestComponent: 1_075, components: 69),
        Expected(map: "monaco.osm.pbf", nodes: 2_264, arcs: 4_260, largestComponent: 2_074, components: 112),
        Expected(map: "heidelberg.osm.pbf", nodes: 12_184, arcs: 25_697, largestComponent: 10_794, components: 535),
        Expected(map: "porto.osm.pbf", nodes: 62_082, arcs: 142_520, largestComponent: 61_339, components: 445),
    ]

    @Test func everySharedMapIsListed() throws {
        let files = try SharedData.sharedMapFiles().map(\.lastPathComponent)
        #expect(files == Self.maps.map(\.map).sorted())
    }

    /// With the baseline profile our graph is the peers' graph. Porto differs by 9 of 62,082 nodes: porto has 38
    /// degenerate one-node highway ways, whose nodes the harness makes graph nodes ("way ends") and LastMile
    /// ignores (checked with a separate count: 62,073 without them). The bound is 0.05 % or 2.
    @Test(arguments: maps) func baselineGraphMatchesThePeerHarness(expected: Expected) throws {
        let url = try SharedData.shared("maps/\(expected.map)")
        let (graph, report) = try RoadGraphBuilder.build(osmFile: url, profile: .baseline)
        func close(_ ours: Int, _ theirs: Int) -> Bool { abs(ours - theirs) <= max(2, theirs / 2000) }
        #expect(close(report.nodesBeforePruning, expected.nodes), "nodes \(report.nodesBeforePruning) vs \(expected.nodes)")
        #expect(close(report.arcsBeforePruning, expected.arcs), "arcs \(report.arcsBeforePruning) vs \(expected.arcs)")
        #expect(close(graph.nodeCount, expected.largestComponent), "SCC \(graph.nodeCount) vs \(expected.largestComponent)")
        #expect(close(report.components, expected.components), "SCCs \(report.components) vs \(expected.components)")
        #expect(graph.invariantViolation() == nil)
    }

    /// The car profile on every map: structural invariants and plausible shares.
    @Test(arguments: maps) func carGraphInvariants(expected: Expected) throws {
        let url = try SharedData.shared("maps/\(expected.map)")
        let (graph, report) = try RoadGraphBuilder.build(osmFile: url, profile: .car)
        #expect(graph.invariantViolation() == nil)
        #expect(graph.arcLength.allSatisfy { $0 > 0 })
        #expect(graph.arcTime.allSatisfy { $0 > 0 })
        #expect(report.keptNodeShare > 0.85, "kept only \(report.keptNodeShare) of the nodes")
        let onewayShare = Double(report.onewayArcs) / Double(graph.arcCount)
        #expect(onewayShare > 0.01 && onewayShare < 0.4, "one-way share \(onewayShare)")
        // Every arc's length is at least the straight line between its ends (haversine along the shape ≥ chord).
        let tails = graph.arcTails()
        for arc in stride(from: 0, to: graph.arcCount, by: 97) {
            let chord = Haversine.distanceMeters(graph.nodeCoordinate[Int(tails[arc])], graph.nodeCoordinate[Int(graph.arcHead[arc])])
            #expect(Double(graph.arcLength[arc]) / 1000 >= chord - 0.002)
        }
        if expected.map == "helsinki.osm.pbf" {
            #expect(report.missingNodeReferences > 0)  // the extract is cut at its border
        }
    }
}
