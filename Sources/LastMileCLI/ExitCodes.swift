import ArgumentParser
import LastMileCore

/// The exit codes of `lastmile`, one per error category (the README's table).
enum ExitCodes {
    static func code(for category: ErrorCategory) -> Int32 {
        switch category {
        case .checkFailed: 1
        case .badInput: 2
        case .routingData: 3
        case .conflict: 4
        case .notFound: 5
        case .unauthorized, .forbidden: 77
        case .usage: 64
        case .rateLimited: 75
        case .internal: 70
        }
    }
}
