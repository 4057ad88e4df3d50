import ArgumentParser
import Foundation
import LastMileCore
import LastMileGraph

/// Resolves `--profile`: a built-in name or a JSON file.
enum ProfileLoader {
    static func load(_ nameOrPath: String) throws -> VehicleProfile {
        if let builtIn = VehicleProfile.builtIn[nameOrPath] { return builtIn }
        guard FileManager.default.fileExists(atPath: nameOrPath) else {
            throw ValidationError("unknown profile '\(nameOrPath)': use one of "
                + "\(VehicleProfile.builtIn.keys.sorted().joined(separator: ", ")) or the path of a profile JSON file")
        }
        do {
            let profile = try JSONDecoder().decode(VehicleProfile.self, from: Data(contentsOf: URL(fileURLWithPath: nameOrPath)))
            try profile.validate()
            return profile
        } catch let error as DecodingError {
            throw LastMileError(.badInput, error.readableDescription, at: ErrorLocation(file: nameOrPath), hint: "see the fields of VehicleProfile in the README")
        }
    }
}
