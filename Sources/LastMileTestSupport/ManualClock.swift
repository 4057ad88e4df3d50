import Foundation

/// A clock that moves only when a test says so (`advance(by:)`), or when something sleeps on it (the sleep
/// returns at once, the clock jumps to the deadline): time-dependent code runs deterministically in tests.
public struct ManualClock: Clock, Sendable {
    public struct Instant: InstantProtocol, Sendable {
        /// Time since the clock was made.
        public var offset: Duration

        public func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        public func duration(to other: Instant) -> Duration { other.offset - offset }
        public static func < (a: Instant, b: Instant) -> Bool { a.offset < b.offset }
    }

    private final class Storage: @unchecked Sendable {
        let lock = NSLock()
        var now = Instant(offset: .zero)
    }

    private let storage = Storage()

    public init() {}

    public var now: Instant { storage.lock.withLock { storage.now } }
    public var minimumResolution: Duration { .zero }

    /// Moves the clock on by `duration`.
    public func advance(by duration: Duration) {
        storage.lock.withLock { storage.now = storage.now.advanced(by: duration) }
    }

    public func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        storage.lock.withLock { storage.now = max(storage.now, deadline) }
    }
}
