import Foundation
import GRDB
import LastMileCore
import LastMileDispatch

/// The dispatcher's SQLite database (`lastmile.sqlite` by default): depots and stock, vehicle types, fleet,
/// carriers and shifts, orders, immutable plan versions with their routes and stops, and events.
///
/// Files are opened in WAL mode through a GRDB `DatabasePool` (readers do not wait for the writer); foreign
/// keys are enforced. Every import and every plan commit is one transaction: it lands whole or not at all.
public final class Store: Sendable {
    let writer: any DatabaseWriter

    /// Opens (creating and migrating as needed) the database at `path`.
    public init(path: String) throws {
        writer = try DatabasePool(path: path)
        try StoreSchema.migrator.migrate(writer)
    }

    /// A private in-memory database, for tests.
    public init() throws {
        writer = try DatabaseQueue()
        try StoreSchema.migrator.migrate(writer)
    }

    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }

    func log(_ db: Database, _ kind: String, plan: Int64? = nil, _ detail: String) throws {
        try db.execute(sql: "INSERT INTO event (at, kind, plan_id, detail) VALUES (?, ?, ?, ?)", arguments: [Self.now(), kind, plan, detail])
    }

    /// Events, oldest first: (kind, detail).
    public func events() throws -> [(kind: String, detail: String)] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT kind, detail FROM event ORDER BY id").map { ($0["kind"], $0["detail"]) }
        }
    }
}
