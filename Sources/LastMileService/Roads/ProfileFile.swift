import Foundation
import LastMileCore
import LastMileGraph

/// A vehicle profile named on the command line: a built-in profile, or a JSON file with the fields of
/// ``VehicleProfile``.
public enum ProfileFile {
    /// Whether `nameOrPath` names a file rather than a built-in profile (it has a `.json` suffix or a `/`).
    public static func namesAFile(_ nameOrPath: String) -> Bool {
        nameOrPath.hasSuffix(".json") || nameOrPath.contains("/")
    }

    /// The built-in profile `nameOrPath`, or the profile in that JSON file, checked.
    ///
    /// - Throws: ``LastMileError``: usage for an unknown built-in name; bad input for a missing, unreadable or
    ///   invalid file, naming the field.
    public static func load(_ nameOrPath: String) throws(LastMileError) -> VehicleProfile {
        if let builtIn = VehicleProfile.builtIn[nameOrPath] { return builtIn }
        guard namesAFile(nameOrPath) else {
            throw LastMileError(.usage, "unknown profile '\(nameOrPath)'",
                                hint: "use one of \(VehicleProfile.builtIn.keys.sorted().joined(separator: ", ")) or the path of a profile JSON file")
        }
        let data = try InputFile.read(nameOrPath, what: "profile file")
        do {
            let profile = try JSONDecoder().decode(VehicleProfile.self, from: data)
            try profile.validate()
            return profile
        } catch let error as DecodingError {
            throw LastMileError(.badInput, error.readableDescription, at: ErrorLocation(file: nameOrPath),
                                hint: "see the fields of VehicleProfile in the README")
        } catch {
            throw LastMileError(describing: error)
        }
    }
}
