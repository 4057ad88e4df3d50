import Dispatch

/// Runs CPU-bound `work` (a solve, a large table) on a dispatch queue instead of Swift concurrency's cooperative
/// pool, so long computations do not hold up the threads every other request runs on.
func offloaded<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global(qos: .userInitiated).async { continuation.resume(with: Result { try work() }) }
    }
}
