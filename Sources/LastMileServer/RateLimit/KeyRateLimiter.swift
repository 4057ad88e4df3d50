import Synchronization

/// One ``TokenBucket`` per API key, shared by every request the server handles. Keys are only those that
/// authenticated, so the table holds at most one bucket per issued key.
final class KeyRateLimiter: Sendable {
    let ratePerSecond: Double
    let burst: Int
    private let clock = ContinuousClock()
    private let origin: ContinuousClock.Instant
    private let buckets = Mutex<[String: TokenBucket]>([:])

    init(ratePerSecond: Double, burst: Int) {
        self.ratePerSecond = ratePerSecond
        self.burst = burst
        origin = clock.now
    }

    /// Takes a token from `keyID`'s bucket now.
    ///
    /// - Returns: `nil` when the request may go ahead, otherwise how long the key must wait.
    func take(keyID: String) -> Duration? {
        let now = clock.now - origin
        return buckets.withLock { buckets in
            buckets[keyID, default: TokenBucket(ratePerSecond: ratePerSecond, burst: burst, now: now)].take(at: now)
        }
    }
}
