import Foundation
import LastMileCore
@testable import LastMileDispatch
import LastMileDomain
import LastMileModel
import LastMileSolver
import LastMileStore
import LastMileSampleTown
import LastMileTestSupport
import Testing

/// Rate cards: the charge arithmetic against hand-computed values (minimums, bands, overtime boundaries,
/// surcharges), the file's row-level errors, all-or-nothing storage, and the card in the solver's units.
@Suite struct RateCardTests {
    static func card(_ lines: [RateCardItem]) -> RateCard { RateCard(carrierID: "c", vehicleTypeID: "van", items: lines)! }

    static func line(_ kind: RateCardItem.Kind, _ cents: Int64 = 0, type: String? = nil) -> RateCardItem {
        RateCardItem(carrierID: "c", vehicleTypeID: type, kind: kind, price: Cents(cents))
    }

    static let measures = RunMeasures(metres: 50_000, paidSeconds: 9 * 3600, stops: 30, parcels: 34, grams: 120_500, orderMetres: [1_500, 2_000, 4_999])

    /// 50 km at 0.32, 9 h paid: 8 h at 24.00, 1 h at 36.00.
    @Test func distanceTimeAndOvertime() {
        var overtime = Self.line(.overtimePerHour, 3600)
        overtime.afterSeconds = 8 * 3600
        let card = Self.card([Self.line(.perKilometre, 32), Self.line(.perHour, 2400), overtime, Self.line(.fixedPerDay, 4500)])
        let charge = card.charge(Self.measures)
        #expect(charge.distance == Cents(1600))
        #expect(charge.time == Cents(19_200))
        #expect(charge.overtime == Cents(3600))
        #expect(charge.fixed == Cents(4500))
        #expect(charge.total == Cents(28_900))
    }

    /// Exactly at the threshold there is no overtime; one second beyond, one second of it (rounded to the cent).
    @Test func overtimeBoundaries() {
        var overtime = Self.line(.overtimePerHour, 3600)
        overtime.afterSeconds = 8 * 3600
        let card = Self.card([Self.line(.perHour, 2400), overtime])
        func charge(_ seconds: Int64) -> RunCharge {
            card.charge(RunMeasures(metres: 0, paidSeconds: seconds, stops: 0, parcels: 0, grams: 0, orderMetres: []))
        }
        #expect(charge(8 * 3600).overtime == .zero && charge(8 * 3600).time == Cents(19_200))
        #expect(charge(8 * 3600 + 1).overtime == Cents(1))  // 36.00 / 3600 s = 1 cent per second
        #expect(charge(8 * 3600 + 50).overtime == Cents(50))
        #expect(charge(8 * 3600 + 1).time == Cents(19_200))
        // Half a cent rounds away from zero: 24.00 per hour is 2/3 cent per second; 1 s → 0.67 → 1, 3 s → 2.
        let hourly = Self.card([Self.line(.perHour, 2400)])
        #expect(hourly.charge(RunMeasures(metres: 0, paidSeconds: 1, stops: 0, parcels: 0, grams: 0, orderMetres: [])).time == Cents(1))
        #expect(hourly.charge(RunMeasures(metres: 0, paidSeconds: 3, stops: 0, parcels: 0, grams: 0, orderMetres: [])).time == Cents(2))
    }

    /// The run minimum tops up fixed + distance + time + overtime only; the fuel surcharge applies after it.
    @Test func minimumThenSurcharge() {
        var surcharge = Self.line(.fuelSurcharge)
        surcharge.percentHundredths = 1250
        let card = Self.card([Self.line(.perKilometre, 32), Self.line(.minimumPerRun, 6000), Self.line(.perStop, 40), surcharge])
        let short = card.charge(RunMeasures(metres: 10_000, paidSeconds: 0, stops: 5, parcels: 5, grams: 0, orderMetres: []))
        #expect(short.distance == Cents(320))
        #expect(short.minimumTopUp == Cents(5680))
        #expect(short.fuelSurcharge == Cents(750))  // 12.5 % of 60.00
        #expect(short.stops == Cents(200))
        #expect(short.total == Cents(6950))
        let long = card.charge(RunMeasures(metres: 200_000, paidSeconds: 0, stops: 0, parcels: 0, grams: 0, orderMetres: []))
        #expect(long.minimumTopUp == .zero)
        #expect(long.fuelSurcharge == Cents(800))  // 12.5 % of 64.00
    }

    /// Fuel index: 30 % of the charge moves with the price; 1.60 → 1.76 is +10 %, so +3 %.
    @Test func indexedSurcharge() {
        var index = Self.line(.fuelIndex)
        index.percentHundredths = 3000
        index.indexBase = Cents(160)
        index.indexNow = Cents(176)
        let card = Self.card([Self.line(.fixedPerDay, 10_000), index])
        #expect(card.fuelSurchargeHundredths == 300)
        #expect(card.charge(RunMeasures(metres: 0, paidSeconds: 0, stops: 0, parcels: 0, grams: 0, orderMetres: [])).fuelSurcharge == Cents(300))
        #expect(RateCard.indexedSurcharge(share: 3000, base: Cents(160), now: Cents(144)) == -300)
    }

    /// Bands are [from, to): 2 000 m is in the second band, 4 999 m in the second, nothing beyond the last.
    @Test func bandsParcelsAndWeight() {
        func band(_ from: Int64, _ to: Int64, _ cents: Int64) -> RateCardItem {
            var line = Self.line(.distanceBand, cents)
            line.fromMetres = from
            line.toMetres = to
            return line
        }
        let card = Self.card([band(2000, 5000, 100), band(0, 2000, 50), Self.line(.perParcel, 10), Self.line(.perKilogram, 3)])
        #expect(card.distanceBands.map(\.fromMetres) == [0, 2000])
        #expect(card.bandPrice(metres: 1999) == Cents(50) && card.bandPrice(metres: 2000) == Cents(100) && card.bandPrice(metres: 5000) == .zero)
        let charge = card.charge(Self.measures)
        #expect(charge.bands == Cents(250))
        #expect(charge.parcels == Cents(340))
        #expect(charge.weight == Cents(362))  // 3 cents × 120.5 kg = 361.5 → 362
    }

    /// A line for the type replaces the carrier-wide line of the same item; others stay.
    @Test func typeLinesOverrideCarrierLines() {
        let card = Self.card([Self.line(.perHour, 2400), Self.line(.perKilometre, 30), Self.line(.perHour, 2000, type: "van")])
        #expect(card.perHour == Cents(2000) && card.perKilometre == Cents(30))
        #expect(RateCard(carrierID: "c", vehicleTypeID: "bike", items: [Self.line(.perHour, 1, type: "van")]) == nil)
        #expect(RateCard(carrierID: "c", vehicleTypeID: "bike", items: [Self.line(.perHour, 1)])?.perHour == Cents(1))
    }

    /// The day minimum tops up the carrier's whole day.
    @Test func dayMinimum() {
        let card = Self.card([Self.line(.minimumPerDay, 15_000)])
        #expect(card.dayTopUp(runsTotal: Cents(9_000)) == Cents(6_000))
        #expect(card.dayTopUp(runsTotal: Cents(20_000)) == .zero)
    }

    /// In the solver's units (10⁶ per cent): per metre and per second, the surcharge on each, the run minimum
    /// less the fixed cost, overtime as the extra over the normal rate.
    @Test func solverRates() {
        var overtime = Self.line(.overtimePerHour, 3600)
        overtime.afterSeconds = 8 * 3600
        var surcharge = Self.line(.fuelSurcharge)
        surcharge.percentHundredths = 1000
        let card = Self.card([Self.line(.perKilometre, 32), Self.line(.perHour, 3600), overtime, Self.line(.fixedPerDay, 4500),
                              Self.line(.minimumPerRun, 6000), surcharge])
        let rates = card.solverRates(unitsPerCent: 1_000_000)
        #expect(rates.perMetre == 35_200)  // 0.32 per km ×1.1 = 0.352 cents per metre
        #expect(rates.fixed == 4_950_000_000)
        #expect(rates.paidTime.costPerTime == 1_100_000)  // 1 cent per second ×1.1
        #expect(rates.paidTime.overtimeAfter == 8 * 3600 && rates.paidTime.overtimeExtraPerTime == 0)
        #expect(rates.paidTime.minimumRouteCost == 6_600_000_000 - 4_950_000_000)
    }

    /// Per-order charges in the solver's units (10⁶ per cent): per stop, per parcel, per kg and the band of the
    /// depot-to-door distance, without the fuel surcharge; none for a card without per-order prices.
    @Test func jobCharges() {
        let day = PlanReportTests.day()
        let (a, b) = (day.depots[0], day.depots[1])
        var surcharge = Self.line(.fuelSurcharge)
        surcharge.percentHundredths = 1000
        let perOrder = Self.card([Self.line(.perStop, 40), Self.line(.perParcel, 10), Self.line(.perKilogram, 3), surcharge])
        // One parcel each; 2, 6 and 1 kg at 3 cents.
        #expect(perOrder.jobCharges(of: day.orders, from: a, unitsPerCent: 1_000_000) == [56_000_000, 68_000_000, 53_000_000])
        // Velo's bands from B: O1 is 840 m away (east), O2 1.4 km (north-east), O3 556 m (north).
        let velo = RateCard(carrierID: "velo", vehicleTypeID: "bike", items: day.rateCardItems)!
        #expect(velo.jobCharges(of: day.orders, from: b, unitsPerCent: 1_000_000) == [100_000_000, 200_000_000, 100_000_000])
        #expect(Self.card([Self.line(.perHour, 2400), Self.line(.minimumPerDay, 100)]).jobCharges(of: day.orders, from: a, unitsPerCent: 1) == nil)
    }

    /// The objective is what the cards charge: the sample day (40 orders, both carriers' cards) is planned, and
    /// its runs are put back into the day's problem. The checker's cost of that solution (the solver's
    /// objective, recomputed independently) equals the cards' charge of the stored runs plus the carriers' day
    /// top-ups, to a cent per run (each charge component is rounded per run).
    @Test func objectiveIsWhatTheCardsCharge() throws {
        let store = try DayPlanningTests.sampleStore(orders: 40)
        let day = try store.day(DayPlanningTests.date)
        let planner = try DayPlanner(graph: DayPlanningTests.graph, bikeGraph: DayPlanningTests.bikeGraph)
        let plan = try planner.plan(day, configuration: SolverConfiguration(seed: 1, iterations: 500))
        let geometry = try DayGeometry(day: day, networks: planner.networks)
        let built = try DayProblem(day: day, geometry: geometry, networkNames: planner.networks.map(\.graph.profileName),
                                   allowedDepots: DayPlanner.stockingDepots(day))
        let problem = built.problem
        #expect(problem.vehicles.allSatisfy { $0.jobCharges != nil }, "both carriers price per order")
        #expect(problem.costFloors.map(\.minimum) == [15_000 * DayProblem.costUnitsPerCent], "VeloFlash's day minimum of 150.00")
        let jobOf = Dictionary(uniqueKeysWithValues: JobIndex.all(problem.jobs.count).map { (day.order(built.order(of: $0)).id, $0) })
        let vehicleOf = Dictionary(uniqueKeysWithValues: VehicleIndex.all(problem.vehicles.count).map { (day.vehicle(built.fleetVehicle(of: $0)).id, $0) })
        var routes = [[JobIndex]](repeating: [], count: problem.vehicles.count)
        for run in plan.runs { routes[vehicleOf[run.vehicleID]!.position] = run.stops.map { jobOf[$0.orderID]! } }
        let served = Set(routes.joined())
        let check = PlanChecker.check(VRPSolution(routes: routes, unassigned: JobIndex.all(problem.jobs.count).filter { !served.contains($0) }), for: problem)
        #expect(check.isFeasible, "\(check.violations)")
        #expect(check.jobChargeCost > 0)
        var charged = plan.runs.reduce(0) { $0 + $1.cost.rawValue }
        for carrier in Set(plan.runs.map(\.carrierID)) {
            let total = plan.runs.filter { $0.carrierID == carrier }.reduce(0) { $0 + $1.cost.rawValue }
            charged += max(0, (day.dayMinimumCard(of: carrier)?.minimumPerDay.rawValue ?? 0) - total)
        }
        let objective = Money.divideRounded(check.cost, by: DayProblem.costUnitsPerCent)
        #expect(abs(objective - charged) <= Int64(plan.runs.count), "objective \(objective) cents, cards \(charged) cents")
    }

    /// Every bad row is reported with file, line and column; nothing is stored; the good file then loads.
    @Test func badRowsAreReportedAndNothingIsStored() throws {
        let store = try DispatchImportTests.storeWithSampleFleetData()
        let bad = """
            carrier,vehicle_type,item,price,percent,after_hours,from_km,to_km,index_base,index_now
            citylog,,per_hour,-3,,,,,,
            velo,,distance_band,0.50,,,0,4,,
            velo,,distance_band,1.00,,,3,6,,
            velo,,distance_band,1.00,,,5,2,,
            acme,truck,per_km,0.30,,,,,,
            citylog,,per_lunch,1,,,,,,
            citylog,,overtime_per_hour,10,,8,,,,
            citylog,,per_hour,20,,,,,,
            citylog,,per_hour,21,,,,,,

            """
        #expect { try store.importFile(.rateCards, data: Data(bad.utf8), file: "cards.csv") } throws: { error in
            guard let report = error as? InputReport else { return false }
            let lines = report.issues.map(\.description)
            return lines == [
                "cards.csv:2: price: is negative (-3); a price is 0 or more",
                "cards.csv:4: from_km: the band 3–6 km overlaps the band 0–4 km on line 3 for carrier velo, every vehicle type",
                "cards.csv:5: to_km: the band's minimum from_km 5 is not below its maximum to_km 2",
                "cards.csv:6: carrier: carrier 'acme' is not imported; import carriers first",
                "cards.csv:6: vehicle_type: vehicle type 'truck' is not imported; import vehicle types first",
                "cards.csv:7: item: 'per_lunch' is not one of " + RateCardItem.Kind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "),
                "cards.csv:8: price: the overtime rate 10.00 per hour is below the hourly rate 20.00 on line 9; overtime is paid at least the normal rate",
                "cards.csv:10: item: per_hour for carrier citylog, every vehicle type was already given on line 9",
            ]
        }
        #expect(try store.rateCardItems().isEmpty)
        let good = SampleDay.files(date: "2026-11-23", orderCount: 10).first { $0.0 == "rate-cards" }!.1
        let summary = try store.importFile(.rateCards, data: Data(good.utf8), file: "rate-cards.csv")
        #expect(summary.inserted == good.split(separator: "\n").count - 1)
        #expect(try store.rateCardItems().count == summary.inserted)
        // Loading the carrier again replaces its lines.
        _ = try store.importFile(.rateCards, data: Data("carrier,item,price\nvelo,per_hour,20.00\n".utf8), file: "velo.csv")
        #expect(try store.rateCardItems().filter { $0.carrierID == "velo" }.map(\.kind) == [.perHour])
    }

    /// JSON rows are numbered by record.
    @Test func jsonRowsNameTheirRecord() throws {
        let json = #"[{"carrier": "c", "item": "per_km", "price": "0.30"}, {"carrier": "c", "item": "per_km", "price": "-1"}]"#
        let parsed = try RateCardFile.read(Data(json.utf8), file: "cards.json")
        #expect(parsed.records.count == 1)
        #expect(parsed.issues.map(\.description) == ["cards.json record 2: price: is negative (-1); a price is 0 or more"])
    }
}
