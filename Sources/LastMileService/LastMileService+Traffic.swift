import Foundation
import LastMileCore
import LastMileGraph
import LastMileStore

extension LastMileService {
    /// Makes the traffic profile at `file` (CSV or JSON, or `default` for ``ShippedTrafficProfile``) the
    /// database's default: `plan` uses it when no `--traffic` is given. Checked before it is stored.
    ///
    /// - Returns: the profile's name as stored.
    /// - Throws: ``LastMileError`` (bad input) with the file, line and field of the first bad row.
    public func loadTrafficProfile(file: String) throws(LastMileError) -> String {
        let stored: StoredTrafficProfile
        if file == ShippedTrafficProfile.keyword {
            stored = StoredTrafficProfile(name: ShippedTrafficProfile.name, format: "csv", text: ShippedTrafficProfile.csv)
        } else {
            let text = try String(data: InputFile.read(file, what: "traffic profile"), encoding: .utf8) ?? ""
            stored = StoredTrafficProfile(name: file, format: file.lowercased().hasSuffix(".json") ? "json" : "csv", text: text)
        }
        _ = try Self.parse(stored)
        try reportingErrors { try store.storeTrafficProfile(stored) }
        return stored.name
    }

    /// The database's default traffic profile, or `nil` when none was loaded.
    ///
    /// - Throws: ``LastMileError`` when the database cannot be read or holds a profile that no longer parses.
    public func storedTrafficProfile() throws(LastMileError) -> TrafficProfile? {
        guard let stored = try reportingErrors({ try store.trafficProfile() }) else { return nil }
        return try Self.parse(stored)
    }

    private static func parse(_ stored: StoredTrafficProfile) throws(LastMileError) -> TrafficProfile {
        try reportingErrors {
            stored.format == "json" ? try TrafficProfileReader.parseJSON(stored.text, name: stored.name)
                : try TrafficProfileReader.parseCSV(stored.text, name: stored.name)
        }
    }
}
