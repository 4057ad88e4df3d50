import Foundation
import LastMileCore
import LastMileGraph
import LastMileOSM
import LastMileSampleTown
import LastMileTestSupport
import Testing

@Suite struct SampleTownTests {
    /// `maps/sample-town.osm.pbf` is exactly what the generator writes for seed 1.
    @Test func bundledFileIsTheGeneratorsOutput() throws {
        let bundled = try Data(contentsOf: SharedData.maps.appendingPathComponent("sample-town.osm.pbf"))
        #expect(Array(bundled) == PBFWriter.encode(SampleTown.generate(seed: 1)),
                "regenerate with `swift run lastmile generate-sample-town`")
        #expect(PBFWriter.encode(SampleTown.generate(seed: 2)) != Array(bundled))
    }

    @Test func townHasItsFeatures() throws {
        let url = SharedData.maps.appendingPathComponent("sample-town.osm.pbf")
        let (graph, report) = try RoadGraphBuilder.build(osmFile: url, profile: .car)
        #expect(report.components == 1)
        #expect(report.turnRestrictionsApplied == 1)
        #expect(graph.invariantViolation() == nil)
        // The river runs along longitude 8.0: four road crossings (two ring-road bridges, the avenue, Mill Bridge).
        let tails = graph.arcTails()
        let riverE7: Int32 = 80_000_000
        let crossings = (0..<graph.arcCount).filter { arc in
            graph.nodeCoordinate[Int(tails[arc])].longitudeE7 < riverE7
                && graph.nodeCoordinate[Int(graph.arcHead[arc])].longitudeE7 >= riverE7
        }
        #expect(crossings.count == 4)
        let share = Double(report.onewayArcs) / Double(graph.arcCount)
        #expect(share > 0.1 && share < 0.3)
        #expect(graph.arcFlags.contains { ArcFlags(rawValue: $0).contains(.destinationOnly) })
        #expect(graph.arcClass.contains(RoadClass.trunk.rawValue))
        #expect(graph.arcClass.contains(RoadClass.livingStreet.rawValue))
        // The pedestrian square and the private street are not in the car graph.
        let data = try OSMFileReader.read(url)
        let pedestrianAndPrivate = data.ways.filter { $0.tags["highway"] == "pedestrian" || $0.tags["access"] == "private" }
        #expect(pedestrianAndPrivate.count == 2)
        let excludedInner = Set(pedestrianAndPrivate.flatMap { $0.nodeIDs.dropFirst().dropLast() })
        #expect(graph.nodeOSMID.allSatisfy { !excludedInner.contains($0) })
    }
}
