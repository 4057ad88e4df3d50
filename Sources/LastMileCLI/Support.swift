import Foundation

extension Duration {
    /// "1.234 s" or "56.7 ms".
    var formattedSeconds: String {
        let seconds = Double(components.seconds) + Double(components.attoseconds) / 1e18
        if seconds < 1 { return String(format: "%.1f ms", seconds * 1000) }
        return String(format: "%.3f s", seconds)
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
