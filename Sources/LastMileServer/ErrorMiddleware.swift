import Hummingbird
import LastMileCore
import Logging

/// Turns what handlers throw into the API's answers: a ``LastMileError`` (or a module error that converts to
/// one) into an ``APIError`` with its category's status and JSON body; OSRM's and Hummingbird's own errors
/// pass through; anything else is a 500 with the internal category, never a crash or an empty reply.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = LastMileRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError {
            throw error
        } catch {
            let converted = LastMileError(describing: error)
            if converted.category == .internal { context.logger.error("internal error: \(converted)") }
            throw APIError(converted)
        }
    }
}

/// Applies the server's body limit to every request's context.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = LastMileRequestContext
    let maxBodyBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.maxUploadSize = maxBodyBytes
        return try await next(request, context)
    }
}
