/// The one error model of LastMile: every failure a user can meet — from the command line, the server or the
/// library — is a `LastMileError` with a category (which decides the exit code or HTTP status), a message
/// saying what is wrong, where (file, line, field, id), and a hint saying how to fix it.
///
/// Module errors (`OSMError`, `GraphError`, `InputReport`, …) keep their own codes and conform to
/// ``LastMileErrorConvertible``; the application core turns any error into this shape with
/// ``init(describing:)``.
public struct LastMileError: Error, Sendable, Hashable, CustomStringConvertible {
    public var category: ErrorCategory
    /// What is wrong, in the user's units ("window_end '25:00' is not a time"), without the location.
    public var message: String
    /// Where the problem is, when it has a place.
    public var location: ErrorLocation?
    /// How to fix it ("write HH:MM", "load vehicle types first").
    public var hint: String?
    /// Further lines, one problem each (e.g. every bad row of a file after the first).
    public var details: [String]

    public init(_ category: ErrorCategory, _ message: String, at location: ErrorLocation? = nil, hint: String? = nil, details: [String] = []) {
        self.category = category
        self.message = message
        self.location = location
        self.hint = hint
        self.details = details
    }

    /// The first line: "orders.csv:12: window_end: '25:00' is not a time".
    public var headline: String {
        guard let location, !location.description.isEmpty else { return message }
        return "\(location): \(message)"
    }

    /// The headline, the details indented, and the hint.
    public var description: String {
        var lines = [headline] + details.map { "  " + $0 }
        if let hint { lines.append("hint: " + hint) }
        return lines.joined(separator: "\n")
    }

    /// Any error as a `LastMileError`: its own conversion when it has one, otherwise an internal error that
    /// keeps the original text (a bug to report, never a user's mistake).
    public init(describing error: any Error) {
        if let error = error as? LastMileError {
            self = error
        } else if let convertible = error as? any LastMileErrorConvertible {
            self = convertible.lastMileError
        } else {
            self.init(.internal, "\(error)", hint: "this is a bug in LastMile; please report it with the command that caused it")
        }
    }
}

/// An error type of a module that knows its place in the one error model.
public protocol LastMileErrorConvertible: Error {
    var lastMileError: LastMileError { get }
}

extension LastMileError: LastMileErrorConvertible {
    public var lastMileError: LastMileError { self }
}
