import GRDB
import LastMileCore

/// Why the database could not do what was asked. GRDB's errors never leave the store: they arrive here with
/// the database's path and a hint, so that callers need not import GRDB.
public enum StoreError: Error, Sendable, Equatable, LastMileErrorConvertible {
    /// No database file at the path (for commands that read one).
    case notFound(path: String)
    /// The file is not a SQLite database, or not one of LastMile, or cannot be opened or written.
    case unusable(path: String, reason: String)
    /// The change clashes with the stored state (e.g. more stock reserved than a depot holds).
    case conflict(String)

    public var lastMileError: LastMileError {
        switch self {
        case .notFound(let path):
            LastMileError(.badInput, "database not found", at: ErrorLocation(file: path),
                          hint: "load the day's files with `lastmile load` first (it creates the database), or give --db")
        case .unusable(let path, let reason):
            LastMileError(.badInput, "cannot use the database: \(reason)", at: ErrorLocation(file: path),
                          hint: "is --db a LastMile database? `lastmile load` creates one")
        case .conflict(let message):
            LastMileError(.conflict, message, hint: "plan the day again")
        }
    }

    /// `error` from GRDB (or anything else thrown inside a transaction) as the store reports it: errors of
    /// the application (input reports, conflicts) pass through unchanged.
    static func wrapping(_ error: any Error, path: String) -> any Error {
        guard let database = error as? DatabaseError else { return error }
        return StoreError.unusable(path: path, reason: database.message ?? "\(database.resultCode)")
    }
}
