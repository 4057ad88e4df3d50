import Foundation

/// The process's peak resident memory.
enum PeakMemory {
    /// Peak resident set size in MB (Linux reports kilobytes).
    static var megabytes: Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) / 1024
    }
}
