import Hummingbird
import LastMileCore
import HummingbirdAuth
import LastMileService

/// Reads `Authorization: Bearer lm_…` and attaches the key's identity to the context. A request without a
/// key goes on unauthenticated (public routes: health, the OpenAPI document); a request with a key that is
/// malformed, unknown or revoked is refused with 401 at once.
struct APIKeyAuthenticator: AuthenticatorMiddleware {
    typealias Context = LastMileRequestContext
    let service: LastMileService

    func authenticate(request: Request, context: Context) async throws -> APIIdentity? {
        guard request.headers[.authorization] != nil else { return nil }
        guard let bearer = request.headers.bearer, let identity = try service.authenticate(token: bearer.token) else {
            throw APIError(.unauthorized, "the API key is not valid (unknown, revoked or malformed)",
                           hint: "send `Authorization: Bearer lm_<id>_<secret>` with a key from `lastmile keys create`")
        }
        return identity
    }
}
