import LastMileCore
import LastMileGraph
import LastMileTestSupport
import Testing

/// Exact graphs of the hand-made fixtures in `fixtures/osm/`.
@Suite struct RoadGraphBuilderTests {
    /// 0.001° of latitude on the R = 6,371,008.8 m sphere, in mm.
    static let milliDegree: UInt32 = 111_195

    @Test func onewayAndReverseOneway() throws {
        let (graph, report) = try GraphFixtures.build("oneway.osm")
        #expect(GraphFixtures.arcNames(graph) == ["1>3", "1>4", "3>4", "4>1"])
        #expect(report.onewayArcs == 2)
        let forward = try #require(GraphFixtures.arc(from: 1, to: 3, in: graph))
        #expect(graph.arcLength[forward.position] == 2 * Self.milliDegree)
        // 222,390 mm at 25 km/h: 222390 × 3.6 / 25 = 32,024.16 ms.
        #expect(graph.arcTime[forward.position] == 32_024)
        // Node 2 is not an intersection: it is the shape point of 1>3.
        let tail = graph.tail(of: forward)
        #expect(graph.geometry(of: forward, tail: tail).count == 3)
        #expect(graph.invariantViolation() == nil)
        // Every arc keeps its OSM way (the key of traffic overrides and closures).
        for (tail, head, way) in [(1, 3, 10), (3, 4, 11), (1, 4, 12), (4, 1, 12)] as [(Int64, Int64, Int64)] {
            #expect(graph.arcWayID[try #require(GraphFixtures.arc(from: tail, to: head, in: graph)).position] == way)
        }
    }

    @Test func accessRules() throws {
        let (graph, _) = try GraphFixtures.build("access.osm")
        // Node 4 only meets a footway, so it is a shape point of the arc between 3 and 1.
        #expect(GraphFixtures.arcNames(graph) == ["1>2", "1>3", "2>1", "2>3", "2>9", "3>1", "3>2", "3>6", "6>3", "9>2"])
        let destination = try #require(GraphFixtures.arc(from: 3, to: 6, in: graph))
        #expect(ArcFlags(rawValue: graph.arcFlags[destination.position]).contains(.destinationOnly))
        let plain = try #require(GraphFixtures.arc(from: 1, to: 2, in: graph))
        #expect(!ArcFlags(rawValue: graph.arcFlags[plain.position]).contains(.destinationOnly))

        // The baseline profile allows destination roads without flagging them.
        let (baseline, _) = try GraphFixtures.build("access.osm", profile: .baseline)
        let unflagged = try #require(GraphFixtures.arc(from: 3, to: 6, in: baseline))
        #expect(baseline.arcFlags[unflagged.position] == 0)
    }

    @Test func roundaboutAndImpliedMotorwayOneway() throws {
        let (graph, report) = try GraphFixtures.build("roundabout.osm")
        #expect(GraphFixtures.arcNames(graph) == [
            "1>2", "1>4", "2>3", "2>5", "3>1", "3>6", "4>1", "5>2", "5>8", "6>3", "8>5",
        ])
        #expect(report.droppedNodes == 1)  // node 7, reachable only one way
        #expect(report.components == 2)
    }

    @Test func wayIsSplitWhereANodeIsMissing() throws {
        let (graph, report) = try GraphFixtures.build("missing-node.osm")
        #expect(report.missingNodeReferences == 1)
        #expect(GraphFixtures.arcNames(graph) == ["1>2", "2>1", "2>3", "3>2", "3>4", "4>3"])
        let bridgeOfTheGap = try #require(GraphFixtures.arc(from: 2, to: 3, in: graph))
        #expect(graph.arcLength[bridgeOfTheGap.position] == 2 * Self.milliDegree)
    }

    @Test func ferriesUseTheirDurationOrTheFerrySpeed() throws {
        let (graph, _) = try GraphFixtures.build("ferry.osm")
        let timed = try #require(GraphFixtures.arc(from: 2, to: 3, in: graph))
        #expect(graph.arcTime[timed.position] == 1_800_000)
        #expect(ArcFlags(rawValue: graph.arcFlags[timed.position]).contains(.ferry))
        #expect(graph.arcClass[timed.position] == RoadClass.ferry.rawValue)
        let untimed = try #require(GraphFixtures.arc(from: 4, to: 5, in: graph))
        // 111,195 mm at 5 km/h = 80,060.4 ms.
        #expect(graph.arcTime[untimed.position] == 80_060)

        let (baseline, _) = try GraphFixtures.build("ferry.osm", profile: .baseline)
        #expect(GraphFixtures.arc(from: 2, to: 3, in: baseline) == nil)
    }

    @Test func noLeftTurnSplitsTheViaNode() throws {
        let (graph, report) = try GraphFixtures.build("turn-restriction.osm")
        #expect(report.turnRestrictionsApplied == 1)
        #expect(report.turnRestrictionsViaWay == 1)
        #expect(report.turnRestrictionsSkipped == 1)
        // Arriving from 1, node 2 is the copy 2', which offers the U-turn and the east arm only.
        #expect(GraphFixtures.arcNames(graph) == [
            "1>2'", "2'>1", "2'>4", "2>1", "2>3", "2>4", "3>2", "4>2",
        ])
        #expect(graph.nodeCount == 5)
    }

    @Test func onlyStraightOnKeepsOneExit() throws {
        let (graph, report) = try GraphFixtures.build("only-straight-on.osm")
        #expect(report.turnRestrictionsApplied == 1)
        #expect(GraphFixtures.arcNames(graph) == ["1>2'", "2'>4", "2>1", "2>3", "2>4", "3>2", "4>2"])
    }

    @Test func restrictionsAreIgnoredWhenTheProfileSaysSo() throws {
        let (graph, report) = try GraphFixtures.build("turn-restriction.osm", profile: .baseline)
        #expect(report.turnRestrictionsApplied == 0)
        #expect(graph.nodeCount == 4)
    }

    @Test func maxspeedForms() throws {
        let (graph, _) = try GraphFixtures.build("maxspeed.osm")
        func time(_ from: Int64, _ to: Int64) throws -> UInt32 {
            graph.arcTime[try #require(GraphFixtures.arc(from: from, to: to, in: graph)).position]
        }
        // 111,195 mm at v km/h takes 111195 × 3.6 / v ms; posted limits are driven at 80 %.
        #expect(try time(1, 2) == 16_012)  // residential default, 25 km/h
        #expect(try time(2, 3) == 10_008)  // 50 × 0.8 = 40 km/h
        #expect(try time(3, 4) == 10_364)  // 30 mph = 48.28 km/h × 0.8
        #expect(try time(4, 5) == 10_008)  // DE:urban = 50
        #expect(try time(5, 6) == 16_012)  // none: class speed
        #expect(try time(6, 7) == 83_396)  // walk = 6 km/h × 0.8
        #expect(try time(7, 8) == 16_679)  // 50;30 → 30 × 0.8 = 24
        #expect(try time(8, 9) == 5_004)  // forward 100 × 0.8 = 80
        #expect(try time(9, 8) == 25_019)  // backward 20 × 0.8 = 16
    }

    @Test func noRoadsIsAClearError() throws {
        let error = try #require(throws: GraphError.self) { try GraphFixtures.build("no-roads.osm") }
        #expect(error.code == .noRoads)
        #expect(error.message.contains("no-roads.osm"))
    }
}
