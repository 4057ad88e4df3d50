import Foundation
import Hummingbird
import LastMileCore

/// JSON as the server writes it (sorted keys, slashes unescaped: stable bytes for golden tests) and reads it
/// (decoding errors as 400s naming the field path).
enum JSONCoding {
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// A 200 (or `status`) response with `value` as its JSON body.
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try encode(value))))
    }

    /// The request's body, at most the context's upload limit.
    ///
    /// - Throws: `HTTPError` 413 for a body over the limit.
    static func body(_ request: Request, context: LastMileRequestContext) async throws -> Data {
        var request = request
        do {
            let buffer = try await request.collectBody(upTo: context.maxUploadSize)
            return Data(buffer.readableBytesView)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw HTTPError(.contentTooLarge, message: "the body is larger than \(context.maxUploadSize) bytes; send less or raise --max-body")
        }
    }

    /// `T` decoded from the request's JSON body.
    ///
    /// - Throws: ``APIError`` (bad input) naming the field path and what was wrong.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: LastMileRequestContext) async throws -> T {
        let data = try await body(request, context: context)
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw APIError(.badInput, "request body: " + error.readableDescription, hint: "send a JSON body as the OpenAPI document (/openapi.json) describes")
        }
    }
}
