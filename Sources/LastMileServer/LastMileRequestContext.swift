import Hummingbird
import LastMileCore
import HummingbirdAuth
import LastMileService

/// The context of one request: Hummingbird's core storage, the identity of its API key once authenticated,
/// and the body limit.
public struct LastMileRequestContext: AuthRequestContext, RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: APIIdentity?
    /// The largest body a handler collects, bytes.
    public var maxUploadSize: Int

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        identity = nil
        maxUploadSize = 16 << 20
    }

    /// The authenticated identity.
    ///
    /// - Throws: ``APIError`` 401 when the request carried no valid key.
    func requireIdentity() throws(APIError) -> APIIdentity {
        guard let identity else {
            throw APIError(.unauthorized, "this endpoint needs an API key", hint: "send `Authorization: Bearer lm_…` (create one with `lastmile keys create`)")
        }
        return identity
    }
}
