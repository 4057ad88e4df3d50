import LastMileCore

/// A token bucket: holds up to `burst` tokens, refilled continuously at `ratePerSecond`; each request takes one.
/// A client may send `burst` requests at once, then `ratePerSecond` on average.
///
/// Times are `Duration`s since any fixed origin (the limiter's clock), so the bucket is a pure value: tests
/// drive it with hand-picked instants. Invariant: `0 ≤ tokens ≤ burst`.
struct TokenBucket: Sendable, Equatable {
    /// Tokens added per second (> 0).
    let ratePerSecond: Double
    /// The most tokens the bucket holds (≥ 1).
    let burst: Double
    /// Tokens available at `updated`.
    private(set) var tokens: Double
    /// When `tokens` was last brought up to date.
    private(set) var updated: Duration

    /// A full bucket at `now`.
    init(ratePerSecond: Double, burst: Int, now: Duration) {
        precondition(ratePerSecond > 0 && burst >= 1, "a token bucket needs a positive rate and a burst of at least 1")
        self.ratePerSecond = ratePerSecond
        self.burst = Double(burst)
        tokens = Double(burst)
        updated = now
    }

    /// Takes one token at `now`.
    ///
    /// - Returns: `nil` when the request may go ahead (a token was taken); otherwise how long until a token is
    ///   available (nothing was taken).
    mutating func take(at now: Duration) -> Duration? {
        if now > updated {
            tokens = min(burst, tokens + (now - updated).inSeconds * ratePerSecond)
            updated = now
        }
        if tokens >= 1 {
            tokens -= 1
            return nil
        }
        return .seconds((1 - tokens) / ratePerSecond)
    }
}
