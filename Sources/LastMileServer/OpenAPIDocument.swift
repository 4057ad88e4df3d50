import Foundation

/// The OpenAPI 3.1 document of the API (`openapi.json`, shipped as a resource and served at `/openapi.json`).
/// Tests walk it so that every route is specified and every role is tried on every route.
public enum OpenAPIDocument {
    public static let data: Data = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"), let data = try? Data(contentsOf: url) else {
            preconditionFailure("openapi.json is missing from the LastMileServer bundle")
        }
        return data
    }()
}
