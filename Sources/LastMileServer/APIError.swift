import Foundation
import Hummingbird
import LastMileCore

/// A failure of the JSON API as the client sees it: the HTTP status of its category and a JSON body
/// `{"error": {"category", "message", "where", "hint", "details"}}`.
public struct APIError: HTTPResponseError, Sendable {
    public var error: LastMileError
    /// Whole seconds the client should wait before retrying (`Retry-After`), for rate-limited requests.
    public var retryAfterSeconds: Int?

    public init(_ error: LastMileError, retryAfterSeconds: Int? = nil) {
        self.error = error
        self.retryAfterSeconds = retryAfterSeconds
    }

    public init(_ category: ErrorCategory, _ message: String, field: String? = nil, hint: String? = nil) {
        error = LastMileError(category, message, at: field.map { ErrorLocation(field: $0) }, hint: hint)
    }

    /// The status of each error category (the README's table).
    public var status: HTTPResponse.Status {
        switch error.category {
        case .usage, .badInput: .badRequest
        case .routingData: .unprocessableContent
        case .conflict: .conflict
        case .checkFailed: .unprocessableContent
        case .notFound: .notFound
        case .unauthorized: .unauthorized
        case .forbidden: .forbidden
        case .rateLimited: .tooManyRequests
        case .internal: .internalServerError
        }
    }

    struct Body: Encodable {
        struct Detail: Encodable {
            var category: String, message: String, `where`: String?, hint: String?, details: [String]?
        }
        var error: Detail
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let location = error.location?.description
        let body = Body(error: .init(category: error.category.rawValue, message: error.message, where: location?.isEmpty == false ? location : nil,
                                     hint: error.hint, details: error.details.isEmpty ? nil : error.details))
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
        if let retryAfterSeconds { headers[.retryAfter] = String(retryAfterSeconds) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try JSONCoding.encode(body))))
    }
}

/// `body`'s result, with the service's "no plan for this date" (bad input there) answered as 404.
func requiringPlan<T>(of date: String, _ body: () throws(LastMileError) -> T) throws(APIError) -> T {
    do {
        return try body()
    } catch {
        guard error.category == .badInput else { throw APIError(error) }
        throw APIError(.notFound, "no plan for \(date)", field: "date", hint: "plan the date first")
    }
}

extension LastMileError {
    /// This error as the API answers it.
    var api: APIError { APIError(self) }
}
