import Hummingbird
import LastMileCore
import LastMileService

/// Limits each API key to its token bucket (`--rate-limit` requests per second, `--rate-burst` at once): a
/// request over the limit is answered 429 with `Retry-After` (whole seconds) and the API's JSON error body.
/// Requests without a key (health, the OpenAPI document) are not limited; it runs after authentication.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = LastMileRequestContext
    let limiter: KeyRateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let identity = context.identity, let wait = limiter.take(keyID: identity.keyID) {
            let seconds = max(1, Int(wait.inSeconds.rounded(.up)))
            throw APIError(
                LastMileError(.rateLimited, "API key \(identity.keyID) sent more than \(limiter.burst) requests at once or more than \(limiter.ratePerSecond.formatted) per second",
                              hint: "retry after \(seconds) s (Retry-After), spread the requests out, or ask the operator to raise `lastmile serve --rate-limit/--rate-burst`"),
                retryAfterSeconds: seconds
            )
        }
        return try await next(request, context)
    }
}

private extension Double {
    /// "50" for whole numbers, otherwise the shortest decimal form.
    var formatted: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}
