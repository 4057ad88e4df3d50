import Foundation
import Hummingbird

/// An error in OSRM's shape and codes (`{"code": "InvalidQuery", "message": …}`, HTTP 400), so OSRM clients
/// handle it as they handle OSRM's own.
struct OSRMError: HTTPResponseError {
    enum Code: String {
        case invalidURL = "InvalidUrl", invalidService = "InvalidService", invalidVersion = "InvalidVersion"
        case invalidOptions = "InvalidOptions", invalidQuery = "InvalidQuery", invalidValue = "InvalidValue"
        case noSegment = "NoSegment", noRoute = "NoRoute", noTable = "NoTable", tooBig = "TooBig"
    }

    var code: Code
    var message: String

    var status: HTTPResponse.Status { .badRequest }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        try JSONCoding.response(["code": code.rawValue, "message": message], status: status)
    }
}
