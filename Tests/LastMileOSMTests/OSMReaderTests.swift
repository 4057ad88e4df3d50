import Foundation
import LastMileCore
import LastMileTestSupport
import Testing

@testable import LastMileOSM

/// The readers against the element counts of `../shared/maps/README.md` (a full pyosmium pass), and on
/// broken input.
@Suite struct OSMReaderTests {
    struct Counts: Sendable, CustomStringConvertible {
        var map: String
        var nodes: Int
        var ways: Int
        var relations: Int
        var description: String { map }
    }

    static let maps: [Counts] = [
        Counts(map: "helsinki.osm.pbf", nodes: 24_260, ways: 5_130, relations: 620),
        Counts(map: "liechtenstein.osm.pbf", nodes: 142_832, ways: 15_247, relations: 358),
        Counts(map: "north-bayreuth.osm.gz", nodes: 58_631, ways: 7_801, relations: 179),
        Counts(map: "monaco.osm.pbf", nodes: 180_118, ways: 27_377, relations: 212),
        Counts(map: "heidelberg.osm.pbf", nodes: 221_009, ways: 31_619, relations: 1_700),
        Counts(map: "porto.osm.pbf", nodes: 347_944, ways: 51_458, relations: 357),
    ]

    @Test(arguments: maps) func elementCountsMatchTheInventory(expected: Counts) throws {
        let data = try OSMFileReader.read(try SharedData.shared("maps/\(expected.map)"))
        #expect(data.nodes.count == expected.nodes)
        #expect(data.ways.count == expected.ways)
        #expect(data.relations.count == expected.relations)
    }

    /// README: 4,525 of helsinki's 38,026 way-node references point outside the cut.
    @Test func helsinkiMissingReferences() throws {
        let data = try OSMFileReader.read(try SharedData.shared("maps/helsinki.osm.pbf"))
        let known = Set(data.nodes.ids)
        let references = data.ways.flatMap(\.nodeIDs)
        #expect(references.count == 38_026)
        #expect(references.filter { !known.contains($0) }.count == 4_525)
    }

    @Test func pbfRoundTripIsLossless() throws {
        let original = try OSMFileReader.read(SharedData.fixture("osm/turn-restriction.osm"))
        let bytes = PBFWriter.encode(original)
        let back = try OSMFileReader.read(bytes: bytes, name: "round-trip.osm.pbf")
        #expect(back.nodes.ids == original.nodes.ids)
        #expect(back.nodes.coordinates == original.nodes.coordinates)
        #expect(back.ways.map(\.id) == original.ways.map(\.id))
        #expect(back.ways.map(\.tags) == original.ways.map(\.tags))
        #expect(back.ways.map(\.nodeIDs) == original.ways.map(\.nodeIDs))
        #expect(back.relations.map(\.members) == original.relations.map(\.members))
        #expect(back.relations.map(\.tags) == original.relations.map(\.tags))
    }

    @Test func xmlEntitiesAreDecoded() throws {
        let xml = """
            <?xml version="1.0"?>
            <osm><way id="1"><nd ref="1"/><tag k="name" v="A &amp; B &quot;C&quot; &#252;&#x00DF;"/></way></osm>
            """
        let data = try OSMFileReader.read(bytes: Array(xml.utf8), name: "entities.osm")
        #expect(data.ways.first?.tags["name"] == "A & B \"C\" üß")
    }

    @Test func truncatedPBFNamesTheBlock() throws {
        let bytes = try Array(Data(contentsOf: SharedData.shared("maps/monaco.osm.pbf")))
        for cut in [10, 1_000, bytes.count / 2, bytes.count - 1] {
            let error = try #require(throws: OSMError.self) {
                try OSMFileReader.read(bytes: Array(bytes[..<cut]), name: "monaco-cut.osm.pbf")
            }
            #expect(error.code == .truncated, "cut at \(cut): \(error)")
            #expect(error.location?.contains("block") == true)
            #expect(error.description.contains("monaco-cut.osm.pbf"))
        }
    }

    /// Flipping bytes anywhere must give an error or a (possibly different) result, never a crash.
    @Test func corruptPBFNeverCrashes() throws {
        let original = try Array(Data(contentsOf: SharedData.shared("maps/helsinki.osm.pbf")))
        var random = SplitMix64(seed: 7)
        var errors = 0
        for trial in 0..<40 {
            var bytes = original
            for _ in 0..<4 {
                let position = Int(random.next() % UInt64(bytes.count))
                bytes[position] ^= UInt8(truncatingIfNeeded: random.next() | 1)
            }
            do {
                _ = try OSMFileReader.read(bytes: bytes, name: "corrupt-\(trial).osm.pbf")
            } catch let error as OSMError {
                errors += 1
                #expect(error.location != nil, "seed 7 trial \(trial): \(error)")
            }
        }
        #expect(errors > 20)
    }

    @Test func brokenXMLNamesTheLine() throws {
        let error = try #require(throws: OSMError.self) {
            try OSMFileReader.read(SharedData.fixture("osm/broken.osm"))
        }
        #expect(error.code == .corrupt)
        #expect(error.location == "line 6")
        #expect(error.message.contains("</osm>"))
    }

    @Test func truncatedXMLIsTruncation() throws {
        let text = try String(contentsOf: SharedData.fixture("osm/oneway.osm"), encoding: .utf8)
        let error = try #require(throws: OSMError.self) {
            try OSMFileReader.read(bytes: Array(text.utf8.prefix(text.utf8.count - 12)), name: "cut.osm")
        }
        #expect(error.code == .truncated)
    }

    @Test func emptyAndForeignFiles() throws {
        let empty = try #require(throws: OSMError.self) { try OSMFileReader.read(bytes: [], name: "empty.osm.pbf") }
        #expect(empty.code == .truncated)
        let text = try #require(throws: OSMError.self) {
            try OSMFileReader.read(bytes: Array("hello, world".utf8), name: "hello.txt")
        }
        #expect(text.code == .corrupt)
    }
}
