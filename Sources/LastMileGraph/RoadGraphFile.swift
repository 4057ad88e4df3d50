import Foundation
import LastMileCore
import LastMileGeo
import LastMileOSM

/// The versioned binary file of a ``RoadGraph`` (`lastmile import … -o city.graph`).
///
/// Layout (little-endian):
/// ```
/// magic "LMGRAPH\0" (8 bytes) | version UInt32 | reserved UInt32 | payload length UInt64 | payload CRC-32 UInt32 | pad UInt32
/// payload: sections in a fixed order, each `element count UInt64` + raw elements, padded to 8 bytes
/// ```
/// Sections: metadata JSON (profile name, UTM zone, import report), then the graph's arrays in declaration order.
/// Loading is one read of the whole file, a checksum pass and one copy per array. Arrays are stored in the
/// host byte order, which is little-endian on every platform Swift targets for servers (x86-64, arm64).
public enum RoadGraphFile {
    public static let magic: [UInt8] = Array("LMGRAPH\0".utf8)
    /// Bumped whenever the layout or the meaning of a field changes (3: the OSM way id of every arc).
    public static let version: UInt32 = 3
    static let headerSize = 32

    /// What the file records besides the arrays.
    struct Metadata: Codable {
        var profileName: String
        var utmZone: Int
        var utmSouth: Bool
        var report: ImportReport
    }

    /// Writes `graph` (and the report of its import) to `url`, replacing any file there atomically.
    public static func write(_ graph: RoadGraph, report: ImportReport, to url: URL) throws {
        var payload = PayloadWriter()
        let metadata = Metadata(
            profileName: graph.profileName, utmZone: graph.projection.number, utmSouth: graph.projection.isSouth,
            report: report
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        payload.append(Array(try encoder.encode(metadata)))
        payload.append(graph.firstOut)
        payload.append(graph.arcHead)
        payload.append(graph.arcLength)
        payload.append(graph.arcTime)
        payload.append(graph.arcClass)
        payload.append(graph.arcFlags)
        payload.append(graph.arcWayID)
        payload.append(graph.shapeStart)
        payload.append(graph.shapePoints)
        payload.append(graph.nodeCoordinate)
        payload.append(graph.nodeX)
        payload.append(graph.nodeY)
        payload.append(graph.nodeOSMID)
        payload.append(graph.nodePrimary)
        payload.append(graph.routingOrder)

        var file = magic
        appendLittleEndian(version, to: &file)
        appendLittleEndian(UInt32(0), to: &file)
        appendLittleEndian(UInt64(payload.bytes.count), to: &file)
        appendLittleEndian(payload.bytes.withUnsafeBytes { Zlib.crc32($0) }, to: &file)
        appendLittleEndian(UInt32(0), to: &file)
        file.append(contentsOf: payload.bytes)
        do {
            try Data(file).write(to: url, options: .atomic)
        } catch {
            throw GraphError(.fileAccess, "cannot write the graph file (\(error.localizedDescription))", file: url.relativePath, hint: "give -o a path in a folder you may write to")
        }
    }

    /// Reads a graph file written by ``write(_:report:to:)``.
    ///
    /// - Throws: ``GraphError`` `.wrongFormat` for a file that is not a LastMile graph or of another version
    ///   (re-run `lastmile import`), `.corruptFile` when the checksum or structure does not match.
    public static func read(_ url: URL) throws -> (graph: RoadGraph, report: ImportReport) {
        let name = url.relativePath
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw GraphError(.fileAccess, isFolder.boolValue ? "is a folder, not a graph file" : "graph file not found", file: name,
                             hint: "give the file `lastmile import MAP.osm.pbf -o FILE.graph` wrote")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw GraphError(.fileAccess, "cannot read the graph file (\(error.localizedDescription))", file: name, hint: "check its permissions")
        }
        return try data.withUnsafeBytes { bytes in try read(bytes, name: name) }
    }

    /// Reads a graph file's bytes already in memory; `name` is used in error messages (fuzzing, tests).
    ///
    /// - Throws: ``GraphError`` as ``read(_:)`` does.
    public static func read(_ bytes: UnsafeRawBufferPointer, name: String) throws -> (graph: RoadGraph, report: ImportReport) {
        guard bytes.count >= headerSize, Array(bytes[0..<8]) == magic else {
            throw GraphError(.wrongFormat, "not a LastMile graph file (no LMGRAPH header)", file: name,
                             hint: "build one from an OSM extract with `lastmile import MAP.osm.pbf -o FILE.graph` and give FILE.graph")
        }
        let fileVersion = bytes.loadUnaligned(fromByteOffset: 8, as: UInt32.self).littleEndian
        guard fileVersion == version else {
            throw GraphError(.wrongFormat, "graph file of format version \(fileVersion); this lastmile reads version \(version)"
                + (fileVersion < 3 ? " (older files lack the OSM way id of each arc, which traffic overrides and closures need)" : ""),
                file: name, hint: "re-create it from its OSM extract with `lastmile import MAP.osm.pbf -o \(name)`")
        }
        let payloadLength = bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self).littleEndian
        let expectedCRC = bytes.loadUnaligned(fromByteOffset: 24, as: UInt32.self).littleEndian
        guard payloadLength == UInt64(bytes.count - headerSize) else {
            throw GraphError(.corruptFile, "truncated or padded: the header announces \(payloadLength) bytes of data, the file holds "
                + "\(bytes.count - headerSize)", file: name, hint: "re-create it with `lastmile import MAP.osm.pbf -o \(name)`")
        }
        let payload = UnsafeRawBufferPointer(rebasing: bytes[headerSize...])
        guard Zlib.crc32(payload) == expectedCRC else {
            throw GraphError(.corruptFile, "damaged: checksum mismatch", file: name, hint: "re-create it with `lastmile import MAP.osm.pbf -o \(name)`")
        }
        var reader = PayloadReader(bytes: payload, name: name)
        let metadataBytes: [UInt8] = try reader.next()
        let metadata: Metadata
        do {
            metadata = try JSONDecoder().decode(Metadata.self, from: Data(metadataBytes))
        } catch {
            throw GraphError(.corruptFile, "unreadable metadata (\(error))", file: name, hint: "re-create it with `lastmile import MAP.osm.pbf -o \(name)`")
        }
        guard (1...60).contains(metadata.utmZone) else {
            throw GraphError(.corruptFile, "UTM zone \(metadata.utmZone) out of range", file: name, hint: "re-create it with `lastmile import MAP.osm.pbf -o \(name)`")
        }
        var graph = RoadGraph(
            firstOut: try reader.next(), arcHead: try reader.next(), arcLength: try reader.next(),
            arcTime: try reader.next(), arcClass: try reader.next(), arcFlags: try reader.next(),
            arcWayID: try reader.next(),
            shapeStart: try reader.next(), shapePoints: try reader.next(), nodeCoordinate: try reader.next(),
            nodeX: try reader.next(), nodeY: try reader.next(), nodeOSMID: try reader.next(),
            nodePrimary: try reader.next(),
            projection: UTMZone(number: metadata.utmZone, isSouth: metadata.utmSouth),
            profileName: metadata.profileName
        )
        graph.routingOrder = try reader.next()
        if let violation = graph.invariantViolation() {
            throw GraphError(.corruptFile, "inconsistent graph (\(violation))", file: name, hint: "re-create it with `lastmile import MAP.osm.pbf -o \(name)`")
        }
        return (graph, metadata.report)
    }

    private static func appendLittleEndian<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends sections: element count, raw elements, zero padding to 8 bytes.
    private struct PayloadWriter {
        var bytes: [UInt8] = []

        mutating func append<T: BitwiseCopyable>(_ array: [T]) {
            appendLittleEndian(UInt64(array.count), to: &bytes)
            array.withUnsafeBytes { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: repeatElement(0, count: (8 - bytes.count % 8) % 8))
        }
    }

    /// Reads sections in the order ``PayloadWriter`` wrote them, checking every length against the file.
    private struct PayloadReader {
        let bytes: UnsafeRawBufferPointer
        let name: String
        var offset = 0

        init(bytes: UnsafeRawBufferPointer, name: String) {
            self.bytes = bytes
            self.name = name
        }

        mutating func next<T: BitwiseCopyable>() throws -> [T] {
            guard bytes.count - offset >= 8 else { throw truncated() }
            let count = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian
            offset += 8
            let stride = UInt64(MemoryLayout<T>.stride)
            guard count <= UInt64(bytes.count - offset) / stride else { throw truncated() }
            let byteCount = Int(count * stride)
            let array = [T](unsafeUninitializedCapacity: Int(count)) { buffer, initialized in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + byteCount]))
                initialized = Int(count)
            }
            offset += byteCount + (8 - byteCount % 8) % 8
            return array
        }

        private func truncated() -> GraphError {
            GraphError(.corruptFile, "a section runs past the end of the file", file: name, hint: "re-create it with `lastmile import MAP.osm.pbf -o \(name)`")
        }
    }
}
