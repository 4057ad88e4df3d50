import Foundation
import Hummingbird
import HummingbirdTesting
import LastMileSampleTown
import LastMileServer
import LastMileService
import LastMileStore
import LastMileTestSupport
import Logging
import Testing

/// The dispatcher console in a real browser: Debian's headless Chromium driven through `chromedriver`
/// (W3C WebDriver) against the application on a free loopback port. Missing Chromium fails these tests.
///
/// Reading tests use the shared fixture's day; the live-event test uses a small day of its own (the shared
/// day's live state stays at revision 0 for the other suites).
@Suite(.serialized) struct ConsoleBrowserTests {
    let fixture = ServerFixture.shared

    /// Signs in on the page with `token` for `date` and waits until the runs are shown.
    func signIn(_ browser: WebDriver, port: Int, token: String, date: String) async throws {
        try await browser.open("http://127.0.0.1:\(port)/")
        try await browser.type(token, into: "#key")
        try await browser.execute("document.querySelector('#date').value = arguments[0]", [date])
        try await browser.click("#sign-in button")
        _ = try await browser.waitFor("the runs", "return document.body.dataset.state === 'ready'")
    }

    /// Runs `body` with a fresh headless browser, closed afterwards (before the server stops: its live
    /// streams end when the page has gone).
    func withBrowser(_ body: (WebDriver) async throws -> Void) async throws {
        let browser = try await WebDriver.start()
        do {
            try await body(browser)
        } catch {
            await browser.quit()
            throw error
        }
        await browser.quit()
    }

    func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any], "\(String(buffer: response.body))")
    }

    /// The vehicles the page lists, in order.
    func listedVehicles(_ browser: WebDriver) async throws -> [String] {
        try await browser.execute("return [...document.querySelectorAll('#runs tbody tr')].map(r => r.dataset.vehicle)") as? [String] ?? []
    }

    @Test func aDispatcherSeesItsDepotsRunsAndSelectsOne() async throws {
        try await fixture.application().test(.live) { client in
            try await withBrowser { browser in
                let port = try #require(client.port)
                let expected = try await client.execute(uri: "/v1/plans/\(ServerFixture.date)/runs", method: .get, headers: fixture.headers("dispatcher")) {
                    ((try json($0))["runs"] as? [[String: Any]] ?? []).compactMap { $0["vehicle"] as? String }
                }
                #expect(!expected.isEmpty)
                try await signIn(browser, port: port, token: fixture.tokens["dispatcher"]!, date: ServerFixture.date)
                #expect(try await listedVehicles(browser) == expected)
                #expect(try await browser.execute("return document.querySelector('#role').textContent") as? String == "dispatcher MFC-WEST · \(ServerFixture.date)")

                let vehicle = expected[expected.count / 2]
                try await browser.click("#runs tr[data-vehicle='\(vehicle)'] button")
                let shown = try await browser.waitFor("the timeline of \(vehicle)", "return document.querySelector('#timeline-run')?.dataset.vehicle")
                #expect(shown as? String == vehicle)
                #expect(try await browser.execute("return document.querySelector('#runs tr.selected')?.dataset.vehicle") as? String == vehicle)
                #expect(try await browser.execute("return document.querySelector('#runs tr.selected button').getAttribute('aria-pressed')") as? String == "true")
                let rows = try await browser.execute("return document.querySelectorAll('#timeline [data-order]').length") as? Int ?? 0
                #expect(rows > 0)
                // The map follows: the run's stops are numbered.
                #expect(try await browser.execute("return document.querySelectorAll('.stop-number').length") as? Int == rows)
                // Roads (the loaded graph's), runs with their stops, the selection, and depots with vehicles: one
                // canvas each (a Porto day stays smooth: selecting a run redraws only the selection's canvas).
                _ = try await browser.waitFor("the four canvases", "return document.querySelectorAll('#map canvas').length === 4")
                // The actions a dispatcher has: mark the next stop, move a stop.
                #expect(try await browser.execute("return document.querySelector('#timeline button') !== null") as? Bool == true)
                #expect(try await browser.execute("return document.querySelector('#move-form').hidden") as? Bool == false)
            }
        }
    }

    @Test func aCarrierSeesOnlyItsRunsAndIsRefusedWhatItMayNotDo() async throws {
        try await fixture.application().test(.live) { client in
            try await withBrowser { browser in
                let port = try #require(client.port)
                let expected = try await client.execute(uri: "/v1/plans/\(ServerFixture.date)/runs", method: .get, headers: fixture.headers("velo")) {
                    ((try json($0))["runs"] as? [[String: Any]] ?? []).compactMap { $0["vehicle"] as? String }
                }
                try await signIn(browser, port: port, token: fixture.tokens["velo"]!, date: ServerFixture.date)
                let listed = try await listedVehicles(browser)
                #expect(listed == expected && !listed.isEmpty)
                #expect(listed.allSatisfy { $0.hasPrefix("BIKE-") }, "velo rides bikes: \(listed)")
                // No actions on the page for a carrier…
                try await browser.click("#runs tbody tr button")
                _ = try await browser.waitFor("the timeline", "return document.querySelector('#timeline-run')?.dataset.vehicle")
                #expect(try await browser.execute("return document.querySelectorAll('#timeline button').length") as? Int == 0)
                #expect(try await browser.execute("return document.querySelector('#move-form').hidden && document.querySelector('#plan-form').hidden") as? Bool == true)
                // …and the server refuses them when the page's key asks anyway (a tampered page).
                let status = try await browser.waitFor("the refusal", """
                    if (!window.refusal) {
                      window.refusal = 'pending';
                      fetch('/v1/live/\(ServerFixture.date)/events', {method: 'POST', headers: {Authorization: 'Bearer ' + sessionStorage.getItem('lastmile-key')},
                        body: JSON.stringify({key: 'carrier-try', at: '08:00', type: 'delay', vehicle: '\(listed[0])', minutes: 5})})
                        .then(r => { window.refusal = r.status; });
                    }
                    return window.refusal === 'pending' ? null : window.refusal;
                    """)
                #expect(status as? Int == 403)
            }
        }
    }

    @Test func anEventPostedThroughTheAPIMovesTheETAOnThePage() async throws {
        let day = ConsoleDay.shared
        try await day.application().test(.live) { client in
            try await withBrowser { browser in
                let port = try #require(client.port)
                let before = try await client.execute(uri: "/v1/plans/\(ConsoleDay.date)/runs", method: .get, headers: day.headers) { try json($0) }
                let runs = try #require(before["runs"] as? [[String: Any]])
                let run = try #require(runs.first { ($0["stops"] as? [[String: Any]])?.isEmpty == false })
                let vehicle = try #require(run["vehicle"] as? String)
                let stop = try #require((run["stops"] as? [[String: Any]])?.first)
                let order = try #require(stop["order"] as? String)
                let eta = try #require(stop["arrival"] as? String)

                try await signIn(browser, port: port, token: day.token, date: ConsoleDay.date)
                try await browser.click("#runs tr[data-vehicle='\(vehicle)'] button")
                let etaSelector = "#timeline [data-order='\(order)'] .eta"
                let shown = try await browser.waitFor("the ETA of \(order)", "return document.querySelector(\"\(etaSelector)\")?.textContent")
                #expect(shown as? String == String(eta.prefix(5)))

                let event = #"{"key": "console-delay-1", "at": "\#(before["clock"] as? String ?? "00:00:00")", "type": "delay", "vehicle": "\#(vehicle)", "minutes": 40}"#
                try await client.execute(uri: "/v1/live/\(ConsoleDay.date)/events", method: .post, headers: day.headers, body: ByteBuffer(string: event)) {
                    #expect($0.status == .created, "\(String(buffer: $0.body))")
                }
                // The page hears it on its live stream and shows the new ETA, as the API has it.
                _ = try await browser.waitFor("revision 1 on the page", "return document.body.dataset.revision === '1'")
                // The delay may move the order to another run (the re-optimiser's choice): it is still planned, and
                // the page shows it where the API has it, at the API's new ETA.
                let after = try await client.execute(uri: "/v1/plans/\(ConsoleDay.date)/runs", method: .get, headers: day.headers) { try json($0) }
                let holder = (after["runs"] as? [[String: Any]] ?? []).compactMap { run -> (vehicle: String, eta: String)? in
                    guard let stop = (run["stops"] as? [[String: Any]])?.first(where: { $0["order"] as? String == order }),
                          let vehicle = run["vehicle"] as? String, let arrival = stop["arrival"] as? String else { return nil }
                    return (vehicle, arrival)
                }.first
                let moved = try #require(holder, "\(order) is in no run after the delay")
                #expect(moved.vehicle != vehicle || moved.eta != eta)
                if moved.vehicle != vehicle {
                    try await browser.click("#runs tr[data-vehicle='\(moved.vehicle)'] button")
                }
                let page = try await browser.waitFor("the new ETA", "const e = document.querySelector(\"\(etaSelector)\"); return e && e.textContent === '\(moved.eta.prefix(5))' ? e.textContent : null")
                #expect(page as? String == String(moved.eta.prefix(5)))
                let feed = try await browser.execute("return document.querySelector('#feed li[data-type=event]')?.textContent") as? String
                #expect(feed?.contains("delay") == true && feed?.contains(vehicle) == true, "\(feed ?? "no feed entry")")
            }
        }
    }
}

extension ConsoleBrowserTests {
    @Test func aSimulatedDayPlaysBackOnTheMap() async throws {
        let day = ConsoleDay.shared
        let conditions = try RoadConditions.load(day: ConsoleDay.date, trafficFile: nil, closuresFile: nil)
        let report = try day.service.simulate(date: ConsoleDay.date, roads: day.networks, conditions: conditions, noise: .none)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lastmile-simulation-\(UUID().uuidString).json")
        try day.service.writeSimulation([report], to: file.path)
        // The vehicles' markers as the map holds them (they are drawn on a canvas).
        let positions = """
            const found = [];
            window.lastmileConsole.map.eachLayer((layer) => {
              if (layer.options.renderer && layer.options.renderer.options.pane === 'vehicles' && layer.options.radius === 7) {
                const p = layer.getLatLng(); found.push(p.lat.toFixed(6) + ',' + p.lng.toFixed(6));
              }
            });
            return found.join(';');
            """
        try await day.application().test(.live) { client in
            try await withBrowser { browser in
                try await signIn(browser, port: try #require(client.port), token: day.token, date: ConsoleDay.date)
                try await browser.type(file.path, into: "#playback-file")
                let start = try await browser.waitFor("the simulation", "return document.querySelector('#playback-clock').value")
                #expect((start as? String)?.hasPrefix("static ") == true, "\(start)")
                let before = try await browser.execute(positions) as? String
                try await browser.execute("document.querySelector('#playback-speed').value = '1200'")
                try await browser.click("#playback-toggle")
                let moved = try await browser.waitFor("vehicles on the move", "const now = (() => { \(positions) })(); return now !== arguments[0] && now !== '' ? now : null"
                    .replacingOccurrences(of: "arguments[0]", with: "'\(before ?? "")'"))
                #expect((moved as? String)?.split(separator: ";").count == report.runs.count)
                _ = try await browser.waitFor("the clock to run", "return document.querySelector('#playback-clock').value !== arguments[0]"
                    .replacingOccurrences(of: "arguments[0]", with: "'\(start as? String ?? "")'"))
                #expect(try await browser.execute("return document.querySelector('#playback-toggle').textContent") as? String == "Pause")
            }
        }
    }
}

/// A small planned day of its own (40 orders, 400 iterations, seed 5) with an admin key and a dispatcher key of
/// MFC-WEST, for tests that change its live state or its plan: ``shared`` for the browser, ``forMoves`` for
/// moving stops.
struct ConsoleDay: Sendable {
    static let date = "2026-11-24"
    static let shared = make()
    static let forMoves = make()

    private static func make() -> ConsoleDay {
        do { return try ConsoleDay() } catch { preconditionFailure("the console's day cannot be built: \(error)") }
    }

    let service: LastMileService
    let roads: LoadedRoads
    let networks: RoadNetworks
    let token: String
    let dispatcherToken: String
    var headers: HTTPFields { Self.headers(token) }

    static func headers(_ token: String) -> HTTPFields {
        var headers = HTTPFields()
        headers[.authorization] = "Bearer " + token
        return headers
    }

    private init() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lastmile-console-\(UUID().uuidString)")
        let demo = DemoDay(folder: folder.path, date: Self.date, orderCount: 40, map: nil, area: .sampleTown,
                           settings: PlanningSettings(seed: 5, timeLimit: 60, iterations: 400, threads: 1))
        _ = try demo.run()
        service = try LastMileService.build(.init(databasePath: demo.databasePath, createsDatabase: false))
        networks = try RoadNetworks.sampleTown()
        roads = LoadedRoads(queries: try RoadQueries(graph: networks.car))
        token = try service.createAPIKey(role: .admin).token
        dispatcherToken = try service.createAPIKey(role: .dispatcher(depotID: "MFC-WEST")).token
    }

    func application() -> some ApplicationProtocol {
        var logger = Logger(label: "lastmile.console.tests")
        logger.logLevel = .warning
        let settings = ServerSettings(port: 0, databasePath: service.store.path, roads: roads, networks: networks, maxBodyBytes: 1 << 20)
        return Application(router: LastMileApplication.router(settings, service: service), logger: logger)
    }
}
