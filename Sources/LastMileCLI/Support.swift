import Foundation
import LastMileCore

extension Duration {
    /// "1.234 s" or "56.7 ms".
    var formattedSeconds: String {
        let seconds = inSeconds
        if seconds < 1 { return FixedPoint.string(seconds * 1000, decimals: 1) + " ms" }
        return FixedPoint.string(seconds, decimals: 3) + " s"
    }
}

/// The process's peak resident memory.
enum PeakMemory {
    /// Peak resident set size in MB (Linux reports kilobytes).
    static var megabytes: Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) / 1024
    }
}

/// Standard output without buffering surprises: progress lines (written in place with `\r`) and ordinary lines
/// go through the same unbuffered handle, so they appear in order.
enum Terminal {
    static func write(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }

    static func print(_ line: String) { write(line + "\n") }

    /// Whether standard output is a terminal (progress lines are rewritten in place only there).
    static var isInteractive: Bool { isatty(STDOUT_FILENO) != 0 }

    /// Writes `text` to standard error.
    static func error(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }
}
