import Foundation
import LastMileCore

/// Writes OSM data as `.osm.pbf`: an `OSMHeader` blob, then zlib-compressed blocks of dense nodes, ways and
/// relations (at most ``elementsPerBlock`` each), as extract providers ship them.
///
/// Node tags are not written (``OSMNodes`` carries none). Coordinates use the default granularity of
/// 100 nanodegrees, which is exactly the 10⁻⁷ degrees of ``Coordinate``, so a round trip is lossless.
public enum PBFWriter {
    public static let elementsPerBlock = 8000

    /// The bytes of a PBF file holding `data`.
    public static func encode(_ data: OSMData, writingProgram: String = "lastmile") -> [UInt8] {
        var file: [UInt8] = []
        var header = ProtobufWriter()
        header.writeField(4, string: "OsmSchema-V0.6")
        header.writeField(4, string: "DenseNodes")
        header.writeField(16, string: writingProgram)
        appendBlob(type: "OSMHeader", payload: header.bytes, to: &file)

        for start in stride(from: 0, to: data.nodes.count, by: elementsPerBlock) {
            let range = start..<min(start + elementsPerBlock, data.nodes.count)
            var dense = ProtobufWriter()
            dense.writePackedDeltaSigned(1, Array(data.nodes.ids[range]))
            dense.writePackedDeltaSigned(8, data.nodes.coordinates[range].map { Int64($0.latitudeE7) })
            dense.writePackedDeltaSigned(9, data.nodes.coordinates[range].map { Int64($0.longitudeE7) })
            var group = ProtobufWriter()
            group.writeField(2, bytes: dense.bytes)
            appendBlob(type: "OSMData", payload: primitiveBlock(strings: StringTable(), group: group.bytes), to: &file)
        }
        appendBlocks(of: data.ways, groupField: 3, to: &file) { way, strings in
            var message = ProtobufWriter()
            message.writeField(1, int: way.id)
            message.writePacked(2, unsigned: way.tags.map { UInt64(strings.index(of: $0.key)) })
            message.writePacked(3, unsigned: way.tags.map { UInt64(strings.index(of: $0.value)) })
            message.writePackedDeltaSigned(8, way.nodeIDs)
            return message.bytes
        }
        appendBlocks(of: data.relations, groupField: 4, to: &file) { relation, strings in
            var message = ProtobufWriter()
            message.writeField(1, int: relation.id)
            message.writePacked(2, unsigned: relation.tags.map { UInt64(strings.index(of: $0.key)) })
            message.writePacked(3, unsigned: relation.tags.map { UInt64(strings.index(of: $0.value)) })
            message.writePacked(8, unsigned: relation.members.map { UInt64(strings.index(of: $0.role)) })
            message.writePackedDeltaSigned(9, relation.members.map(\.ref))
            message.writePacked(10, unsigned: relation.members.map { UInt64($0.kind.rawValue) })
            return message.bytes
        }
        return file
    }

    /// Writes `data` to `url` as `.osm.pbf`.
    public static func write(_ data: OSMData, to url: URL) throws {
        do {
            try Data(encode(data)).write(to: url, options: .atomic)
        } catch {
            throw OSMError(.unreadable, file: url.path, "cannot write the file (\(error.localizedDescription))")
        }
    }

    /// Appends elements in blocks of ``elementsPerBlock``, each block with its own string table; `encode` turns
    /// one element into its message, adding its strings to the table.
    private static func appendBlocks<Element>(
        of elements: [Element], groupField: Int, to file: inout [UInt8],
        encode: (Element, inout StringTable) -> [UInt8]
    ) {
        for start in stride(from: 0, to: elements.count, by: elementsPerBlock) {
            var strings = StringTable()
            var group = ProtobufWriter()
            for element in elements[start..<min(start + elementsPerBlock, elements.count)] {
                group.writeField(groupField, bytes: encode(element, &strings))
            }
            appendBlob(type: "OSMData", payload: primitiveBlock(strings: strings, group: group.bytes), to: &file)
        }
    }

    private static func primitiveBlock(strings: StringTable, group: [UInt8]) -> [UInt8] {
        var table = ProtobufWriter()
        for string in strings.strings { table.writeField(1, string: string) }
        var block = ProtobufWriter()
        block.writeField(1, bytes: table.bytes)
        block.writeField(2, bytes: group)
        return block.bytes
    }

    private static func appendBlob(type: String, payload: [UInt8], to file: inout [UInt8]) {
        var blob = ProtobufWriter()
        blob.writeField(2, int: Int64(payload.count))
        blob.writeField(3, bytes: Zlib.deflate(payload))
        var header = ProtobufWriter()
        header.writeField(1, string: type)
        header.writeField(3, int: Int64(blob.bytes.count))
        let length = UInt32(header.bytes.count)
        file.append(contentsOf: [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)])
        file.append(contentsOf: header.bytes)
        file.append(contentsOf: blob.bytes)
    }

    /// A block's string table; index 0 is the empty string, as the format requires.
    private struct StringTable {
        private(set) var strings: [String] = [""]
        private var indices: [String: Int] = ["": 0]

        mutating func index(of string: String) -> Int {
            if let index = indices[string] { return index }
            strings.append(string)
            indices[string] = strings.count - 1
            return strings.count - 1
        }
    }
}
