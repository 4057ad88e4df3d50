import Foundation

/// The terminal the commands write to: standard output through one unbuffered handle (progress lines rewritten
/// in place with `\r` and ordinary lines stay in order when both go through here), standard error for errors,
/// warnings and timing lines.
enum Terminal {
    static func write(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }

    static func print(_ line: String) { write(line + "\n") }

    /// Whether standard output is a terminal (progress lines are rewritten in place only there).
    static var isInteractive: Bool { isatty(STDOUT_FILENO) != 0 }

    /// Writes `text` to standard error.
    static func error(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }
}
