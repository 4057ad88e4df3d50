import Foundation
import LastMileCore
import LastMileGraph
import LastMileTestSupport
import Testing

@testable import LastMileRouting

/// The CCH many-to-many matrix against plain Dijkstra, exactly (time and length), on random positions.
@Suite struct MatrixOracleTests {
    static let seed: UInt64 = 42

    /// Random positions on arcs that leave intersections (as snapping returns them).
    static func randomPositions(_ count: Int, in graph: RoadGraph, using random: inout SplitMix64) -> [RoadPosition] {
        let tails = graph.arcTails()
        let candidates = (0..<graph.arcCount).filter { !graph.isTurnCopy(NodeIndex(Int32(tails[$0]))) }
        return (0..<count).map { _ in
            let arc = candidates[Int(random.next() % UInt64(candidates.count))]
            let length = UInt64(graph.arcLength[arc])
            let offset: UInt64
            switch random.next() % 4 {
            case 0: offset = 0
            case 1: offset = length
            default: offset = random.next() % (length + 1)
            }
            let arcIndex = ArcIndex(arc)
            return RoadPosition(
                arc: arcIndex, offset: Millimeters(Int64(offset)),
                oppositeArc: graph.oppositeArc(of: arcIndex, tail: NodeIndex(Int32(tails[arc])))
            )
        }
    }

    static func check(graph: RoadGraph, hierarchy: ContractionHierarchy, metric: RoadMetric, count: Int, seed: UInt64, label: String) throws {
        var random = SplitMix64(seed: seed)
        let sources = randomPositions(count, in: graph, using: &random)
        let targets = randomPositions(count, in: graph, using: &random) + sources.prefix(3)
        let engine = RoutingEngine(hierarchy: hierarchy, metric: metric)
        let matrix = engine.matrix(sources: sources, targets: targets)
        let expected = try DijkstraMatrix.compute(graph: graph, metric: metric, sources: sources, targets: targets).costs
        try #require(expected.count == sources.count * targets.count && matrix.costs.count == expected.count, "\(label): incomplete matrices")
        let midArc = sources.filter { $0.offset.rawValue > 0 && $0.offset.rawValue < Int64(graph.arcLength[$0.arc.position]) }
        #expect(midArc.count >= count / 4, "\(label): only \(midArc.count) sources in the middle of an arc")
        var mismatches = 0
        for index in expected.indices where matrix.costs[index] != expected[index] {
            mismatches += 1
            if mismatches <= 3 {
                Issue.record("\(label) seed \(seed): pair \(index / targets.count)→\(index % targets.count): CCH \(matrix.costs[index]) vs Dijkstra \(expected[index])")
            }
        }
        #expect(mismatches == 0, "\(label) seed \(seed): \(mismatches) mismatches")
        // A position to itself costs nothing.
        for i in 0..<3 { #expect(matrix[i, count + i] == .zero) }
    }

    @Test(arguments: ["oneway.osm", "roundabout.osm", "turn-restriction.osm", "only-straight-on.osm", "ferry.osm", "maxspeed.osm"])
    func fixtures(name: String) throws {
        let (graph, _) = try GraphFixtures.build(name)
        let hierarchy = ContractionHierarchy(graph: graph)
        try Self.check(graph: graph, hierarchy: hierarchy, metric: RoadMetric(freeFlowOf: graph), count: 12, seed: Self.seed, label: name)
    }

    @Test func sampleTownWithClosuresAndTraffic() throws {
        let (graph, _) = try RoadGraphBuilder.build(osmFile: SharedData.maps.appendingPathComponent("sample-town.osm.pbf"), profile: .car)
        let hierarchy = ContractionHierarchy(graph: graph)
        let free = RoadMetric(freeFlowOf: graph)
        try Self.check(graph: graph, hierarchy: hierarchy, metric: free, count: 40, seed: Self.seed, label: "sample town")
        // Close every tenth arc, then slow everything down: the same hierarchy, new customizations.
        let closed = free.closing(stride(from: 0, to: graph.arcCount, by: 10))
        try Self.check(graph: graph, hierarchy: hierarchy, metric: closed, count: 40, seed: Self.seed + 1, label: "sample town, closures")
        try Self.check(graph: graph, hierarchy: hierarchy, metric: free.scaled(by: 1.37), count: 40, seed: Self.seed + 2, label: "sample town ×1.37")
    }

    /// A position off the graph is an error of the oracle, never an empty or partial matrix that compares equal.
    @Test func oracleThrowsForAPositionOffTheGraph() throws {
        let (graph, _) = try GraphFixtures.build("oneway.osm")
        let metric = RoadMetric(freeFlowOf: graph)
        let onRoad = RoadPosition(arc: ArcIndex(0), offset: .zero, oppositeArc: nil)
        let pastTheEnd = RoadPosition(arc: ArcIndex(0), offset: Millimeters(Int64(graph.arcLength[0]) + 1), oppositeArc: nil)
        let noSuchArc = RoadPosition(arc: ArcIndex(graph.arcCount), offset: .zero, oppositeArc: nil)
        for bad in [pastTheEnd, noSuchArc] {
            #expect(throws: SplitPositionGraph.InvalidPosition.self) {
                try DijkstraMatrix.compute(graph: graph, metric: metric, sources: [onRoad], targets: [bad])
            }
        }
    }

    /// A hierarchy built from the order stored with the graph answers exactly like one that computes it.
    @Test func storedRoutingOrderGivesTheSameHierarchy() throws {
        let (graph, _) = try RoadGraphBuilder.build(osmFile: try SharedData.shared("maps/monaco.osm.pbf"), profile: .car)
        let computed = ContractionHierarchy(graph: graph)
        let stored = ContractionHierarchy(graph: graph.withRoutingOrder(ContractionHierarchy.nestedDissectionOrder(of: graph)))
        #expect(computed.rank == stored.rank)
        #expect(computed.upHead == stored.upHead)
    }

    @Test(arguments: ["helsinki.osm.pbf", "monaco.osm.pbf", "liechtenstein.osm.pbf", "north-bayreuth.osm.gz", "heidelberg.osm.pbf", "porto.osm.pbf"])
    func sharedMaps(map: String) throws {
        let (graph, _) = try RoadGraphBuilder.build(osmFile: try SharedData.shared("maps/\(map)"), profile: .car)
        let hierarchy = ContractionHierarchy(graph: graph)
        try Self.check(graph: graph, hierarchy: hierarchy, metric: RoadMetric(freeFlowOf: graph), count: map == "porto.osm.pbf" ? 12 : 25, seed: Self.seed, label: map)
    }
}

/// Unreachable pairs are explicit, never 0 or a huge number.
@Suite struct UnreachableTests {
    @Test func closedApproachesMakeATargetUnreachable() throws {
        let (graph, _) = try GraphFixtures.build("oneway.osm")
        let into3 = try #require(GraphFixtures.arc(from: 1, to: 3, in: graph))
        let from3 = try #require(GraphFixtures.arc(from: 3, to: 4, in: graph))
        let from1 = try #require(GraphFixtures.arc(from: 1, to: 4, in: graph))
        let metric = RoadMetric(freeFlowOf: graph).closing([into3.position])
        let engine = RoutingEngine(hierarchy: ContractionHierarchy(graph: graph), metric: metric)
        // Node 3 is reached only by the closed 1→3: the start of 3→4 cannot be reached from node 1.
        let atNode1 = RoadPosition(arc: from1, offset: .zero, oppositeArc: graph.oppositeArc(of: from1, tail: graph.tail(of: from1)))
        let atNode3 = RoadPosition(arc: from3, offset: .zero, oppositeArc: nil)
        let matrix = engine.matrix(sources: [atNode1, atNode3], targets: [atNode1, atNode3])
        #expect(matrix[0, 1] == nil)
        #expect(matrix[1, 0] != nil)
        #expect(engine.route(through: [atNode1, atNode3]) == nil)
        let oracle = try DijkstraMatrix.compute(graph: graph, metric: metric, sources: [atNode1, atNode3], targets: [atNode1, atNode3])
        #expect(oracle.costs == matrix.costs)
    }
}
