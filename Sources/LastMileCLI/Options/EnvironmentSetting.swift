import ArgumentParser
import Foundation

/// Settings a deployment may give through the environment instead of flags (a container, a service unit); a
/// flag on the command line wins. An empty variable counts as unset.
enum EnvironmentSetting: String, CaseIterable {
    /// The database of every command (`--db`).
    case database = "LASTMILE_DB"
    /// `serve --graph`.
    case graph = "LASTMILE_GRAPH"
    /// `serve --map`.
    case map = "LASTMILE_MAP"
    /// `serve --host`.
    case host = "LASTMILE_HOST"
    /// `serve --port`.
    case port = "LASTMILE_PORT"

    /// The variable's value, or `nil` when unset or empty.
    var value: String? {
        guard let text = ProcessInfo.processInfo.environment[rawValue], !text.isEmpty else { return nil }
        return text
    }

    /// `given` (the flag), else the variable, else `fallback`.
    func resolve(_ given: String?, else fallback: String) -> String { given ?? value ?? fallback }
}
