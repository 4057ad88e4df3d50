import Foundation

/// Golden files for outputs people read: compares with `fixtures/<file>`; with `RECORD_SNAPSHOTS=1` in the
/// environment, writes a changed file instead and fails, so a recording never passes silently.
public enum Golden {
    public struct Mismatch: Error, CustomStringConvertible {
        public var description: String
    }

    public static func assertMatches(_ actual: String, file: String) throws {
        let url = SharedData.fixture(file)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            // Unchanged files pass, so that repeated recording runs reach every golden file of a test.
            if (try? String(contentsOf: url, encoding: .utf8)) == actual { return }
            try actual.write(to: url, atomically: true, encoding: .utf8)
            throw Mismatch(description: "recorded \(file); run again without RECORD_SNAPSHOTS")
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            throw Mismatch(description: "golden file \(file) is missing; record it with RECORD_SNAPSHOTS=1")
        }
        guard expected == actual else {
            throw Mismatch(description: "output differs from \(file); if the change is intended, re-record with RECORD_SNAPSHOTS=1\n--- actual ---\n\(actual)")
        }
    }
}
