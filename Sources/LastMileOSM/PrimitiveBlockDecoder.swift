import LastMileCore

/// Decodes one uncompressed OSM PBF `PrimitiveBlock` into nodes, ways and relations.
enum PrimitiveBlockDecoder {
    /// The decoded contents of one block.
    struct Block: Sendable {
        var nodes = OSMNodes()
        var ways: [OSMWay] = []
        var relations: [OSMRelation] = []
    }

    /// Block-wide parameters of coordinate decoding, in nanodegrees.
    private struct Scale {
        var granularity: Int64 = 100
        var latitudeOffset: Int64 = 0
        var longitudeOffset: Int64 = 0

        /// Converts a stored value to fixed-point 10⁻⁷ degrees (rounding to nearest), or `nil` when out of range.
        func coordinate(latitude: Int64, longitude: Int64) -> Coordinate? {
            let latNano = latitudeOffset &+ granularity &* latitude
            let lonNano = longitudeOffset &+ granularity &* longitude
            let latE7 = roundedDivide(latNano, 100)
            let lonE7 = roundedDivide(lonNano, 100)
            guard abs(latE7) <= 900_000_000, abs(lonE7) <= 1_800_000_000 else { return nil }
            return Coordinate(latitudeE7: Int32(latE7), longitudeE7: Int32(lonE7))
        }

        private func roundedDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
            value >= 0 ? (value + divisor / 2) / divisor : -((-value + divisor / 2) / divisor)
        }
    }

    static func decode(_ bytes: UnsafeRawBufferPointer, filter: OSMReadFilter) throws -> Block {
        var reader = ProtobufReader(bytes)
        var strings: [String] = []
        var groups: [UnsafeRawBufferPointer] = []
        var scale = Scale()
        while let (field, wire) = try reader.nextField() {
            switch (field, wire) {
            case (1, .lengthDelimited): strings = try decodeStringTable(try reader.readLengthDelimited())
            case (2, .lengthDelimited): groups.append(try reader.readLengthDelimited())
            case (17, .varint): scale.granularity = try reader.readInt64()
            case (19, .varint): scale.latitudeOffset = try reader.readInt64()
            case (20, .varint): scale.longitudeOffset = try reader.readInt64()
            default: try reader.skip(wire)
            }
        }
        var block = Block()
        for group in groups {
            var groupReader = ProtobufReader(group)
            while let (field, wire) = try groupReader.nextField() {
                switch (field, wire) {
                case (1, .lengthDelimited):
                    try decodeNode(try groupReader.readLengthDelimited(), scale: scale, into: &block.nodes)
                case (2, .lengthDelimited):
                    try decodeDenseNodes(try groupReader.readLengthDelimited(), scale: scale, into: &block.nodes)
                case (3, .lengthDelimited):
                    if let way = try decodeWay(try groupReader.readLengthDelimited(), strings: strings, filter: filter) {
                        block.ways.append(way)
                    }
                case (4, .lengthDelimited):
                    if let relation = try decodeRelation(
                        try groupReader.readLengthDelimited(), strings: strings, filter: filter
                    ) {
                        block.relations.append(relation)
                    }
                default: try groupReader.skip(wire)
                }
            }
        }
        return block
    }

    private static func decodeStringTable(_ bytes: UnsafeRawBufferPointer) throws -> [String] {
        var reader = ProtobufReader(bytes)
        var strings: [String] = []
        while let (field, wire) = try reader.nextField() {
            if field == 1, wire == .lengthDelimited {
                strings.append(String(decoding: try reader.readLengthDelimited(), as: UTF8.self))
            } else {
                try reader.skip(wire)
            }
        }
        return strings
    }

    private static func string(_ index: Int, in strings: [String]) throws -> String {
        guard index >= 0, index < strings.count else {
            throw ProtobufError(offset: 0, reason: "string index \(index) outside the table of \(strings.count)")
        }
        return strings[index]
    }

    private static func tags(keys: [Int], values: [Int], strings: [String]) throws -> [OSMTag] {
        guard keys.count == values.count else {
            throw ProtobufError(offset: 0, reason: "\(keys.count) tag keys but \(values.count) values")
        }
        return try zip(keys, values).map { OSMTag(try string($0, in: strings), try string($1, in: strings)) }
    }

    private static func decodeNode(_ bytes: UnsafeRawBufferPointer, scale: Scale, into nodes: inout OSMNodes) throws {
        var reader = ProtobufReader(bytes)
        var id: Int64 = 0
        var latitude: Int64 = 0
        var longitude: Int64 = 0
        while let (field, wire) = try reader.nextField() {
            switch (field, wire) {
            case (1, .varint): id = try reader.readSignedVarint()
            case (8, .varint): latitude = try reader.readSignedVarint()
            case (9, .varint): longitude = try reader.readSignedVarint()
            default: try reader.skip(wire)
            }
        }
        guard let coordinate = scale.coordinate(latitude: latitude, longitude: longitude) else {
            throw ProtobufError(offset: 0, reason: "node \(id) has a position outside ±90°/±180°")
        }
        nodes.append(id: id, coordinate: coordinate)
    }

    private static func decodeDenseNodes(
        _ bytes: UnsafeRawBufferPointer, scale: Scale, into nodes: inout OSMNodes
    ) throws {
        var reader = ProtobufReader(bytes)
        var ids: [Int64] = []
        var latitudes: [Int64] = []
        var longitudes: [Int64] = []
        while let (field, wire) = try reader.nextField() {
            switch (field, wire) {
            case (1, .lengthDelimited): ids = try ProtobufReader.packedDeltaSigned(try reader.readLengthDelimited())
            case (8, .lengthDelimited): latitudes = try ProtobufReader.packedDeltaSigned(try reader.readLengthDelimited())
            case (9, .lengthDelimited): longitudes = try ProtobufReader.packedDeltaSigned(try reader.readLengthDelimited())
            default: try reader.skip(wire)
            }
        }
        guard ids.count == latitudes.count, ids.count == longitudes.count else {
            throw ProtobufError(offset: 0, reason: "dense nodes with \(ids.count) ids, \(latitudes.count) latitudes "
                + "and \(longitudes.count) longitudes")
        }
        nodes.ids.reserveCapacity(nodes.ids.count + ids.count)
        nodes.coordinates.reserveCapacity(nodes.coordinates.count + ids.count)
        for index in ids.indices {
            guard let coordinate = scale.coordinate(latitude: latitudes[index], longitude: longitudes[index]) else {
                throw ProtobufError(offset: 0, reason: "node \(ids[index]) has a position outside ±90°/±180°")
            }
            nodes.append(id: ids[index], coordinate: coordinate)
        }
    }

    private static func decodeWay(
        _ bytes: UnsafeRawBufferPointer, strings: [String], filter: OSMReadFilter
    ) throws -> OSMWay? {
        var reader = ProtobufReader(bytes)
        var id: Int64 = 0
        var keys: [Int] = []
        var values: [Int] = []
        var refs: UnsafeRawBufferPointer?
        while let (field, wire) = try reader.nextField() {
            switch (field, wire) {
            case (1, .varint): id = try reader.readInt64()
            case (2, .lengthDelimited): keys = try ProtobufReader.packedUnsigned(try reader.readLengthDelimited())
            case (3, .lengthDelimited): values = try ProtobufReader.packedUnsigned(try reader.readLengthDelimited())
            case (8, .lengthDelimited): refs = try reader.readLengthDelimited()
            default: try reader.skip(wire)
            }
        }
        let wayTags = try tags(keys: keys, values: values, strings: strings)
        guard filter.keepWay(wayTags) else { return nil }
        let nodeIDs = try refs.map { try ProtobufReader.packedDeltaSigned($0) } ?? []
        return OSMWay(id: id, tags: wayTags, nodeIDs: nodeIDs)
    }

    private static func decodeRelation(
        _ bytes: UnsafeRawBufferPointer, strings: [String], filter: OSMReadFilter
    ) throws -> OSMRelation? {
        var reader = ProtobufReader(bytes)
        var id: Int64 = 0
        var keys: [Int] = []
        var values: [Int] = []
        var roles: [Int] = []
        var memberIDs: [Int64] = []
        var types: [Int] = []
        while let (field, wire) = try reader.nextField() {
            switch (field, wire) {
            case (1, .varint): id = try reader.readInt64()
            case (2, .lengthDelimited): keys = try ProtobufReader.packedUnsigned(try reader.readLengthDelimited())
            case (3, .lengthDelimited): values = try ProtobufReader.packedUnsigned(try reader.readLengthDelimited())
            case (8, .lengthDelimited): roles = try ProtobufReader.packedUnsigned(try reader.readLengthDelimited())
            case (9, .lengthDelimited): memberIDs = try ProtobufReader.packedDeltaSigned(try reader.readLengthDelimited())
            case (10, .lengthDelimited): types = try ProtobufReader.packedUnsigned(try reader.readLengthDelimited())
            default: try reader.skip(wire)
            }
        }
        let relationTags = try tags(keys: keys, values: values, strings: strings)
        guard filter.keepRelation(relationTags) else { return nil }
        guard roles.count == memberIDs.count, types.count == memberIDs.count else {
            throw ProtobufError(offset: 0, reason: "relation \(id) has \(memberIDs.count) members but \(roles.count) "
                + "roles and \(types.count) types")
        }
        let members = try memberIDs.indices.map { index in
            guard let kind = OSMRelation.MemberKind(rawValue: UInt8(truncatingIfNeeded: types[index])),
                types[index] <= 2
            else {
                throw ProtobufError(offset: 0, reason: "relation \(id) member \(index) has unknown type \(types[index])")
            }
            return OSMRelation.Member(kind: kind, ref: memberIDs[index], role: try string(roles[index], in: strings))
        }
        return OSMRelation(id: id, tags: relationTags, members: members)
    }
}
