import Foundation
import GRDB
import LastMileCore
import LastMileDomain

/// The dispatcher's SQLite database (`lastmile.sqlite` by default): depots and stock, vehicle types, fleet,
/// carriers and shifts, orders, immutable plan versions with their routes and stops, and events.
///
/// Files are opened in WAL mode through a GRDB `DatabasePool` (readers do not wait for the writer); foreign
/// keys are enforced. Every import and every plan commit is one transaction: it lands whole or not at all.
public final class Store: Sendable {
    private let writer: any DatabaseWriter
    /// The database file, for messages (":memory:" for an in-memory database).
    public let path: String

    /// Opens the database at `path`, migrating it as needed; with `create`, a missing file is created, without
    /// it a missing file is ``StoreError/notFound(path:)`` (commands that only read a day must not invent one).
    public init(path: String, create: Bool = true) throws(StoreError) {
        self.path = path
        guard create || FileManager.default.fileExists(atPath: path) else { throw .notFound(path: path) }
        do {
            writer = try DatabasePool(path: path)
            try StoreSchema.migrator.migrate(writer)
        } catch {
            throw .unusable(path: path, reason: (error as? DatabaseError)?.message ?? "\(error)")
        }
    }

    /// A private in-memory database, for tests.
    public init() throws {
        path = ":memory:"
        writer = try DatabaseQueue()
        try StoreSchema.migrator.migrate(writer)
    }

    /// Runs `body` in a read transaction; GRDB's errors leave as ``StoreError``.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try writer.read(body) } catch { throw StoreError.wrapping(error, path: path) }
    }

    /// Runs `body` in a write transaction (all or nothing); GRDB's errors leave as ``StoreError``.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try writer.write(body) } catch { throw StoreError.wrapping(error, path: path) }
    }

    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }

    func log(_ db: Database, _ kind: String, plan: Int64? = nil, _ detail: String) throws {
        try db.execute(sql: "INSERT INTO event (at, kind, plan_id, detail) VALUES (?, ?, ?, ?)", arguments: [Self.now(), kind, plan, detail])
    }

    /// What SQLite's `PRAGMA integrity_check` finds wrong with the file; empty when the database is sound.
    public func integrityProblems() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" } }
    }

    /// Events, oldest first: (kind, detail).
    public func events() throws -> [(kind: String, detail: String)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT kind, detail FROM event ORDER BY id").map { ($0["kind"], $0["detail"]) }
        }
    }
}
