/// A minimal writer of the protocol-buffer wire format: the inverse of ``ProtobufReader``.
struct ProtobufWriter {
    private(set) var bytes: [UInt8] = []

    mutating func writeVarint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    private mutating func writeKey(_ field: Int, _ wireType: ProtobufReader.WireType) {
        writeVarint(UInt64(field) << 3 | UInt64(wireType.rawValue))
    }

    /// Writes an `int32`/`int64`/`uint` field.
    mutating func writeField(_ field: Int, int value: Int64) {
        writeKey(field, .varint)
        writeVarint(UInt64(bitPattern: value))
    }

    /// Writes a `sint64` (zig-zag) field.
    mutating func writeField(_ field: Int, signed value: Int64) {
        writeKey(field, .varint)
        writeVarint(Self.zigZag(value))
    }

    /// Writes a length-delimited field (bytes, string or nested message).
    mutating func writeField(_ field: Int, bytes value: [UInt8]) {
        writeKey(field, .lengthDelimited)
        writeVarint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func writeField(_ field: Int, string value: String) {
        writeField(field, bytes: Array(value.utf8))
    }

    /// Writes a packed repeated unsigned varint field.
    mutating func writePacked(_ field: Int, unsigned values: [UInt64]) {
        var inner = ProtobufWriter()
        for value in values { inner.writeVarint(value) }
        writeField(field, bytes: inner.bytes)
    }

    /// Writes a packed repeated `sint64` field, delta-coded as OSM PBF stores ids, refs and coordinates.
    mutating func writePackedDeltaSigned(_ field: Int, _ values: [Int64]) {
        var inner = ProtobufWriter()
        var previous: Int64 = 0
        for value in values {
            inner.writeVarint(Self.zigZag(value - previous))
            previous = value
        }
        writeField(field, bytes: inner.bytes)
    }

    static func zigZag(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value << 1) ^ (value >> 63))
    }
}
