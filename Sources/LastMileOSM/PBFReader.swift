import LastMileCore

/// Reads the OSM PBF format (`.osm.pbf`): a sequence of blobs, each a `BlobHeader` and a zlib-compressed
/// `PrimitiveBlock` of dense nodes, ways and relations with a shared string table.
///
/// The blob framing is scanned on one thread; the blobs are inflated and decoded on all cores, and their
/// results concatenated in file order, so the output does not depend on scheduling.
/// Format reference: https://wiki.openstreetmap.org/wiki/PBF_Format.
enum PBFReader {
    /// Header-block features this reader understands; any other required feature is refused.
    static let supportedFeatures: Set<String> = ["OsmSchema-V0.6", "DenseNodes"]

    /// Largest blob header and blob sizes the format allows.
    static let maxHeaderSize = 64 * 1024
    static let maxBlobSize = 32 * 1024 * 1024

    /// Where one data blob sits in the file.
    struct BlobLocation: Sendable {
        /// Ordinal of the blob in the file, counting from 0 (header blob included).
        var index: Int
        /// Byte offset of the blob's 4-byte length prefix.
        var fileOffset: Int
        /// The blob message bytes.
        var range: Range<Int>

        var description: String { "block \(index) at byte offset \(fileOffset)" }
    }

    static func read(bytes: [UInt8], name: String, filter: OSMReadFilter) throws -> OSMData {
        let dataBlobs = try scanBlobs(bytes, name: name)
        let file = SharedBytes(bytes)
        let blocks = try parallelMap(count: dataBlobs.count) { position in
            let location = dataBlobs[position]
            do {
                return try file.bytes.withUnsafeBytes { all in
                    let blob = UnsafeRawBufferPointer(rebasing: all[location.range])
                    let raw = try inflateBlob(blob)
                    return try raw.withUnsafeBytes { try PrimitiveBlockDecoder.decode($0, filter: filter) }
                }
            } catch let error as ProtobufError {
                throw OSMError(.corrupt, file: name, location: location.description,
                               "malformed data at byte \(error.offset) of the block: \(error.reason)")
            } catch let error as BlobError {
                throw OSMError(error.code, file: name, location: location.description, error.message)
            }
        }
        var data = OSMData()
        data.nodes.ids.reserveCapacity(blocks.reduce(0) { $0 + $1.nodes.count })
        data.nodes.coordinates.reserveCapacity(data.nodes.ids.capacity)
        for block in blocks {
            data.nodes.append(contentsOf: block.nodes)
            data.ways.append(contentsOf: block.ways)
            data.relations.append(contentsOf: block.relations)
        }
        return data
    }

    /// Walks the blob framing, checks the header blob and returns the locations of the data blobs.
    static func scanBlobs(_ bytes: [UInt8], name: String) throws -> [BlobLocation] {
        var locations: [BlobLocation] = []
        var offset = 0
        var index = 0
        var sawHeader = false
        while offset < bytes.count {
            let here = "block \(index) at byte offset \(offset)"
            guard bytes.count - offset >= 4 else {
                throw OSMError(.truncated, file: name, location: here,
                               "the file ends inside a blob length prefix; the download is probably incomplete")
            }
            let headerSize = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            guard headerSize > 0, headerSize <= maxHeaderSize else {
                throw OSMError(.corrupt, file: name, location: here,
                               "blob header size \(headerSize) is not in 1...\(maxHeaderSize): not an OSM PBF file, or corrupt")
            }
            let headerStart = offset + 4
            guard bytes.count - headerStart >= headerSize else {
                throw OSMError(.truncated, file: name, location: here, "the file ends inside a blob header")
            }
            let (type, dataSize) = try bytes.withUnsafeBytes { all in
                do {
                    return try decodeBlobHeader(UnsafeRawBufferPointer(rebasing: all[headerStart..<headerStart + headerSize]))
                } catch let error as ProtobufError {
                    throw OSMError(.corrupt, file: name, location: here, "malformed blob header: \(error.reason)")
                }
            }
            guard dataSize >= 0, dataSize <= maxBlobSize else {
                throw OSMError(.corrupt, file: name, location: here, "blob size \(dataSize) exceeds the format's limit")
            }
            let blobStart = headerStart + headerSize
            guard bytes.count - blobStart >= dataSize else {
                throw OSMError(.truncated, file: name, location: here,
                               "the file ends inside a \(dataSize)-byte blob (only \(bytes.count - blobStart) bytes left); "
                                   + "the download is probably incomplete")
            }
            let location = BlobLocation(index: index, fileOffset: offset, range: blobStart..<blobStart + dataSize)
            switch type {
            case "OSMHeader":
                try checkHeader(bytes, location: location, name: name)
                sawHeader = true
            case "OSMData":
                guard sawHeader else {
                    throw OSMError(.corrupt, file: name, location: here, "data blob before the OSMHeader blob")
                }
                locations.append(location)
            default:
                break  // unknown blob types are skipped, as the format allows
            }
            offset = blobStart + dataSize
            index += 1
        }
        guard sawHeader else {
            throw OSMError(.corrupt, file: name, "no OSMHeader blob: not an OSM PBF file")
        }
        return locations
    }

    private static func decodeBlobHeader(_ bytes: UnsafeRawBufferPointer) throws -> (type: String, dataSize: Int) {
        var reader = ProtobufReader(bytes)
        var type = ""
        var dataSize = -1
        while let (field, wire) = try reader.nextField() {
            switch (field, wire) {
            case (1, .lengthDelimited): type = String(decoding: try reader.readLengthDelimited(), as: UTF8.self)
            case (3, .varint): dataSize = Int(truncatingIfNeeded: try reader.readInt64())
            default: try reader.skip(wire)
            }
        }
        return (type, dataSize)
    }

    private static func checkHeader(_ bytes: [UInt8], location: BlobLocation, name: String) throws {
        let raw: [UInt8]
        do {
            raw = try bytes.withUnsafeBytes { try inflateBlob(UnsafeRawBufferPointer(rebasing: $0[location.range])) }
        } catch let error as BlobError {
            throw OSMError(error.code, file: name, location: location.description, error.message)
        } catch let error as ProtobufError {
            throw OSMError(.corrupt, file: name, location: location.description, "malformed header blob: \(error.reason)")
        }
        var required: [String] = []
        try raw.withUnsafeBytes { header in
            var reader = ProtobufReader(header)
            do {
                while let (field, wire) = try reader.nextField() {
                    if field == 4, wire == .lengthDelimited {
                        required.append(String(decoding: try reader.readLengthDelimited(), as: UTF8.self))
                    } else {
                        try reader.skip(wire)
                    }
                }
            } catch let error as ProtobufError {
                throw OSMError(.corrupt, file: name, location: location.description, "malformed header block: \(error.reason)")
            }
        }
        if let unknown = required.first(where: { !supportedFeatures.contains($0) }) {
            throw OSMError(.unsupported, file: name, location: location.description,
                           "the file requires the feature '\(unknown)', which LastMile does not read "
                               + "(supported: \(supportedFeatures.sorted().joined(separator: ", "))); "
                               + "convert it with `osmium cat` first")
        }
    }

    /// Returns the uncompressed contents of a `Blob` message.
    private static func inflateBlob(_ blob: UnsafeRawBufferPointer) throws -> [UInt8] {
        var reader = ProtobufReader(blob)
        var rawSize = -1
        var raw: UnsafeRawBufferPointer?
        var compressed: UnsafeRawBufferPointer?
        while let (field, wire) = try reader.nextField() {
            switch (field, wire) {
            case (1, .lengthDelimited): raw = try reader.readLengthDelimited()
            case (2, .varint): rawSize = Int(truncatingIfNeeded: try reader.readInt64())
            case (3, .lengthDelimited): compressed = try reader.readLengthDelimited()
            case (4, _), (5, _), (6, _), (7, _):
                throw BlobError(code: .unsupported, message: "blob compressed with an algorithm other than zlib "
                    + "(field \(field)); recompress with `osmium cat -o out.osm.pbf` (zlib is the default)")
            default: try reader.skip(wire)
            }
        }
        if let raw { return Array(raw) }
        guard let compressed else { throw BlobError(code: .corrupt, message: "blob has no data") }
        guard rawSize >= 0, rawSize <= maxBlobSize else {
            throw BlobError(code: .corrupt, message: "blob raw_size \(rawSize) is missing or too large")
        }
        do {
            return try Zlib.inflate(compressed, expectedSize: rawSize)
        } catch let failure as Zlib.Failure {
            throw BlobError(code: .corrupt, message: "cannot inflate blob: \(failure)")
        }
    }

    private struct BlobError: Error {
        var code: OSMError.Code
        var message: String
    }
}

/// The file's bytes, shared read-only between decoding threads.
private struct SharedBytes: Sendable {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }
}
