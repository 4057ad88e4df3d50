import Hummingbird
import LastMileCore

/// The dispatcher console, served without a key (the page signs in with one and sends it on every API call):
/// `GET /` the page, `GET /console/{file}` its style sheet and ES modules, `GET /leaflet/{file}` and
/// `GET /leaflet/images/{file}` Leaflet from the server's copy. Without Leaflet, `GET /` answers 503 with a
/// page that says how to install it.
struct ConsoleEndpoints {
    let files: ConsoleFiles

    func register(on router: Router<LastMileRequestContext>) {
        let files = self.files
        router.get("/") { _, _ in
            guard files.hasLeaflet, let page = files.page["index.html"] else {
                return Self.response(ConsoleFiles.File(bytes: Array(files.missingLeafletPage.utf8), contentType: "text/html; charset=utf-8"),
                                     status: .serviceUnavailable)
            }
            return Self.response(page)
        }
        router.get("console/:file") { _, context in
            let name = try context.parameters.require("file")
            guard let file = files.page[name], name != "index.html" else { throw APIError(.notFound, "no console file '\(name)'", field: "file") }
            return Self.response(file)
        }
        router.get("leaflet/:file") { _, context in
            try Self.leaflet(try context.parameters.require("file"), files)
        }
        router.get("leaflet/images/:file") { _, context in
            try Self.leaflet("images/" + (try context.parameters.require("file")), files)
        }
    }

    private static func leaflet(_ path: String, _ files: ConsoleFiles) throws(APIError) -> Response {
        guard let file = files.leaflet[path] else {
            throw APIError(.notFound, "no Leaflet file '\(path)' in \(files.leafletPath)", field: "file",
                           hint: "install libjs-leaflet or start lastmile serve with --leaflet FOLDER")
        }
        return response(file)
    }

    private static func response(_ file: ConsoleFiles.File, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = file.contentType
        headers[.cacheControl] = "no-cache"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }
}
