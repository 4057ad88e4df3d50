import LastMileDomain
import Foundation

/// The one JSON writer of the plan outputs: an Encodable model with sorted keys (stable diffs), slashes
/// unescaped, and a final newline.
enum OutputJSON {
    static func text(_ value: some Encodable, pretty: Bool) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
