import ArgumentParser
import Foundation
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
            throw ValidationError("profile file \(nameOrPath): \(DecodingErrorText.describe(error))")
        }
    }
}

/// Turns a `DecodingError` into a sentence that names the field.
enum DecodingErrorText {
    static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.isEmpty ? "top level" : codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing field '\(key.stringValue)' at \(path(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type at \(path(context.codingPath)): \(context.debugDescription)"
        case .dataCorrupted(let context): return "invalid JSON at \(path(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
