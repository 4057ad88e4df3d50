import Foundation
import LastMileCore
import LastMileDispatch
import LastMileDomain
import LastMileTestSupport
import Testing

/// The cost and emissions report of a hand-made stored plan: figures by hand, the tables (golden), the HTML
/// page's structure (golden: its tags, ids and classes without the text), CO₂e shares, and a carrier's view.
@Suite struct PlanReportTests {
    /// Two depots, a diesel van of `city` (per-hour card with overtime after 1 h) and a cargo bike of `velo`
    /// (bands, no card line for time), three orders.
    static func day() -> DispatchDay {
        let empty = Load(grams: 0, millilitres: 0, parcels: 0)
        func order(_ id: String, _ lat: Double, _ lon: Double, grams: Int64, from: Int, to: Int) -> Order {
            Order(id: id, date: "2026-11-23", customer: id, coordinate: Coordinate(latitude: lat, longitude: lon)!, items: [OrderItem(sku: "x", quantity: 1)],
                  load: Load(grams: grams, millilitres: 1000, parcels: 1), windowStart: TimeOfDay(hours: from), windowEnd: TimeOfDay(hours: to),
                  serviceSeconds: 300, priority: 0)
        }
        var van = VehicleType(id: "van", name: "Van", mode: .car, capacity: empty, fixedCost: .zero, centsPerKilometre: 30, centsPerHour: 2000,
                              co2GramsPerKilometre: 190, speedFactor: 1)
        van.energy = .diesel
        van.consumptionMilliUnitsPerKilometre = 100
        var bike = VehicleType(id: "bike", name: "Bike", mode: .bike, capacity: empty, fixedCost: .zero, centsPerKilometre: 0, centsPerHour: 1500,
                               co2GramsPerKilometre: 0, speedFactor: 1)
        bike.energy = .human
        func band(_ from: Int64, _ to: Int64, _ cents: Int64) -> RateCardItem {
            RateCardItem(carrierID: "velo", vehicleTypeID: nil, kind: .distanceBand, price: Cents(cents), fromMetres: from, toMetres: to)
        }
        return DispatchDay(
            date: "2026-11-23",
            depots: [DepotSite(id: "A", name: "A", kind: .microFulfillmentCenter, coordinate: Coordinate(latitude: 41.15, longitude: -8.61)!,
                               opens: TimeOfDay(hours: 7), closes: TimeOfDay(hours: 22), loadingSeconds: 600, stock: [:]),
                     DepotSite(id: "B", name: "B", kind: .darkStore, coordinate: Coordinate(latitude: 41.16, longitude: -8.62)!,
                               opens: TimeOfDay(hours: 7), closes: TimeOfDay(hours: 22), loadingSeconds: 0, stock: [:])],
            vehicleTypes: [bike, van],
            vehicles: [FleetVehicle(id: "VAN-1", typeID: "van", depotID: "A", carrierID: "city", driver: "d1", shiftStart: TimeOfDay(hours: 8), shiftEnd: TimeOfDay(hours: 16)),
                       FleetVehicle(id: "BIKE-1", typeID: "bike", depotID: "B", carrierID: "velo", driver: "d2", shiftStart: TimeOfDay(hours: 8), shiftEnd: TimeOfDay(hours: 16))],
            carriers: [Carrier(id: "city", name: "City"), Carrier(id: "velo", name: "Velo")],
            orders: [order("O1", 41.16, -8.61, grams: 2000, from: 8, to: 10), order("O2", 41.17, -8.61, grams: 6000, from: 9, to: 11),
                     order("O3", 41.165, -8.62, grams: 1000, from: 8, to: 12)],
            rateCardItems: [
                RateCardItem(carrierID: "city", vehicleTypeID: nil, kind: .perHour, price: Cents(2400)),
                RateCardItem(carrierID: "city", vehicleTypeID: nil, kind: .overtimePerHour, price: Cents(3600), afterSeconds: 3600),
                RateCardItem(carrierID: "city", vehicleTypeID: "van", kind: .perKilometre, price: Cents(30)),
                RateCardItem(carrierID: "city", vehicleTypeID: nil, kind: .perStop, price: Cents(50)),
                band(0, 1000, 100), band(1000, 5000, 200),
                RateCardItem(carrierID: "velo", vehicleTypeID: nil, kind: .minimumPerDay, price: Cents(1000)),
            ])
    }

    /// VAN-1 leaves 08:30 after 10 min loading, waits 15 min at O2 and returns 10:00 (1 h 40 min paid);
    /// BIKE-1 serves O3 and returns 09:00.
    static func plan() -> StoredPlan {
        func stop(_ id: String, _ arrival: (Int, Int), _ start: (Int, Int)) -> DayPlan.Stop {
            let begin = TimeOfDay(hours: start.0, minutes: start.1)
            return DayPlan.Stop(orderID: id, arrival: TimeOfDay(hours: arrival.0, minutes: arrival.1), serviceStart: begin,
                                departure: TimeOfDay(seconds: begin.seconds + 300), metresFromPrevious: 0)
        }
        return StoredPlan(
            version: PlanVersion(id: 1, date: "2026-11-23", version: 1, status: "active", cost: Cents(0), routes: 2, stops: 3, unassigned: 0),
            seed: 1, checked: true,
            runs: [StoredPlan.Run(vehicleID: "BIKE-1", driver: "d2", depotID: "B", endDepotID: "B", departure: TimeOfDay(hours: 8),
                                  end: TimeOfDay(hours: 9), metres: 3000, cost: Cents(0), stops: [stop("O3", (8, 20), (8, 20))], breaks: [],
                                  driveSeconds: 1200),
                   StoredPlan.Run(vehicleID: "VAN-1", driver: "d1", depotID: "A", endDepotID: "A", departure: TimeOfDay(hours: 8, minutes: 30),
                                  end: TimeOfDay(hours: 10), metres: 12_000, cost: Cents(0),
                                  stops: [stop("O1", (8, 45), (8, 45)), stop("O2", (8, 45 + 5 + 10), (9, 15))], breaks: [], driveSeconds: 3000)],
            unassigned: [])
    }

    @Test func figuresByHand() {
        let report = PlanReport(plan: Self.plan(), day: Self.day())
        let van = report.runs.first { $0.vehicleID == "VAN-1" }!
        #expect(van.paidSeconds == 6000)  // 08:20 to 10:00
        #expect(van.serviceSeconds == 600 && van.driveSeconds == 3000 && van.waitSeconds == 5400 - 3000 - 600)
        #expect(van.overtimeSeconds == 2400)
        #expect(van.charge.time == Cents(2400) && van.charge.overtime == Cents(2400))  // 1 h at 24.00, 40 min at 36.00
        #expect(van.charge.distance == Cents(360) && van.charge.stops == Cents(100))
        #expect(van.co2eGrams == 12 * 100 * 3128 / 1000)  // 1.2 l of diesel
        #expect(van.onTimeStops == 2)
        let bike = report.runs.first { $0.vehicleID == "BIKE-1" }!
        #expect(bike.charge.bands == Cents(100))  // O3 is 556 m from B: the first band
        #expect(bike.co2eGrams == 0)
        #expect(report.dayMinimumTopUps.map(\.amount) == [Cents(900)])
        #expect(report.totalCost == Cents(2400 + 2400 + 360 + 100 + 100 + 900))
        // Per-order CO₂e adds up to the run and follows weight × distance: O2 is heavier and farther than O1.
        let shares = Dictionary(uniqueKeysWithValues: report.orders.map { ($0.orderID, $0) })
        #expect(shares["O1"]!.co2eGrams + shares["O2"]!.co2eGrams == van.co2eGrams)
        #expect(shares["O2"]!.co2eGrams > 3 * shares["O1"]!.co2eGrams)
        #expect(report.orders.reduce(0) { $0 + $1.cost.rawValue } == report.total.charge.total.rawValue)
    }

    @Test func carrierSeesOnlyItsOwnFigures() {
        let day = Self.day()
        let report = PlanReport(plan: Self.plan(), day: day).restricted(to: "velo")
        #expect(report.runs.map(\.vehicleID) == ["BIKE-1"])
        #expect(report.byCarrier.map(\.vehicleID) == ["velo"])
        #expect(report.orders.map(\.orderID) == ["O3"])
        #expect(!report.html.contains("VAN-1") && !report.csv.contains("city") && !(try! report.json()).contains("O1"))
    }

    @Test func tablesMatchTheGoldenFiles() throws {
        let report = PlanReport(plan: Self.plan(), day: Self.day())
        try Golden.assertMatches(report.terminalTable, file: "cost/report.txt")
        try Golden.assertMatches(report.csv, file: "cost/report.csv")
        try Golden.assertMatches(try report.json(), file: "cost/report.json")
    }

    /// The page's skeleton: every tag with its id and class, in order, one per line (text and numbers left out).
    @Test func htmlStructureMatchesTheGoldenFile() throws {
        let html = PlanReport(plan: Self.plan(), day: Self.day()).html
        let tag = try Regex(#"<(/?[a-z0-9]+)((?:\s+(?:id|class)="[^"]*")?)[^>]*>"#)
        var skeleton: [String] = []
        for match in html.matches(of: tag) {
            let name = match.output[1].substring.map(String.init) ?? ""
            let attribute = match.output[2].substring.map(String.init) ?? ""
            if skeleton.last != name + attribute || !["rect", "/rect", "title", "/title"].contains(name) { skeleton.append(name + attribute) }
        }
        try Golden.assertMatches(skeleton.joined(separator: "\n") + "\n", file: "cost/report-structure.txt")
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("href="), "self-contained")
        #expect(html.components(separatedBy: "<svg").count - 1 == 4)
    }
}

/// The days a carrier comparison plans: every slot under one carrier, renamed where it changes hands; fuel and
/// volume sensitivities; the mixed assignment.
@Suite struct CarrierScenarioTests {
    @Test func slotsChangeHandsAndAreRenamed() throws {
        let day = PlanReportTests.day()
        let velo = try #require(day.underCarrier("velo"))
        #expect(velo.vehicles.map(\.id) == ["VAN-1 as velo bike", "BIKE-1"])
        #expect(velo.vehicles.map(\.carrierID) == ["velo", "velo"] && velo.vehicles.map(\.depotID) == ["A", "B"])
        #expect(velo.vehicles[0].driver == "velo driver for VAN-1" && velo.vehicles[1].driver == "d2")
        // City with a second car type: its own e-van stays an e-van, the bike's slot gets its commonest car type.
        var twoTypes = day
        var evan = day.vehicleTypes[1]
        evan.id = "evan"
        twoTypes.vehicleTypes.append(evan)
        twoTypes.vehicles.append(FleetVehicle(id: "EVAN-1", typeID: "evan", depotID: "A", carrierID: "city", driver: "d3",
                                              shiftStart: TimeOfDay(hours: 8), shiftEnd: TimeOfDay(hours: 16)))
        let city = try #require(twoTypes.underCarrier("city"))
        #expect(city.vehicles.map(\.id) == ["VAN-1", "BIKE-1 as city van", "EVAN-1"] && city.vehicles[2].typeID == "evan")
        let mixed = day.mixed(cheapestCarrierOfDepot: ["B": "city"])
        #expect(mixed.vehicles.map(\.id) == ["VAN-1", "BIKE-1 as city van"])
        let more = day.withVolumeRaised(percent: 50)
        #expect(more.orders.map(\.id) == ["O1", "O2", "O3", "O2+"])
    }
}
