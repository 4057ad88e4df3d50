import LastMileCore

/// Bad problem input: which file, which line and field, and what to do about it.
public struct ModelInputError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { line.map { "\(file), line \($0): \(message)" } ?? "\(file): \(message)" }
}

extension ModelInputError: LastMileErrorConvertible {
    public var lastMileError: LastMileError { LastMileError(.badInput, message, at: ErrorLocation(file: file, line: line)) }
}
