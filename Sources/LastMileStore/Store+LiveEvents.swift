import GRDB
import LastMileCore

/// An event of the live log as stored: its place in the log of its date and plan version, its idempotency key,
/// when the store received it (ISO 8601, UTC), the event as one line of JSON, the live revision it made, and the
/// re-optimisation that followed it (JSON), when one was recorded.
public struct LoggedLiveEvent: Hashable, Sendable {
    public var sequence: Int
    public var key: String
    public var receivedAt: String
    public var json: String
    public var revision: Int
    public var reroute: String?
}

/// What ``Store/appendEvent(date:planVersion:key:json:revision:)`` did.
public enum LiveEventAppend: Hashable, Sendable {
    /// The event is durably in the log and made `revision`.
    case applied(revision: Int)
    /// An event with the same idempotency key was applied before and made `revision`; nothing was written.
    case alreadyApplied(revision: Int)
}

extension Store {
    /// Appends one live event to the log of `date` and `planVersion` in one transaction, committed before this
    /// returns (the caller acknowledges the event only then). When `key` was applied before, nothing is written
    /// and the revision it made is returned: a retried event applies once.
    ///
    /// - Parameters:
    ///   - json: the event as one line of JSON (the form replay decodes).
    ///   - revision: the live revision the event makes; it must be the log's next sequence number, so that a
    ///     writer that applied the event to a stale state fails with a conflict instead of forking the log.
    ///   - reroute: what the re-optimiser decided after the event (JSON), written in the same transaction.
    /// - Throws: ``StoreError/conflict(_:)`` when the log moved on since the caller read it.
    public func appendEvent(date: String, planVersion: Int, key: String, json: String, revision: Int, reroute: String? = nil) throws -> LiveEventAppend {
        try write { db in
            if let existing = try Int.fetchOne(db, sql: "SELECT revision FROM live_event WHERE idempotency_key = ?", arguments: [key]) {
                return .alreadyApplied(revision: existing)
            }
            let next = (try Int.fetchOne(db, sql: "SELECT max(sequence) FROM live_event WHERE date = ? AND plan_version = ?",
                                         arguments: [date, planVersion]) ?? 0) + 1
            guard next == revision else {
                throw StoreError.conflict("the live log of \(date) is at revision \(next - 1), the event was applied to revision \(revision - 1)")
            }
            try db.execute(sql: """
                INSERT INTO live_event (date, plan_version, sequence, idempotency_key, received_at, event, revision) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [date, planVersion, next, key, Self.now(), json, revision])
            if let reroute {
                try db.execute(sql: "INSERT INTO live_reroute (date, plan_version, sequence, reroute) VALUES (?, ?, ?, ?)",
                               arguments: [date, planVersion, next, reroute])
            }
            return .applied(revision: revision)
        }
    }

    /// The log of `date` and `planVersion`, in sequence order.
    public func liveEvents(date: String, planVersion: Int) throws -> [LoggedLiveEvent] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.sequence, e.idempotency_key, e.received_at, e.event, e.revision, r.reroute FROM live_event e
                LEFT JOIN live_reroute r ON r.date = e.date AND r.plan_version = e.plan_version AND r.sequence = e.sequence
                WHERE e.date = ? AND e.plan_version = ? ORDER BY e.sequence
                """, arguments: [date, planVersion]).map {
                LoggedLiveEvent(sequence: $0["sequence"], key: $0["idempotency_key"], receivedAt: $0["received_at"], json: $0["event"],
                                revision: $0["revision"], reroute: $0["reroute"])
            }
        }
    }

    /// The revisions made by the events of `keys` that are already in the log, by key (keys not there are absent).
    public func appliedRevisions(keys: [String]) throws -> [String: Int] {
        try read { db in
            var revisions: [String: Int] = [:]
            for key in keys {
                if let revision = try Int.fetchOne(db, sql: "SELECT revision FROM live_event WHERE idempotency_key = ?", arguments: [key]) {
                    revisions[key] = revision
                }
            }
            return revisions
        }
    }
}
