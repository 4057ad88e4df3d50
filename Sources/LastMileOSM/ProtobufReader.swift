/// A minimal reader of the protocol-buffer wire format, over bytes it does not own.
///
/// Only what OSM PBF needs: varints (plain and zig-zag), length-delimited fields, packed repeated varints,
/// and skipping unknown fields. Every read is bounds-checked and throws ``ProtobufError`` rather than reading
/// past the end.
struct ProtobufReader {
    /// The protobuf wire types.
    enum WireType: UInt8 {
        case varint = 0
        case fixed64 = 1
        case lengthDelimited = 2
        case fixed32 = 5
    }

    private let bytes: UnsafeRawBufferPointer
    /// Byte position of the next read, relative to the start of `bytes`.
    private(set) var position: Int = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var isAtEnd: Bool { position >= bytes.count }

    /// Reads the next field key, or `nil` at the end of the message.
    mutating func nextField() throws -> (number: Int, wireType: WireType)? {
        guard !isAtEnd else { return nil }
        let key = try readVarint()
        guard let wireType = WireType(rawValue: UInt8(key & 7)) else {
            throw ProtobufError(offset: position, reason: "unsupported wire type \(key & 7)")
        }
        let number = Int(key >> 3)
        guard number > 0 else { throw ProtobufError(offset: position, reason: "field number 0") }
        return (number, wireType)
    }

    mutating func readVarint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count else { throw ProtobufError(offset: position, reason: "varint runs past end") }
            let byte = bytes[position]
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
            guard shift < 64 else { throw ProtobufError(offset: position, reason: "varint longer than 10 bytes") }
        }
    }

    /// Reads a zig-zag encoded `sint64`.
    mutating func readSignedVarint() throws -> Int64 {
        let raw = try readVarint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    /// Reads an `int64`/`int32` varint (two's complement).
    mutating func readInt64() throws -> Int64 { Int64(bitPattern: try readVarint()) }

    /// Reads the bytes of a length-delimited field.
    mutating func readLengthDelimited() throws -> UnsafeRawBufferPointer {
        let length = try readVarint()
        guard length <= UInt64(bytes.count - position) else {
            throw ProtobufError(offset: position, reason: "field of \(length) bytes runs past end")
        }
        let start = position
        position += Int(length)
        return UnsafeRawBufferPointer(rebasing: bytes[start..<position])
    }

    /// Skips a field's value of the given wire type.
    mutating func skip(_ wireType: WireType) throws {
        switch wireType {
        case .varint: _ = try readVarint()
        case .lengthDelimited: _ = try readLengthDelimited()
        case .fixed64: try advance(8)
        case .fixed32: try advance(4)
        }
    }

    private mutating func advance(_ count: Int) throws {
        guard count <= bytes.count - position else { throw ProtobufError(offset: position, reason: "field runs past end") }
        position += count
    }

    /// Calls `body` for each varint of a packed repeated field.
    static func forEachPackedVarint(_ bytes: UnsafeRawBufferPointer, _ body: (UInt64) throws -> Void) throws {
        var reader = ProtobufReader(bytes)
        while !reader.isAtEnd { try body(try reader.readVarint()) }
    }

    /// Decodes a packed repeated `sint64` field that is delta-coded (OSM's ids, refs and coordinates): returns
    /// the running sums.
    static func packedDeltaSigned(_ bytes: UnsafeRawBufferPointer) throws -> [Int64] {
        var values: [Int64] = []
        values.reserveCapacity(bytes.count / 2)
        var reader = ProtobufReader(bytes)
        var running: Int64 = 0
        while !reader.isAtEnd {
            running &+= try reader.readSignedVarint()
            values.append(running)
        }
        return values
    }

    /// Decodes a packed repeated unsigned varint field as `Int`s.
    static func packedUnsigned(_ bytes: UnsafeRawBufferPointer) throws -> [Int] {
        var values: [Int] = []
        values.reserveCapacity(bytes.count)
        try forEachPackedVarint(bytes) { values.append(Int(truncatingIfNeeded: $0)) }
        return values
    }
}

/// A malformed protobuf message: where (byte offset inside the message) and why.
struct ProtobufError: Error {
    var offset: Int
    var reason: String
}
