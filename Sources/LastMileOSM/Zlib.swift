import CZlib
import LastMileCore

/// zlib compression as OSM PBF blobs and `.gz` files use it.
public enum Zlib {
    /// Why a zlib call failed.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Inflates a zlib stream whose uncompressed size is known (PBF `raw_size`).
    ///
    /// - Throws: ``Failure`` when the stream is corrupt, or when it does not inflate to exactly `expectedSize`.
    public static func inflate(_ input: UnsafeRawBufferPointer, expectedSize: Int) throws -> [UInt8] {
        guard expectedSize >= 0 else { throw Failure(description: "negative uncompressed size \(expectedSize)") }
        var output = [UInt8](repeating: 0, count: expectedSize)
        var outputLength = uLongf(expectedSize)
        let status = output.withUnsafeMutableBytes { out in
            uncompress(
                out.baseAddress?.assumingMemoryBound(to: Bytef.self), &outputLength,
                input.baseAddress?.assumingMemoryBound(to: Bytef.self), uLong(input.count)
            )
        }
        guard status == Z_OK else { throw Failure(description: "zlib error \(status) (\(errorName(status)))") }
        guard Int(outputLength) == expectedSize else {
            throw Failure(description: "inflated to \(outputLength) bytes, header says \(expectedSize)")
        }
        return output
    }

    /// Deflates bytes into a zlib stream (default level).
    public static func deflate(_ input: [UInt8]) -> [UInt8] {
        var outputLength = compressBound(uLong(input.count))
        var output = [UInt8](repeating: 0, count: Int(outputLength))
        let status = output.withUnsafeMutableBytes { out in
            input.withUnsafeBytes { inBytes in
                compress2(
                    out.baseAddress?.assumingMemoryBound(to: Bytef.self), &outputLength,
                    inBytes.baseAddress?.assumingMemoryBound(to: Bytef.self), uLong(input.count), Z_DEFAULT_COMPRESSION
                )
            }
        }
        precondition(status == Z_OK, "compress2 failed with \(status) on a buffer sized by compressBound")
        output.removeLast(output.count - Int(outputLength))
        return output
    }

    /// Inflates a whole gzip file (`.gz`), including multi-member files.
    ///
    /// - Throws: ``Failure`` with the compressed byte offset where the stream broke, or when the data inflates
    ///   past `maxOutput` bytes (a decompression bomb stops there instead of exhausting memory).
    public static func gunzip(_ input: [UInt8], maxOutput: Int = InputLimits.maxInflatedMapBytes) throws -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure(description: "cannot initialise zlib")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(min(input.count * 6, maxOutput))
        var chunk = [UInt8](repeating: 0, count: 1 << 18)
        try input.withUnsafeBytes { inBytes in
            guard let base = inBytes.baseAddress?.assumingMemoryBound(to: Bytef.self) else { return }
            stream.next_in = UnsafeMutablePointer(mutating: base)
            stream.avail_in = uInt(inBytes.count)
            while true {
                let (status, produced) = chunk.withUnsafeMutableBytes { out -> (Int32, Int) in
                    stream.next_out = out.baseAddress?.assumingMemoryBound(to: Bytef.self)
                    stream.avail_out = uInt(out.count)
                    let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return (status, out.count - Int(stream.avail_out))
                }
                guard output.count + produced <= maxOutput else {
                    throw Failure(description: "the data inflates to more than \(InputLimits.describe(bytes: maxOutput)) (the limit); "
                        + "convert it to .osm.pbf (`osmium cat in.osm.gz -o out.osm.pbf`) or cut a smaller extract")
                }
                output.append(contentsOf: chunk[0..<produced])
                if status == Z_STREAM_END {
                    if stream.avail_in == 0 { return }
                    inflateReset(&stream)  // another gzip member follows
                    continue
                }
                guard status == Z_OK || status == Z_BUF_ERROR else {
                    throw Failure(description: "gzip data corrupt at compressed byte \(stream.total_in) "
                        + "(zlib \(errorName(status)))")
                }
                if stream.avail_in == 0 && produced == 0 {
                    throw Failure(description: "gzip data ends early after \(input.count) compressed bytes")
                }
            }
        }
        return output
    }

    /// CRC-32 of bytes (the zlib polynomial).
    public static func crc32(_ bytes: UnsafeRawBufferPointer, seed: UInt32 = 0) -> UInt32 {
        var crc = uLong(seed)
        var offset = 0
        // zlib's crc32 takes a 32-bit length: feed large buffers in pieces.
        while offset < bytes.count {
            let length = min(bytes.count - offset, 1 << 30)
            crc = CZlib.crc32(crc, bytes.baseAddress!.advanced(by: offset).assumingMemoryBound(to: Bytef.self),
                              uInt(length))
            offset += length
        }
        return UInt32(crc)
    }

    private static func errorName(_ status: Int32) -> String {
        switch status {
        case Z_DATA_ERROR: return "data error"
        case Z_MEM_ERROR: return "out of memory"
        case Z_BUF_ERROR: return "buffer error: data truncated or size mismatch"
        case Z_STREAM_ERROR: return "stream error"
        default: return "code \(status)"
        }
    }
}
