/// What kind of failure an error is; the command line and the server map each to one exit code and one HTTP
/// status (the README's table).
public enum ErrorCategory: String, Sendable, Hashable, CaseIterable {
    /// The command was called wrongly: an unknown option, a missing argument, a value out of range.
    case usage
    /// An input is missing, unreadable or wrong: a file, a row, a field, a database that is not there.
    case badInput
    /// The road data cannot serve the request: no roads in the map, a point far from every road.
    case routingData
    /// The request clashes with the stored state: stock already reserved, a plan version already taken.
    case conflict
    /// A check ran and found a problem (an infeasible plan, a failed independent check).
    case checkFailed
    /// What the request names does not exist: no plan for a date, no such vehicle or API key.
    case notFound
    /// The request carries no valid credentials (a missing, unknown or revoked API key).
    case unauthorized
    /// The credentials are valid but their role or scope does not reach this object.
    case forbidden
    /// Too many requests from one API key in a short time: wait (the server says how long) and retry.
    case rateLimited
    /// A bug: LastMile reached a state it should not.
    case `internal`
}
