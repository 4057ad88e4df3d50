import Foundation
import GRDB

/// An API key as stored: its public id, the SHA-256 of its secret, its role and scope, and whether it was
/// revoked. The secret itself is never stored.
public struct StoredAPIKey: Hashable, Sendable {
    public var id: String
    /// SHA-256 of the secret, 32 bytes.
    public var secretSHA256: [UInt8]
    /// `admin`, `dispatcher`, `driver-backend` or `carrier` (the schema checks it).
    public var role: String
    public var depotID: String?
    public var carrierID: String?
    public var label: String
    /// ISO 8601, UTC.
    public var createdAt: String
    public var revokedAt: String?

    public init(id: String, secretSHA256: [UInt8], role: String, depotID: String?, carrierID: String?, label: String,
                createdAt: String = "", revokedAt: String? = nil) {
        self.id = id
        self.secretSHA256 = secretSHA256
        self.role = role
        self.depotID = depotID
        self.carrierID = carrierID
        self.label = label
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    init(row: Row) {
        self.init(id: row["id"], secretSHA256: [UInt8](row["secret_sha256"] as Data), role: row["role"], depotID: row["depot_id"],
                  carrierID: row["carrier_id"], label: row["label"], createdAt: row["created_at"], revokedAt: row["revoked_at"])
    }
}

extension Store {
    /// Stores a new key (its creation time is now).
    ///
    /// - Throws: ``StoreError`` when the id exists or the role and scope do not match (the schema's checks).
    public func insertAPIKey(_ key: StoredAPIKey) throws {
        try write { db in
            try db.execute(sql: """
                INSERT INTO api_key (id, secret_sha256, role, depot_id, carrier_id, label, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [key.id, Data(key.secretSHA256), key.role, key.depotID, key.carrierID, key.label, Self.now()])
            try log(db, "api-key-created", "\(key.id) (\(key.role))")
        }
    }

    /// The key with `id`, revoked or not.
    public func apiKey(id: String) throws -> StoredAPIKey? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM api_key WHERE id = ?", arguments: [id]).map(StoredAPIKey.init(row:)) }
    }

    /// Every key, oldest first.
    public func apiKeys() throws -> [StoredAPIKey] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM api_key ORDER BY created_at, id").map(StoredAPIKey.init(row:)) }
    }

    /// Revokes the key `id` from now on; `false` when there is no such key or it was revoked already.
    public func revokeAPIKey(id: String) throws -> Bool {
        try write { db in
            try db.execute(sql: "UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", arguments: [Self.now(), id])
            let revoked = db.changesCount == 1
            if revoked { try log(db, "api-key-revoked", id) }
            return revoked
        }
    }
}
