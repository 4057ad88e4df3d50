import LastMileCore

/// A bad traffic, closure or weather file: what is wrong, where (file, line or feature, field) and how to fix it.
public struct TrafficFileError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var location: ErrorLocation
    public var hint: String?

    public init(_ message: String, at location: ErrorLocation, hint: String? = nil) {
        self.message = message
        self.location = location
        self.hint = hint
    }

    public var description: String { "\(location): \(message)" }
}

extension TrafficFileError: LastMileErrorConvertible {
    /// Always bad input: the file must be fixed.
    public var lastMileError: LastMileError { LastMileError(.badInput, message, at: location, hint: hint) }
}
