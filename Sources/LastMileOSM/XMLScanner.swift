/// A small, strict XML tokenizer for OSM files: start tags with attributes, end tags, and nothing else that
/// matters (declarations, comments, DOCTYPE and text are skipped).
///
/// Written for OSM XML rather than using Foundation's `XMLParser`, which on Linux failed on valid real-world
/// extracts (`north-bayreuth.osm.gz`) with an unexplained internal error and no position. This scanner checks
/// that tags nest and close, decodes the predefined and numeric entities, and reports errors by line.
struct XMLScanner {
    /// One event of the document.
    enum Event {
        /// `<name a="v">` or `<name a="v"/>`; a self-closing tag is followed by its ``end``.
        case start(name: String, attributes: [(name: String, value: String)])
        case end(name: String)
    }

    /// A malformed or truncated document.
    struct Failure: Error {
        var line: Int
        var message: String
        var isTruncation: Bool
    }

    private let bytes: [UInt8]
    private var position = 0
    /// 1-based line of `position`.
    private(set) var line = 1
    private var openElements: [String] = []
    private var pendingEnd: String?
    private(set) var sawElement = false

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The next event, or `nil` at the end of a complete document.
    mutating func next() throws -> Event? {
        if let name = pendingEnd {
            pendingEnd = nil
            return .end(name: name)
        }
        while true {
            guard let open = find(UInt8(ascii: "<")) else {
                if let unclosed = openElements.last {
                    throw Failure(line: line, message: "the document ends inside <\(unclosed)>; the file is truncated",
                                  isTruncation: true)
                }
                return nil
            }
            advance(to: open)
            if startsWith("<?") {
                try skip(past: "?>")
            } else if startsWith("<!--") {
                try skip(past: "-->")
            } else if startsWith("<!") {
                try skip(past: ">")
            } else if startsWith("</") {
                position += 2
                let name = try readName()
                skipWhitespace()
                try expect(UInt8(ascii: ">"))
                guard let expected = openElements.popLast() else {
                    throw failure("closing tag </\(name)> without an opening tag")
                }
                guard expected == name else { throw failure("closing tag </\(name)> does not match <\(expected)>") }
                return .end(name: name)
            } else {
                position += 1
                return try readStartTag()
            }
        }
    }

    private mutating func readStartTag() throws -> Event {
        let name = try readName()
        var attributes: [(name: String, value: String)] = []
        while true {
            skipWhitespace()
            guard position < bytes.count else { throw truncated("inside the tag <\(name)>") }
            switch bytes[position] {
            case UInt8(ascii: "/"):
                position += 1
                try expect(UInt8(ascii: ">"))
                sawElement = true
                pendingEnd = name
                return .start(name: name, attributes: attributes)
            case UInt8(ascii: ">"):
                position += 1
                sawElement = true
                openElements.append(name)
                return .start(name: name, attributes: attributes)
            default:
                let attribute = try readName()
                skipWhitespace()
                try expect(UInt8(ascii: "="))
                skipWhitespace()
                guard position < bytes.count else { throw truncated("inside the tag <\(name)>") }
                let quote = bytes[position]
                guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                    throw failure("attribute '\(attribute)' of <\(name)> is not quoted")
                }
                position += 1
                guard let close = find(quote) else { throw truncated("inside attribute '\(attribute)' of <\(name)>") }
                let raw = bytes[position..<close]
                advance(to: close)
                position += 1
                attributes.append((attribute, try decodeEntities(raw)))
            }
        }
    }

    private mutating func readName() throws -> String {
        let start = position
        while position < bytes.count, Self.isNameByte(bytes[position]) { position += 1 }
        guard position > start else {
            if position >= bytes.count { throw truncated("where a name was expected") }
            throw failure("expected a tag or attribute name, found '\(Character(Unicode.Scalar(bytes[position])))'")
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "-"),
            UInt8(ascii: "."), 0x80...0xFF:
            return true
        default:
            return false
        }
    }

    private func decodeEntities(_ raw: ArraySlice<UInt8>) throws -> String {
        guard raw.contains(UInt8(ascii: "&")) else { return String(decoding: raw, as: UTF8.self) }
        var text = ""
        var rest = Substring(String(decoding: raw, as: UTF8.self))
        while let ampersand = rest.firstIndex(of: "&") {
            text += rest[..<ampersand]
            guard let semicolon = rest[ampersand...].firstIndex(of: ";") else {
                throw failure("unterminated entity in an attribute value")
            }
            let entity = rest[rest.index(after: ampersand)..<semicolon]
            switch entity {
            case "amp": text += "&"
            case "lt": text += "<"
            case "gt": text += ">"
            case "quot": text += "\""
            case "apos": text += "'"
            default:
                let scalarValue: UInt32?
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    scalarValue = UInt32(entity.dropFirst(2), radix: 16)
                } else if entity.hasPrefix("#") {
                    scalarValue = UInt32(entity.dropFirst())
                } else {
                    scalarValue = nil
                }
                guard let value = scalarValue, let scalar = Unicode.Scalar(value) else {
                    throw failure("unknown entity '&\(entity);' in an attribute value")
                }
                text.unicodeScalars.append(scalar)
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return text + rest
    }

    private func find(_ byte: UInt8) -> Int? {
        bytes[position...].firstIndex(of: byte)
    }

    /// Moves to `target`, counting the newlines passed.
    private mutating func advance(to target: Int) {
        for index in position..<target where bytes[index] == 0x0A { line += 1 }
        position = target
    }

    private func startsWith(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard bytes.count - position >= count else { return false }
        return text.withUTF8Buffer { bytes[position..<position + count].elementsEqual($0) }
    }

    private mutating func skip(past text: StaticString) throws {
        let count = text.utf8CodeUnitCount
        let first = text.withUTF8Buffer { $0[0] }
        while let candidate = find(first) {
            advance(to: candidate)
            if startsWith(text) {
                position += count
                return
            }
            position += 1
        }
        throw truncated("inside a declaration or comment")
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0D: position += 1
            case 0x0A:
                position += 1
                line += 1
            default: return
            }
        }
    }

    private mutating func expect(_ byte: UInt8) throws {
        guard position < bytes.count else { throw truncated("where '\(Character(Unicode.Scalar(byte)))' was expected") }
        guard bytes[position] == byte else {
            throw failure("expected '\(Character(Unicode.Scalar(byte)))', found '\(Character(Unicode.Scalar(bytes[position])))'")
        }
        position += 1
    }

    private func failure(_ message: String) -> Failure { Failure(line: line, message: message, isTruncation: false) }

    private func truncated(_ whereText: String) -> Failure {
        Failure(line: line, message: "the document ends \(whereText); the file is truncated", isTruncation: true)
    }
}
