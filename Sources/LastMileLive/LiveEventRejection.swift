import LastMileCore

/// Why an event cannot apply to the live state: the field at fault, what is wrong and how to fix it. A rejected
/// event changes nothing. ``lastMileError(file:line:)`` places it in the events file.
public struct LiveEventRejection: Error, Hashable, Sendable {
    /// The JSON field at fault ("vehicle", "order", "at", …).
    public var field: String
    public var message: String
    public var hint: String

    public init(field: String, _ message: String, hint: String) {
        self.field = field
        self.message = message
        self.hint = hint
    }

    /// The rejection as bad input at `file:line`, naming the field and the event's key.
    public func lastMileError(file: String, line: Int, key: String?) -> LastMileError {
        LastMileError(.badInput, message, at: ErrorLocation(file: file, line: line, field: field, id: key), hint: hint)
    }
}
