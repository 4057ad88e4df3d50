import Foundation
import LastMileCore
@testable import LastMileDispatch
import LastMileDomain
import LastMileModel
import LastMileSolver
import LastMileStore
import LastMileTestSupport
import Testing

/// What a dispatcher sees in a day's outputs: a map framed on the town, reasons in the day's units, run
/// sheets with waiting, departure and breaks, outputs that replace the previous plan's, distinct run colours.
@Suite(.serialized) struct PlanOutputsTests {
    static let configuration = SolverConfiguration(seed: 2, iterations: 600)

    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("lastmile-outputs-\(UUID().uuidString)")
    }

    /// The frame `map.html` embeds (`data-bbox="west,south,east,north"`).
    static func frame(of map: String) throws -> (west: Double, south: Double, east: Double, north: Double) {
        let start = try #require(map.range(of: "data-bbox=\""))
        let values = map[start.upperBound...].prefix { $0 != "\"" }.split(separator: ",").compactMap { Double($0) }
        try #require(values.count == 4)
        return (values[0], values[1], values[2], values[3])
    }

    @Test func ordersFarFromTheDepotsAreFoundWithTheirDistance() throws {
        var day = try DayPlanningTests.sampleStore(orders: 10).day(DayPlanningTests.date)
        let town = day.orders[1].coordinate
        day.orders[0].coordinate = Coordinate(latitude: town.latitude + 3.6, longitude: town.longitude)!  // 400 km north
        day.orders[1].coordinate = Coordinate(latitude: town.latitude + 0.2, longitude: town.longitude)!  // 22 km north
        let far = FarOrder.find(orders: day.orders, depots: day.depots)
        #expect(far.map(\.orderID) == [day.orders[0].id])
        #expect((395...405).contains(far[0].kilometres), "\(far[0].kilometres) km")
        // The sample town's depots lie a few km apart: the fixed 50 km radius applies.
        #expect(FarOrder.radiusKilometres(depots: day.depots) == FarOrder.minimumRadiusKilometres)
        // A depot 100 km from the others (a few km apart) widens the area to three times that.
        day.depots[0].coordinate = Coordinate(latitude: day.depots[1].coordinate.latitude + 0.9, longitude: day.depots[1].coordinate.longitude)!
        #expect((300...330).contains(FarOrder.radiusKilometres(depots: day.depots)))
    }

    /// One order 400 km away: the map still frames the town (depots and served stops) and lists the order.
    @Test func farAwayOrderDoesNotShrinkTheMap() throws {
        var day = try DayPlanningTests.sampleStore(orders: 20).day(DayPlanningTests.date)
        let town = day.orders[0].coordinate
        day.orders[0].coordinate = Coordinate(latitude: town.latitude + 3.6, longitude: town.longitude)!
        let plan = try DayPlanner(graph: DayPlanningTests.graph).plan(day, configuration: Self.configuration)
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try PlanOutputs.write(plan: plan, day: day, graph: DayPlanningTests.graph, version: 1, to: folder)
        let map = try String(contentsOf: folder.appendingPathComponent("map.html"), encoding: .utf8)
        let frame = try Self.frame(of: map)
        for depot in day.depots {
            #expect((frame.west...frame.east).contains(depot.coordinate.longitude) && (frame.south...frame.north).contains(depot.coordinate.latitude),
                    "depot \(depot.id) outside \(frame)")
        }
        #expect(!(frame.south...frame.north).contains(day.orders[0].coordinate.latitude))
        #expect(frame.north - frame.south < 0.5 && frame.east - frame.west < 0.5, "a town-sized frame: \(frame)")
        let listed = FarOrder.find(orders: day.orders, depots: day.depots)[0]
        #expect(map.contains("order \(day.orders[0].id) is \(Int(listed.kilometres.rounded())) km from the nearest depot"))
        // Listed once, however many reasons it has (far away, and unassigned as well when it is).
        let listedOrders = Set(plan.unassigned.map(\.orderID)).union([listed.orderID])
        #expect(map.contains("Not on the map or not served (\(listedOrders.count))</h3>"))
        #expect(map.components(separatedBy: "<li>order \(day.orders[0].id) ").count == 2)
        #expect(map.contains("Plan for \(day.date), version 1"))
    }

    /// An order both far away and unassigned is one line of the side panel, with both facts.
    @Test func anOrderFarAwayAndUnassignedIsListedOnce() throws {
        var day = try DayPlanningTests.sampleStore(orders: 6).day(DayPlanningTests.date)
        let town = day.orders[0].coordinate
        day.orders[0].coordinate = Coordinate(latitude: town.latitude + 3.6, longitude: town.longitude)!
        var plan = try DayPlanner(graph: DayPlanningTests.graph).plan(day, configuration: Self.configuration)
        plan.unassigned = [UnassignedOrder(orderID: day.orders[0].id, reason: "far from roads"), UnassignedOrder(orderID: day.orders[1].id, reason: "no room")]
        let far = FarOrder.find(orders: day.orders, depots: day.depots)
        try #require(far.map(\.orderID) == [day.orders[0].id])
        let items = PlanMap.unframedOrders(plan: plan, far: far)
        #expect(items == [
            "<li>order \(day.orders[0].id) is \(Int(far[0].kilometres.rounded())) km from the nearest depot (not framed); unassigned: far from roads</li>",
            "<li>order \(day.orders[1].id) unassigned: no room</li>",
        ])
        let page = PlanMap.page(plan: plan, day: day, graph: DayPlanningTests.graph, kpis: PlanKPIs(plan: plan, day: day), version: 1)
        #expect(page.contains("Not on the map or not served (2)</h3>"))
    }

    /// Reasons in clock times and kilograms, in the plan, `unassigned.csv` and the GeoJSON alike.
    @Test func unassignedReasonsSpeakTheDispatchersUnits() throws {
        var day = try DayPlanningTests.sampleStore(orders: 12).day(DayPlanningTests.date)
        day.orders[0].windowStart = TimeOfDay(hours: 3)
        day.orders[0].windowEnd = TimeOfDay(hours: 4)
        day.orders[1].load.grams = 2_000_000
        let plan = try DayPlanner(graph: DayPlanningTests.graph).plan(day, configuration: Self.configuration)
        let reasons = Dictionary(uniqueKeysWithValues: plan.unassigned.map { ($0.orderID, $0.reason) })
        let early = try #require(reasons[day.orders[0].id])
        #expect(early.hasPrefix("time window 03:00–04:00 cannot be reached (earliest arrival 07:"), "\(early)")
        #expect(reasons[day.orders[1].id] == "2,000 kg exceeds the largest vehicle (900 kg)")
        #expect(reasons.values.allSatisfy { !$0.contains("[") }, "\(reasons)")

        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try PlanOutputs.write(plan: plan, day: day, graph: DayPlanningTests.graph, version: 1, to: folder)
        let csv = try String(contentsOf: folder.appendingPathComponent("unassigned.csv"), encoding: .utf8)
        #expect(csv.contains("\(day.orders[1].id),\"2,000 kg exceeds the largest vehicle (900 kg)\"\n"))
        #expect(csv.contains("\(day.orders[0].id),time window 03:00–04:00 cannot be reached (earliest arrival 07:"))
    }

    @Test func reasonsInModelUnitsRenderInTheDaysUnits() {
        let window = UnassignedReason.windowUnreachable(
            windows: [TimeWindow(earliest: 10_800, latest: 14_400)], earliestArrival: 18_720, withPartner: false)
        #expect(window.dispatcherText(depotIDs: []) == "time window 03:00–04:00 cannot be reached (earliest arrival 05:12)")
        #expect(window.description.contains("[10800, 14400]"), "solve keeps the model's numbers")
        let heavy = UnassignedReason.demandExceedsCapacity(demand: [2_000_000, 12_800, 1], largestCapacity: [900_000, 9_000_000, 45])
        #expect(heavy.dispatcherText(depotIDs: []) == "2,000 kg exceeds the largest vehicle (900 kg)")
        let bulky = UnassignedReason.demandExceedsCapacity(demand: [1_500, 12_800, 50], largestCapacity: [900_000, 9_000, 45])
        #expect(bulky.dispatcherText(depotIDs: []) == "12.8 l exceeds the largest vehicle (9 l); 50 parcels exceeds the largest vehicle (45 parcels)")
        #expect(UnassignedReason.noVehicleAtAllowedDepot(allowed: [2, 0]).dispatcherText(depotIDs: ["HUB", "DS-1", "DS-2"])
            == "no vehicle starts at a depot that stocks its items (HUB, DS-2)")
        #expect(DispatcherUnits.thousandths(1_234_567) == "1,234.6" && DispatcherUnits.grouped(-1_000) == "-1,000")
    }

    /// Run sheets: waiting and departure per stop, breaks as rows in the CSV as on the page, date and version;
    /// the index lists every vehicle without a run with the reason.
    @Test func runSheetsShowWaitingDepartureBreaksAndUnusedVehicles() throws {
        let day = try DayPlanningTests.sampleStore(orders: 30).day(DayPlanningTests.date)
        let plan = try DayPlanner(graph: DayPlanningTests.graph).plan(day, configuration: Self.configuration)
        let run = try #require(plan.runs.first { !$0.breaks.isEmpty })
        let csv = Manifests.csv(run: run, day: day, version: 7).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = csv[0].map(String.init)
        let column = { (name: String) in header.firstIndex(of: name)! }
        let breaks = csv.dropFirst().filter { $0[column("kind")] == "break" }
        #expect(breaks.count == run.breaks.count)
        let driverBreak = run.breaks[0]
        #expect(breaks[0][column("service_start")] == "\(driverBreak.start)")
        #expect(breaks[0][column("departure")] == "\(TimeOfDay(seconds: driverBreak.start.seconds + driverBreak.minutes * 60))")
        for (row, stop) in zip(csv.dropFirst().filter { $0[column("kind")] == "stop" }, run.stops) {
            #expect(row[column("departure")] == "\(stop.departure)")
            #expect(Int(row[column("waiting_min")]) == (stop.serviceStart.seconds - stop.arrival.seconds + 30) / 60)
            #expect(row[column("date")] == "\(day.date)" && row[column("plan_version")] == "7")
        }
        let page = Manifests.page(run: run, day: day, version: 7)
        #expect(page.contains("<th>Wait (min)</th>") && page.contains("<th>Departure</th>") && page.contains("plan version 7"))
        #expect(page.components(separatedBy: "<strong>Break</strong>").count - 1 == run.breaks.count)

        let index = Manifests.index(plan: plan, day: day, version: 7)
        let used = Set(plan.runs.map(\.vehicleID))
        let unused = day.vehicles.filter { !used.contains($0.id) }
        #expect(!unused.isEmpty)
        for vehicle in unused { #expect(index.contains("<tr><td>\(vehicle.id)</td>"), "\(vehicle.id) listed as not used") }
        #expect(index.contains("not needed: the other runs serve every order") == plan.unassigned.isEmpty)
    }

    /// A 30-order day planned with at least two runs, and the same plan cut to its first run.
    static func planWithTwoRuns() throws -> (day: DispatchDay, plan: DayPlan, firstRunOnly: DayPlan) {
        let day = try DayPlanningTests.sampleStore(orders: 30).day(DayPlanningTests.date)
        let plan = try DayPlanner(graph: DayPlanningTests.graph).plan(day, configuration: configuration)
        try #require(plan.runs.count >= 2)
        var firstRunOnly = plan
        firstRunOnly.runs = [plan.runs[0]]
        return (day, plan, firstRunOnly)
    }

    /// Planning again into the same folder: the new version's outputs only; the user's files stay, even CSV and
    /// HTML files in `manifests/`.
    @Test func replanningLeavesNoStaleRunSheet() throws {
        let (day, plan, smaller) = try Self.planWithTwoRuns()
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try PlanOutputs.write(plan: plan, day: day, graph: DayPlanningTests.graph, version: 1, to: folder)
        let manifests = folder.appendingPathComponent("manifests")
        for name in ["notes.txt", "my-routes.csv", "my-summary.html"] {
            try "mine".write(to: manifests.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try "mine".write(to: folder.appendingPathComponent("README.txt"), atomically: true, encoding: .utf8)

        let written = try PlanOutputs.write(plan: smaller, day: day, graph: DayPlanningTests.graph, version: 2, to: folder)
        let sheets = try FileManager.default.contentsOfDirectory(atPath: manifests.path).sorted()
        let base = Manifests.baseName(of: plan.runs[0])
        #expect(sheets == ["\(base).csv", "\(base).html", "index.html", "my-routes.csv", "my-summary.html", "notes.txt"])
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
            == [".lastmile-outputs", "README.txt", "kpis.json", "manifests", "map.html", "plan.geojson", "unassigned.csv"])
        #expect(written.count == 5 + 2)
        #expect(try String(contentsOf: folder.appendingPathComponent(".lastmile-outputs"), encoding: .utf8) == written.map { $0 + "\n" }.joined())
        let page = try String(contentsOf: manifests.appendingPathComponent("\(base).html"), encoding: .utf8)
        #expect(page.contains("\(day.date) · plan version 2"))
        #expect(try String(contentsOf: folder.appendingPathComponent("map.html"), encoding: .utf8).contains("version 2"))
        for name in ["notes.txt", "my-routes.csv", "my-summary.html"] {
            #expect(try String(contentsOf: manifests.appendingPathComponent(name), encoding: .utf8) == "mine")
        }
    }

    /// A plan whose outputs cannot all be put in place changes nothing: the previous plan's files stay as they
    /// were and no temporary folder is left behind.
    @Test func aFailedWriteLeavesThePreviousOutputs() throws {
        let (day, plan, smaller) = try Self.planWithTwoRuns()
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try PlanOutputs.write(plan: smaller, day: day, graph: DayPlanningTests.graph, version: 1, to: folder)
        let manager = FileManager.default
        func snapshot() throws -> [String: String] {
            var files: [String: String] = [:]
            for name in try manager.subpathsOfDirectory(atPath: folder.path) {
                files[name] = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            }
            return files
        }
        // A folder where the second run's sheet would go: that file cannot be put in place.
        try manager.createDirectory(at: folder.appendingPathComponent("manifests/\(Manifests.baseName(of: plan.runs[1])).html"),
                                    withIntermediateDirectories: true)
        let before = try snapshot()
        #expect(throws: (any Error).self) { try PlanOutputs.write(plan: plan, day: day, graph: DayPlanningTests.graph, version: 2, to: folder) }
        #expect(try snapshot() == before)
        #expect(try String(contentsOf: folder.appendingPathComponent("map.html"), encoding: .utf8).contains("version 1"))
    }

    /// `kpis.json` and `plan.geojson` come from Encodable models: valid JSON with the documented keys.
    @Test func jsonOutputsKeepTheirKeys() throws {
        let day = try DayPlanningTests.sampleStore(orders: 12).day(DayPlanningTests.date)
        let plan = try DayPlanner(graph: DayPlanningTests.graph).plan(day, configuration: Self.configuration)
        let kpis = try #require(try JSONSerialization.jsonObject(with: Data(PlanKPIs(plan: plan, day: day).json().utf8)) as? [String: Any])
        #expect(kpis.keys.sorted() == [
            "break_hours", "co2_kg", "cost_cents", "cost_cents_per_carrier", "drive_hours", "kilometres", "load_utilisation_percent",
            "on_time_percent", "orders", "routes", "served", "service_hours", "shift_utilisation_percent", "unassigned", "wait_hours",
        ])
        #expect(kpis["cost_cents"] as? Int == Int(plan.totalCost.rawValue))
        let geojson = try #require(try JSONSerialization.jsonObject(with: Data(PlanGeoJSON.make(plan: plan, day: day).utf8)) as? [String: Any])
        #expect(geojson["type"] as? String == "FeatureCollection")
        let depot = try #require((geojson["features"] as? [[String: Any]])?.first)
        let point = try #require((depot["geometry"] as? [String: Any])?["coordinates"] as? [Double])
        #expect(point == [day.depots[0].coordinate.longitude, day.depots[0].coordinate.latitude])
    }

    /// Runs get distinct colours however many there are, and the map numbers stops for hovering.
    @Test func everyRunHasItsOwnColour() {
        let colours = (0..<1000).map(RouteColours.colour)
        #expect(Set(colours).count == colours.count)
        #expect(colours.allSatisfy { $0.count == 7 && $0.hasPrefix("#") && $0.dropFirst().allSatisfy(\.isHexDigit) })
    }
}
