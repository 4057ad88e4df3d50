import GRDB

/// A traffic profile as stored for the database's days: its name, file format and text (the store does not
/// parse it; the service does, with the traffic reader).
public struct StoredTrafficProfile: Hashable, Sendable {
    public var name: String
    /// `csv` or `json`.
    public var format: String
    public var text: String

    public init(name: String, format: String, text: String) {
        self.name = name
        self.format = format
        self.text = text
    }
}

extension Store {
    /// Makes `profile` the database's default traffic profile, replacing the previous one, in one transaction.
    public func storeTrafficProfile(_ profile: StoredTrafficProfile) throws {
        try write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO traffic_profile (id, name, format, text, loaded_at) VALUES (1, ?, ?, ?, ?)",
                arguments: [profile.name, profile.format, profile.text, Self.now()])
            try log(db, "traffic profile loaded", "\(profile.name) (\(profile.format))")
        }
    }

    /// The database's default traffic profile, or `nil` when none was loaded.
    public func trafficProfile() throws -> StoredTrafficProfile? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT name, format, text FROM traffic_profile WHERE id = 1").map {
                StoredTrafficProfile(name: $0["name"], format: $0["format"], text: $0["text"])
            }
        }
    }
}
