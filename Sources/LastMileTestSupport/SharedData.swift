import Foundation

/// Locations of the data the tests read: the repository's own `fixtures/` and `maps/`, and `../shared` beside
/// the repository (benchmarks, real OSM extracts, peer reference results).
///
/// `../shared` is required: when it is missing, ``sharedDirectory()`` throws instead of letting tests skip.
public enum SharedData {
    /// The repository root (the folder holding `Package.swift`).
    public static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
        }
        fatalError("cannot find Package.swift above \(#filePath)")
    }()

    /// `fixtures/` in the repository.
    public static var fixtures: URL { repositoryRoot.appendingPathComponent("fixtures") }

    /// `maps/` in the repository.
    public static var maps: URL { repositoryRoot.appendingPathComponent("maps") }

    /// A fixture file under `fixtures/`, e.g. `fixture("osm/oneway.osm")`.
    public static func fixture(_ relativePath: String) -> URL { fixtures.appendingPathComponent(relativePath) }

    /// The shared data folder: `$LASTMILE_SHARED` or `../shared` beside the repository.
    ///
    /// - Throws: ``MissingSharedData`` when the folder is absent, so a test that needs it fails loudly.
    public static func sharedDirectory() throws -> URL {
        let url: URL
        if let overridden = ProcessInfo.processInfo.environment["LASTMILE_SHARED"] {
            url = URL(fileURLWithPath: overridden)
        } else {
            url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
        }
        guard FileManager.default.fileExists(atPath: url.path) else { throw MissingSharedData(path: url.path) }
        return url
    }

    /// A file under the shared folder, e.g. `shared("maps/porto.osm.pbf")`.
    public static func shared(_ relativePath: String) throws -> URL {
        let url = try sharedDirectory().appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else { throw MissingSharedData(path: url.path) }
        return url
    }

    /// Names of the shared OSM extracts (`.osm.pbf` and `.osm.gz` files in `../shared/maps`), sorted.
    public static func sharedMapFiles() throws -> [URL] {
        let folder = try sharedDirectory().appendingPathComponent("maps")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        return names.filter { $0.hasSuffix(".osm.pbf") || $0.hasSuffix(".osm.gz") || $0.hasSuffix(".osm") }
            .sorted()
            .map { folder.appendingPathComponent($0) }
    }
}

/// Thrown when the shared data folder or a file in it is missing.
public struct MissingSharedData: Error, CustomStringConvertible {
    public var path: String
    public var description: String {
        "shared test data missing at \(path): clone the project with ../shared beside it, or set LASTMILE_SHARED"
    }
}
