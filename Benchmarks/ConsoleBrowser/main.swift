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

    /// Frame times (ms between animation frames) while the map pans 30 px a frame (120 frames, the road
    /// layer reloading as the view moves) and while runs are selected one per frame (60 frames).
    static func frames(_ browser: WebDriver) async throws {
        let result = try await browser.executeAsync("""
            const done = arguments[arguments.length - 1];
            const console = window.lastmileConsole;
            const runs = [...document.querySelectorAll('#runs tbody tr')].map((r) => r.dataset.vehicle);
            const pan = [], select = [];
            let last = performance.now(), n = 0;
            function step(t) {
              (n <= 120 ? pan : select).push(t - last);
              last = t; n++;
              if (n <= 120) console.map.panBy([n % 40 < 20 ? 30 : -30, n % 2 ? 12 : -12], { animate: false });
              else console.select(runs[(n - 121) % runs.length]);
              if (n < 181) requestAnimationFrame(step); else done({ pan: pan.slice(1), select: select.slice(1), runs: runs.length,
                stops: document.querySelectorAll('#timeline [data-order]').length });
            }
            requestAnimationFrame(step);
            """)
        guard let answer = result as? [String: Any] else { throw WebDriver.Failure(description: "no frame times: \(result)") }
        print("runs shown: \(answer["runs"] ?? "?")")
        for phase in ["pan", "select"] {
            let times = ((answer[phase] as? [Any]) ?? []).compactMap { ($0 as? NSNumber)?.doubleValue }.sorted()
            guard !times.isEmpty else { continue }
            func quantile(_ q: Double) -> Double { times[min(times.count - 1, Int(Double(times.count) * q))] }
            let over = times.filter { $0 > 1000.0 / 60 + 1 }.count
            print(String(format: "%@: %d frames, p50 %.1f ms, p95 %.1f ms, max %.1f ms, %d over 17.7 ms", phase, times.count, quantile(0.5), quantile(0.95),
                         times.last!, over))
        }
    }
}
