import LastMileCore
import LastMileStore

/// The application core: every use case of a dispatcher's day — load an input file, plan a date (commit the
/// version, write its outputs), read a stored plan, play the demo day — as plain functions that report
/// progress as ``ServiceEvent`` values and fail with ``LastMileError``. The `lastmile` command and the coming
/// server only parse their input, call these, and render what comes back.
///
/// Built by ``build(_:)`` (Hummingbird's `buildApplication` idea): the executable and the tests run the same
/// construction.
public struct LastMileService: Sendable {
    /// What a service is built from.
    public struct Settings: Sendable {
        /// The SQLite database file.
        public var databasePath: String
        /// Whether a missing database is created (loading data) or refused (planning, reading plans).
        public var createsDatabase: Bool

        public init(databasePath: String, createsDatabase: Bool) {
            self.databasePath = databasePath
            self.createsDatabase = createsDatabase
        }
    }

    /// The database every use case reads and writes.
    public let store: Store

    /// Opens the database of `settings` (creating it when allowed) and returns the service over it.
    ///
    /// - Throws: ``LastMileError`` (bad input) when the database is missing and may not be created, or is not a
    ///   LastMile database.
    public static func build(_ settings: Settings) throws(LastMileError) -> LastMileService {
        do {
            return LastMileService(store: try Store(path: settings.databasePath, create: settings.createsDatabase))
        } catch {
            throw error.lastMileError
        }
    }

    /// A service over an existing store (tests with an in-memory database).
    public init(store: Store) {
        self.store = store
    }
}

/// Runs `body`, turning whatever it throws into a ``LastMileError``.
func reportingErrors<T>(_ body: () throws -> T) throws(LastMileError) -> T {
    do { return try body() } catch { throw LastMileError(describing: error) }
}
