import Foundation
import LastMileCore

/// The files of the dispatcher console, held in memory: the page itself (HTML, CSS, ES modules: the SwiftPM
/// resource folder `Console/Web`) and Leaflet, read once at startup from Debian's `libjs-leaflet`
/// (`/usr/share/javascript/leaflet` by default; `lastmile serve --leaflet PATH`).
struct ConsoleFiles: Sendable {
    /// A file as served: its bytes and content type.
    struct File: Sendable {
        var bytes: [UInt8]
        var contentType: String
    }

    /// The page's files by name (`index.html`, `console.css`, `main.js` …).
    let page: [String: File]
    /// Leaflet's files by path under its folder (`leaflet.esm.js`, `leaflet.css`, `images/marker-icon.png` …);
    /// empty when the folder is missing.
    let leaflet: [String: File]
    /// Where Leaflet was looked for.
    let leafletPath: String

    init(leafletPath: String) {
        page = Self.files(in: Bundle.module.url(forResource: "Web", withExtension: nil))
        self.leafletPath = leafletPath
        let folder = URL(fileURLWithPath: leafletPath)
        var leaflet = Self.files(in: folder)
        for (name, file) in Self.files(in: folder.appendingPathComponent("images")) { leaflet["images/" + name] = file }
        self.leaflet = leaflet
    }

    /// Whether Leaflet's module and style sheet were found.
    var hasLeaflet: Bool { leaflet["leaflet.esm.js"] != nil && leaflet["leaflet.css"] != nil }

    /// The page shown instead of the console when Leaflet is missing: what is wrong and how to fix it.
    var missingLeafletPage: String {
        """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>LastMile console: Leaflet is missing</title></head>
        <body><h1>The console needs Leaflet</h1>
        <p>No <code>leaflet.esm.js</code> and <code>leaflet.css</code> in <code>\(leafletPath)</code>.</p>
        <p>Install Debian's package (<code>apt-get install libjs-leaflet</code>) or start
        <code>lastmile serve --leaflet FOLDER</code> with a folder holding Leaflet 1.7 or newer. The API works without it.</p>
        </body></html>
        """
    }

    /// The regular files directly in `folder` that a browser loads (no compressed twins, no source maps).
    private static func files(in folder: URL?) -> [String: File] {
        guard let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [:] }
        var files: [String: File] = [:]
        for name in names.sorted() {
            guard let type = contentType(of: name), let data = try? Data(contentsOf: folder.appendingPathComponent(name)) else { continue }
            files[name] = File(bytes: [UInt8](data), contentType: type)
        }
        return files
    }

    /// The content type of a file the console serves, `nil` for files it does not serve.
    static func contentType(of name: String) -> String? {
        switch name.split(separator: ".").last {
        case "html": "text/html; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "png": "image/png"
        case "svg": "image/svg+xml"
        default: nil
        }
    }
}
