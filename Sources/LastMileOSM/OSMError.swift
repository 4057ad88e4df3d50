import LastMileCore

/// An error while reading or writing an OpenStreetMap file, naming the file and where in it.
public struct OSMError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public enum Code: String, Sendable {
        /// The file cannot be opened or read.
        case unreadable
        /// The file ends in the middle of a block or element.
        case truncated
        /// A PBF block or XML element is malformed.
        case corrupt
        /// The file uses a feature this reader does not support (e.g. LZMA blobs).
        case unsupported
    }

    public var code: Code
    /// The file, as the user named it.
    public var file: String
    /// Where in the file: "byte offset N (block K)" or "line N".
    public var location: String?
    /// What is wrong and how to fix it.
    public var message: String

    public init(_ code: Code, file: String, location: String? = nil, _ message: String) {
        self.code = code
        self.file = file
        self.location = location
        self.message = message
    }

    public var description: String {
        if let location { return "\(file), \(location): \(message)" }
        return "\(file): \(message)"
    }
}

extension OSMError: LastMileErrorConvertible {
    /// Always bad input: the OSM file is missing, damaged or of an unsupported kind.
    public var lastMileError: LastMileError {
        LastMileError(.badInput, message, at: ErrorLocation(file: file, position: location))
    }
}
