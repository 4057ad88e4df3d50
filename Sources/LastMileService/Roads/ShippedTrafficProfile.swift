import Foundation
import LastMileCore

/// The default urban traffic profile that ships with LastMile (`profiles/traffic-urban-default.csv`, its
/// assumptions in the file's header), found in the working directory (then named by its relative path) or above the running executable (a
/// `swift build` tree keeps it two or three folders up).
public enum ShippedTrafficProfile {
    /// The file's path inside the source tree.
    public static let relativePath = "profiles/traffic-urban-default.csv"

    /// Where the shipped profile is.
    ///
    /// - Throws: ``LastMileError`` (bad input) when neither the working directory nor a folder above the
    ///   executable holds it.
    public static func path() throws(LastMileError) -> String {
        if FileManager.default.fileExists(atPath: relativePath) { return relativePath }
        var folders: [URL] = []
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            folders.append(folder)
            folder = folder.deletingLastPathComponent()
        }
        for candidate in folders.map({ $0.appendingPathComponent(relativePath).path }) where FileManager.default.fileExists(atPath: candidate) {
            return candidate
        }
        throw LastMileError(.badInput, "the default traffic profile \(relativePath) is not beside this lastmile", at: ErrorLocation(field: "traffic"),
                            hint: "give the profile's path: --traffic PATH/\(relativePath)")
    }
}
