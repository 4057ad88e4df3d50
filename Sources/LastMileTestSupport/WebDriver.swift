import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small client of the W3C WebDriver protocol (plain JSON over HTTP) driving headless Chromium through
/// Debian's `chromedriver`: enough to sign in to the console, click, read the page and run scripts in it.
/// Started with ``start(windowWidth:windowHeight:)``; ``quit()`` closes the browser and stops the driver.
///
/// Missing `chromium` or `chromedriver` is an error (tests fail loudly, they do not skip): `.ci/install-deps`
/// installs both.
public final class WebDriver {
    /// A WebDriver failure: what went wrong and the fix.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) {
            self.description = description
        }
    }

    private let process: Process
    private let port: Int
    private let session: String

    private init(process: Process, port: Int, session: String) {
        self.process = process
        self.port = port
        self.session = session
    }

    /// Starts `chromedriver` on a free loopback port and a headless Chromium session with a window of the
    /// given size (CSS pixels).
    public static func start(windowWidth: Int = 1366, windowHeight: Int = 768) async throws -> WebDriver {
        let driverPath = "/usr/bin/chromedriver", browserPath = "/usr/bin/chromium"
        for path in [driverPath, browserPath] where !FileManager.default.isExecutableFile(atPath: path) {
            throw Failure(description: "\(path) is missing: install Debian's chromium and chromium-driver (.ci/install-deps does)")
        }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("chromedriver-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: driverPath)
        process.arguments = ["--port=0"]
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = FileHandle.nullDevice
        try process.run()
        var port: Int?
        for _ in 0..<200 where port == nil {  // up to 10 s for the driver to say its port
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let range = text.range(of: "started successfully on port ") {
                port = Int(text[range.upperBound...].prefix { $0.isNumber })
            } else {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        guard let port else {
            Self.stop(process)
            throw Failure(description: "chromedriver did not start: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        }
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": [
            "browserName": "chrome",
            "goog:chromeOptions": [
                "binary": browserPath,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=\(windowWidth),\(windowHeight)"],
            ],
        ]]]
        do {
            let answer = try send(port: port, "POST", "/session", capabilities)
            guard let session = (answer as? [String: Any])?["sessionId"] as? String else { throw Failure(description: "no session id in \(answer)") }
            return WebDriver(process: process, port: port, session: session)
        } catch {
            Self.stop(process)
            throw error
        }
    }

    /// Opens `url`. A renderer that does not answer in time (the whole test suite competing for two cores) gets
    /// a second try before the failure is reported.
    public func open(_ url: String) async throws {
        do {
            _ = try await command("POST", "url", ["url": url])
        } catch {
            _ = try await command("POST", "url", ["url": url])
        }
    }

    /// Runs `script` (a function body; `arguments[i]` are the arguments) in the page and returns its result.
    @discardableResult
    public func execute(_ script: String, _ arguments: [Any] = []) async throws -> Any {
        try await command("POST", "execute/sync", ["script": script, "args": arguments])
    }

    /// Runs asynchronous `script` in the page: it calls `arguments[arguments.length - 1](result)` when done.
    @discardableResult
    public func executeAsync(_ script: String, _ arguments: [Any] = []) async throws -> Any {
        _ = try await command("POST", "timeouts", ["script": 120_000])
        return try await command("POST", "execute/async", ["script": script, "args": arguments])
    }

    /// Runs `script` until it returns a truthy value, at most `attempts` times 100 ms apart, and returns it.
    public func waitFor(_ what: String, _ script: String, attempts: Int = 100) async throws -> Any {
        for _ in 0..<attempts {
            let value = try await execute(script)
            if !(value is NSNull), (value as? Bool) != false, (value as? String) != "" { return value }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Failure(description: "waited for \(what) in vain; page status: \((try? await execute("return document.querySelector('#status')?.textContent")) ?? "?")")
    }

    /// The element matching the CSS `selector` (its WebDriver reference).
    public func element(_ selector: String) async throws -> String {
        let answer = try await command("POST", "element", ["using": "css selector", "value": selector])
        guard let reference = (answer as? [String: Any])?.values.first as? String else { throw Failure(description: "no element \(selector)") }
        return reference
    }

    /// Clicks the element matching `selector` as a user would.
    public func click(_ selector: String) async throws {
        _ = try await command("POST", "element/\(try await element(selector))/click", [:])
    }

    /// Types `text` into the element matching `selector`.
    public func type(_ text: String, into selector: String) async throws {
        _ = try await command("POST", "element/\(try await element(selector))/value", ["text": text])
    }

    /// Drags the mouse from (`x`, `y`) (viewport pixels) through each offset in turn, each move taking
    /// `milliseconds` (the driver interpolates), then releases the button.
    public func drag(fromX x: Int, y: Int, through offsets: [(dx: Int, dy: Int)], milliseconds: Int) async throws {
        var steps: [[String: Any]] = [["type": "pointerMove", "duration": 0, "x": x, "y": y, "origin": "viewport"], ["type": "pointerDown", "button": 0]]
        for offset in offsets {
            steps.append(["type": "pointerMove", "duration": milliseconds, "x": offset.dx, "y": offset.dy, "origin": "pointer"])
        }
        steps.append(["type": "pointerUp", "button": 0])
        _ = try await command("POST", "actions", ["actions": [["type": "pointer", "id": "mouse", "parameters": ["pointerType": "mouse"], "actions": steps]]])
    }

    /// A PNG of the window.
    public func screenshot() async throws -> Data {
        guard let base64 = try await command("GET", "screenshot", nil) as? String, let data = Data(base64Encoded: base64) else {
            throw Failure(description: "no screenshot")
        }
        return data
    }

    /// Closes the browser and stops the driver.
    public func quit() async {
        _ = try? Self.send(port: port, "DELETE", "/session/\(session)", nil)
        Self.stop(process)
    }

    /// Stops the driver (and with it a browser it still holds).
    private static func stop(_ process: Process) {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    private func command(_ method: String, _ path: String, _ body: [String: Any]?) async throws -> Any {
        try Self.send(port: port, method, "/session/\(session)/\(path)", body)
    }

    /// One WebDriver request: the `value` of its answer, or the driver's error as a ``Failure``.
    private static func send(port: Int, _ method: String, _ path: String, _ body: [String: Any]?) throws -> Any {
        let (_, data) = try LoopbackHTTP.request(port: port, method: method, path: path, body: try body.map { try JSONSerialization.data(withJSONObject: $0) })
        let answer = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [String: Any]
        let value = answer?["value"] ?? NSNull()
        if let error = (value as? [String: Any])?["error"] as? String {
            throw Failure(description: "WebDriver \(method) \(path): \(error): \((value as? [String: Any])?["message"] as? String ?? "")")
        }
        return value
    }
}
