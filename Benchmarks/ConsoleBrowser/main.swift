import Foundation
import LastMileTestSupport

/// Drives the dispatcher console of a running `lastmile serve` in headless Chromium (W3C WebDriver, the test
/// suite's client): screenshots of the main views, and frame times while panning the map and selecting runs.
///
///     ConsoleBrowser URL KEY DATE screenshots FOLDER [CARRIER_KEY]
///     ConsoleBrowser URL KEY DATE frames
///
/// Used by `Benchmarks/console-screenshots.sh` and `Benchmarks/console-frames.sh`.
@main
struct ConsoleBrowser {
    static func main() async throws {
        let arguments = CommandLine.arguments.dropFirst().map { $0 }
        guard arguments.count >= 4 else {
            FileHandle.standardError.write(Data("usage: ConsoleBrowser URL KEY DATE screenshots FOLDER [CARRIER_KEY] | frames\n".utf8))
            exit(64)
        }
        let (url, key, date, mode) = (arguments[0], arguments[1], arguments[2], arguments[3])
        let browser = try await WebDriver.start(windowWidth: 1366, windowHeight: 768)
        do {
            try await signIn(browser, url: url, key: key, date: date)
            switch mode {
            case "screenshots": try await screenshots(browser, url: url, date: date, folder: arguments[4], carrierKey: arguments.count > 5 ? arguments[5] : nil)
            case "frames": try await frames(browser)
            default: throw WebDriver.Failure(description: "unknown mode \(mode)")
            }
        } catch {
            await browser.quit()
            throw error
        }
        await browser.quit()
    }

    static func signIn(_ browser: WebDriver, url: String, key: String, date: String) async throws {
        try await browser.open("about:blank")  // a new document: only the address's fragment would change otherwise
        try await browser.open("\(url)/#key=\(key)&date=\(date)")
        _ = try await browser.waitFor("the runs", "return document.body.dataset.state === 'ready'", attempts: 600)
        try await Task.sleep(for: .seconds(1))  // the road layer
    }

    static func save(_ browser: WebDriver, _ folder: String, _ name: String) async throws {
        let path = URL(fileURLWithPath: folder).appendingPathComponent(name + ".png")
        try await browser.screenshot().write(to: path)
        print("console-screenshots: \(path.path)")
    }

    static func screenshots(_ browser: WebDriver, url: String, date: String, folder: String, carrierKey: String?) async throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try await save(browser, folder, "1-overview")
        try await browser.click("#runs tbody tr:nth-child(2) button")
        try await Task.sleep(for: .milliseconds(500))
        try await save(browser, folder, "2-selected-run")
        try await browser.execute("document.querySelector('#feed-title').scrollIntoView()")
        try await save(browser, folder, "3-actions-and-feed")
        if let carrierKey {
            try await browser.execute("sessionStorage.clear()")
            try await signIn(browser, url: url, key: carrierKey, date: date)
            try await save(browser, folder, "4-carrier")
        }
    }

    /// Frame times (ms between animation frames) while a user drags the map (four drags of 1.2 s through the
    /// map; the road layer reloads when each drag ends) and while runs are selected one per frame (60 frames,
    /// each selection redrawing the map's selection, the list's marks and the timeline).
    static func frames(_ browser: WebDriver) async throws {
        try await browser.execute("""
            window.frameTimes = []; window.recording = true;
            let last = performance.now();
            const step = (t) => { window.frameTimes.push(t - last); last = t; if (window.recording) requestAnimationFrame(step); };
            requestAnimationFrame(step);
            """)
        for (dx, dy) in [(240, 120), (-300, -160), (180, -140), (-120, 180)] {
            try await browser.drag(fromX: 450, y: 340, through: [(dx / 2, dy / 2), (dx / 2, dy / 2)], milliseconds: 600)
        }
        try await Task.sleep(for: .milliseconds(800))  // the last road reload
        let pan = try await browser.execute("window.recording = false; return window.frameTimes.slice(1)")
        let result = try await browser.executeAsync("""
            const done = arguments[arguments.length - 1];
            const console = window.lastmileConsole;
            const runs = [...document.querySelectorAll('#runs tbody tr')].map((r) => r.dataset.vehicle);
            const select = [];
            let last = performance.now(), n = 0;
            function step(t) {
              select.push(t - last);
              last = t; n++;
              console.select(runs[n % runs.length]);
              if (n < 61) requestAnimationFrame(step); else done({ select: select.slice(1), runs: runs.length });
            }
            requestAnimationFrame(step);
            """)
        guard let answer = result as? [String: Any] else { throw WebDriver.Failure(description: "no frame times: \(result)") }
        print("runs shown: \(answer["runs"] ?? "?")")
        for (phase, values) in [("drag", pan), ("select", answer["select"] ?? [])] {
            let times = ((values as? [Any]) ?? []).compactMap { ($0 as? NSNumber)?.doubleValue }.sorted()
            guard !times.isEmpty else { continue }
            func quantile(_ q: Double) -> Double { times[min(times.count - 1, Int(Double(times.count) * q))] }
            let over = times.filter { $0 > 1000.0 / 60 + 1 }.count
            print(String(format: "%@: %d frames, p50 %.1f ms, p95 %.1f ms, max %.1f ms, %d over 17.7 ms", phase, times.count, quantile(0.5), quantile(0.95),
                         times.last!, over))
        }
    }
}
