import Foundation
import LastMileCore
import LastMileDispatch
import LastMileDomain
import LastMileGraph
import LastMileModel
import LastMileSampleTown
import LastMileSolver
@testable import LastMileStore
import LastMileTestSupport
import Testing

/// A day planned end to end on the sample town: every order once, depots that stock what they send, stock
/// never overdrawn, plans checked by the independent checker, atomic plan versions, and the outputs' structure.
@Suite(.serialized) struct DayPlanningTests {
    static let date = "2026-11-23"

    static let graph: RoadGraph = {
        try! RoadGraphBuilder.build(osmFile: SharedData.maps.appendingPathComponent("sample-town.osm.pbf"), profile: .car).graph
    }()

    static let bikeGraph: RoadGraph = {
        try! RoadGraphBuilder.build(osmFile: SharedData.maps.appendingPathComponent("sample-town.osm.pbf"), profile: .bicycle).graph
    }()

    static func sampleStore(orders: Int) throws -> Store {
        let store = try Store()
        for (kind, csv) in SampleDay.files(date: date, orderCount: orders, seed: 3) {
            _ = try store.importFile(DispatchFile(rawValue: kind)!, data: Data(csv.utf8), file: "\(kind).csv")
        }
        return store
    }

    static func configuration() -> SolverConfiguration { SolverConfiguration(seed: 2, iterations: 1500) }

    /// Served orders come from a depot that stocks them, no depot gives more of a SKU than it has, and every
    /// order is either served once or reported with a reason.
    static func expectSound(_ plan: DayPlan, _ day: DispatchDay) {
        let orders = Dictionary(uniqueKeysWithValues: day.orders.map { ($0.id, $0) })
        let depots = Dictionary(uniqueKeysWithValues: day.depots.map { ($0.id, $0) })
        let served = plan.runs.flatMap { $0.stops.map(\.orderID) }
        #expect((served + plan.unassigned.map(\.orderID)).sorted() == day.orders.map(\.id).sorted())
        var taken: [String: Int] = [:]
        for run in plan.runs {
            for stop in run.stops {
                let order = orders[stop.orderID]!
                #expect(depots[run.depotID]!.stocks(order.items), "order \(order.id) from \(run.depotID)")
                for item in order.items { taken["\(run.depotID) \(item.sku)", default: 0] += item.quantity }
                #expect(order.windowStart <= stop.serviceStart && stop.serviceStart <= order.windowEnd)
            }
        }
        for (key, quantity) in taken {
            let parts = key.split(separator: " ").map(String.init)
            #expect(quantity <= depots[parts[0]]!.stock[parts[1]] ?? 0, "\(key): \(quantity) taken")
        }
        #expect(plan.unassigned.allSatisfy { !$0.reason.isEmpty })
    }

    /// The element skeleton of an HTML page: each tag with its class, and how often it occurs, in first-seen order.
    static func structure(of page: String) -> String {
        var counts: [String: Int] = [:]
        var order: [String] = []
        var rest = page[...]
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            guard let first = rest.first, first.isLetter else { continue }
            let tag = String(rest.prefix { $0.isLetter || $0.isNumber })
            let end = rest.firstIndex(of: ">") ?? rest.endIndex
            let attributes = rest[..<end]
            var key = tag
            if let range = attributes.range(of: "class=\"") {
                key += "." + attributes[range.upperBound...].prefix { $0 != "\"" }
            }
            if counts[key] == nil { order.append(key) }
            counts[key, default: 0] += 1
        }
        return order.map { "\($0) \(counts[$0]!)" }.joined(separator: "\n") + "\n"
    }

    @Test func sampleDayIsPlannedSoundlyAndWrittenOut() throws {
        let store = try Self.sampleStore(orders: 80)
        let day = try store.day(Self.date)
        #expect(day.orders.count == 80 && day.depots.count == 5 && day.vehicles.count == 20)
        let plan = try DayPlanner(graph: Self.graph, bikeGraph: Self.bikeGraph).plan(day, configuration: Self.configuration())
        #expect(plan.checked)
        #expect(plan.unassigned.isEmpty, "\(plan.unassigned)")
        Self.expectSound(plan, day)
        // Runs go along the roads and their figures add up.
        for run in plan.runs {
            #expect(run.geometry.count >= 2 && run.departure >= run.loadingStart && run.end > run.departure)
            #expect(run.stops.reduce(0) { $0 + $1.metresFromPrevious } <= run.metres)
            #expect(run.breaks.count == 1, "every shift has a 30-minute break")
        }

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lastmile-day-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try PlanOutputs.write(plan: plan, day: day, graph: Self.graph, version: 1, to: folder)
        #expect(files.count == 5 + 2 * plan.runs.count)
        // GeoJSON: valid, one feature per depot, run, stop and unassigned order; the structure is golden.
        let geojson = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("plan.geojson"))) as? [String: Any])
        let features = try #require(geojson["features"] as? [[String: Any]])
        let kinds = features.map { ($0["properties"] as? [String: Any])?["kind"] as? String ?? "?" }
        #expect(kinds.filter { $0 == "depot" }.count == 5 && kinds.filter { $0 == "route" }.count == plan.runs.count)
        #expect(kinds.filter { $0 == "stop" }.count == 80)
        var structure = Set<String>()
        for feature in features {
            let properties = (feature["properties"] as? [String: Any]) ?? [:]
            let geometry = (feature["geometry"] as? [String: Any])?["type"] as? String ?? "?"
            structure.insert("\(properties["kind"] ?? "?") \(geometry): \(properties.keys.sorted().joined(separator: ", "))")
        }
        try Golden.assertMatches(structure.sorted().joined(separator: "\n") + "\n", file: "dispatch/plan.geojson.structure.txt")
        // HTML map: self-contained SVG with the roads, one group per run, the depots; no external resources.
        let map = try String(contentsOf: folder.appendingPathComponent("map.html"), encoding: .utf8)
        #expect(map.contains("<svg") && map.contains(#"<path class="roads""#))
        #expect(map.components(separatedBy: #"<g class="run">"#).count - 1 == plan.runs.count)
        #expect(map.components(separatedBy: #"<g class="depot">"#).count - 1 == 5)
        #expect(!map.contains("http://") || map.components(separatedBy: "http://").count - 1 == 1, "only the SVG namespace")
        #expect(!map.contains("https://") && !map.contains("<script src"))
        try Golden.assertMatches(Self.structure(of: map), file: "dispatch/map.structure.txt")
        // The manifests' index page in full (the plan is deterministic for a seed and an iteration count).
        try Golden.assertMatches(try String(contentsOf: folder.appendingPathComponent("manifests/index.html"), encoding: .utf8),
                                 file: "dispatch/manifests-index.html")
        // Manifests: the CSV header is golden; one row per stop and per break.
        let first = plan.runs[0]
        let manifest = try String(contentsOf: folder.appendingPathComponent("manifests/\(Manifests.baseName(of: first)).csv"), encoding: .utf8)
        let lines = manifest.split(separator: "\n")
        try Golden.assertMatches(String(lines[0]) + "\n", file: "dispatch/manifest.header.csv")
        #expect(lines.count == first.stops.count + first.breaks.count + 1)
        let page = try String(contentsOf: folder.appendingPathComponent("manifests/\(Manifests.baseName(of: first)).html"), encoding: .utf8)
        #expect(page.contains("Run sheet: \(first.vehicleID)") && page.contains("<strong>Break</strong>"))
        let kpis = PlanKPIs(plan: plan, day: day)
        #expect(kpis.onTimePercent == 100 && kpis.served == 80 && kpis.cost == plan.totalCost)
    }

    /// Cargo bikes ride the bicycle network at its speeds (at most 20 km/h), or the car roads at 55 % of car
    /// speed when no bicycle network is given; either way the plan passes the checker.
    @Test func cargoBikesRideTheirOwnNetwork() throws {
        var day = try Self.sampleStore(orders: 30).day(Self.date)
        day.vehicles.removeAll { !$0.typeID.hasPrefix("bike") }
        for network in [Self.bikeGraph, nil] as [RoadGraph?] {
            let plan = try DayPlanner(graph: Self.graph, bikeGraph: network).plan(day, configuration: SolverConfiguration(seed: 4, iterations: 800))
            #expect(plan.checked && !plan.runs.isEmpty)
            Self.expectSound(plan, day)
            let metres = plan.runs.reduce(0) { $0 + $1.metres }, seconds = plan.runs.reduce(0) { $0 + $1.driveSeconds }
            #expect(Double(metres) / Double(seconds) <= 20 / 3.6 + 0.01, "\(network == nil ? "car roads" : "bike network"): \(metres) m in \(seconds) s")
        }
    }

    /// A depot with little stock of a SKU that every order needs: the planner keeps within it, planning again
    /// without that depot for the orders that would overdraw it.
    @Test func depotStockIsNeverOverdrawn() throws {
        var day = try Self.sampleStore(orders: 24).day(Self.date)
        for k in day.orders.indices { day.orders[k].items = [OrderItem(sku: "GROC-01", quantity: 1)] }
        for d in day.depots.indices { day.depots[d].stock = ["GROC-01": day.depots[d].kind == .darkStore ? 2 : 500] }
        let plan = try DayPlanner(graph: Self.graph).plan(day, configuration: SolverConfiguration(seed: 2, iterations: 600))
        #expect(plan.checked)
        Self.expectSound(plan, day)
        let fromDarkStores = plan.runs.filter { $0.depotID.hasPrefix("DS-") }.reduce(0) { $0 + $1.stops.count }
        #expect(fromDarkStores <= 6)
        // An order no depot can fill, and a vehicle whose shift is outside its depot's hours, are reported.
        day.orders[0].items = [OrderItem(sku: "CAVIAR", quantity: 1)]
        day.vehicles[0].shiftStart = TimeOfDay(hours: 23, minutes: 15)
        day.vehicles[0].shiftEnd = TimeOfDay(hours: 23, minutes: 45)
        let second = try DayPlanner(graph: Self.graph).plan(day, configuration: SolverConfiguration(seed: 2, iterations: 600))
        #expect(second.unassigned.first { $0.orderID == day.orders[0].id }?.reason.contains("no depot has all its items in stock") == true)
        #expect(second.unusableVehicles.map(\.vehicleID) == [day.vehicles[0].id])
        #expect(second.unusableVehicles.first?.reason.contains("outside the opening hours") == true)
    }

    /// A plan version lands whole or not at all: a failure mid-commit leaves the previous version active with
    /// its reservations; a committed version replaces the previous one and releases its stock.
    @Test func planVersionsAreAtomic() throws {
        let store = try Self.sampleStore(orders: 30)
        let day = try store.day(Self.date)
        let plan = try DayPlanner(graph: Self.graph).plan(day, configuration: Self.configuration())
        let first = try store.commit(plan)
        #expect(first.version == 1 && first.status == "active" && first.stops == plan.runs.reduce(0) { $0 + $1.stops.count })
        let reservedElsewhere = try store.day("2026-11-24").depots
        #expect(zip(reservedElsewhere, day.depots).contains { $0.stock != $1.stock }, "version 1 reserves stock for other days")

        struct Crash: Error {}
        #expect(throws: Crash.self) { try store.commit(plan) { _ in throw Crash() } }
        var versions = try store.planVersions(date: Self.date)
        #expect(versions.map(\.version) == [1] && versions[0].status == "active")
        #expect(try store.day("2026-11-24").depots.map(\.stock) == reservedElsewhere.map(\.stock))

        var greedy = plan
        greedy.reservations.append(StockReservation(depotID: "DS-SOUTH", sku: "GROC-01", quantity: 1_000_000))
        #expect { try store.commit(greedy) } throws: { "\($0)".contains("DS-SOUTH would have") }
        #expect(try store.planVersions(date: Self.date).map(\.status) == ["active"])

        let second = try store.commit(plan)
        versions = try store.planVersions(date: Self.date)
        #expect(second.version == 2 && versions.map(\.status) == ["replaced", "active"])
        #expect(try store.day("2026-11-24").depots.map(\.stock) == reservedElsewhere.map(\.stock), "version 1's stock released, version 2's held")
        #expect(try store.events().filter { $0.kind == "plan" }.count == 2)
        // Stored versions do not change: routes, stops and costs are guarded by triggers; status only retires.
        #expect { try store.execute("UPDATE stop SET arrival = 0") } throws: { "\($0)".contains("immutable") }
        #expect { try store.execute("UPDATE plan SET cost_cents = 1") } throws: { "\($0)".contains("immutable") }
        #expect { try store.execute("UPDATE plan SET status = 'active' WHERE version = 1") } throws: { "\($0)".contains("cannot become active") }
        #expect { try store.execute("UPDATE route SET metres = 0") } throws: { "\($0)".contains("immutable") }
    }
}
