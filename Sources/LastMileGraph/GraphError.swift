import LastMileCore

/// An error while building, saving, loading or querying a road graph: what went wrong and how to fix it.
public struct GraphError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public enum Code: String, Sendable {
        /// The profile has an invalid value.
        case invalidProfile
        /// The OSM data holds no road this profile may use.
        case noRoads
        /// A graph file is not a LastMile graph, or of another version.
        case wrongFormat
        /// A graph file's checksum or structure does not match: damaged or truncated.
        case corruptFile
        /// A graph file cannot be read or written.
        case fileAccess
        /// A point lies farther from every road than the snapping radius allows.
        case tooFarFromRoad
    }

    public var code: Code
    /// What is wrong, without the file.
    public var message: String
    /// The file concerned, as the user named it.
    public var file: String?
    /// How to fix it.
    public var hint: String?

    public init(_ code: Code, _ message: String, file: String? = nil, hint: String? = nil) {
        self.code = code
        self.message = message
        self.file = file
        self.hint = hint
    }

    public var description: String { lastMileError.description }
}

extension GraphError: LastMileErrorConvertible {
    /// Routing data for maps without usable roads and points far from them; bad input for profiles and files.
    public var lastMileError: LastMileError {
        switch code {
        case .noRoads, .tooFarFromRoad: LastMileError(.routingData, message, at: file.map { ErrorLocation(file: $0) }, hint: hint)
        case .invalidProfile, .wrongFormat, .corruptFile, .fileAccess:
            LastMileError(.badInput, message, at: file.map { ErrorLocation(file: $0) }, hint: hint)
        }
    }
}
