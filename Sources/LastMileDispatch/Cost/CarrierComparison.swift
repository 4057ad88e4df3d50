import Foundation
import LastMileCore
import LastMileDomain

/// The same orders planned under several carriers' fleets and rate cards, side by side: one scenario per
/// carrier, its sensitivity runs (fuel price +10 %, volume +20 %), and the mixed assignment (each depot's work to
/// the carrier cheapest there per stop). Among the scenarios on the day's own volume, the cheapest (fewest
/// unassigned orders, then lowest total cost) and the greenest (fewest unassigned, then least CO₂e) are marked.
public struct CarrierComparison: Sendable {
    public struct Scenario: Sendable {
        public enum Kind: String, Sendable {
            case carrier
            case fuelPlus10 = "fuel +10 %"
            case volumePlus20 = "volume +20 %"
            case mixed
        }

        public var name: String
        public var kind: Kind
        public var report: PlanReport
        public var unassigned: Int
        /// Whether the independent checker accepted the plan.
        public var checked: Bool
        public var isCheapest = false
        public var isGreenest = false

        public init(name: String, kind: Kind, report: PlanReport, unassigned: Int, checked: Bool) {
            self.name = name
            self.kind = kind
            self.report = report
            self.unassigned = unassigned
            self.checked = checked
        }
    }

    public var date: String
    public var scenarios: [Scenario]

    public init(date: String, scenarios: [Scenario]) {
        self.date = date
        self.scenarios = scenarios
        let comparable = scenarios.indices.filter { scenarios[$0].kind == .carrier || scenarios[$0].kind == .mixed }
        if let cheapest = comparable.min(by: { (scenarios[$0].unassigned, scenarios[$0].report.totalCost) < (scenarios[$1].unassigned, scenarios[$1].report.totalCost) }) {
            self.scenarios[cheapest].isCheapest = true
        }
        if let greenest = comparable.min(by: { (scenarios[$0].unassigned, scenarios[$0].report.total.co2eGrams) < (scenarios[$1].unassigned, scenarios[$1].report.total.co2eGrams) }) {
            self.scenarios[greenest].isGreenest = true
        }
    }

    /// Per depot, the carrier whose plan costs least per stop there (ties by carrier id), from carrier scenarios.
    public static func cheapestCarrierOfDepot(_ scenarios: [Scenario]) -> [String: String] {
        var best: [String: (carrier: String, centsPerStop: Double)] = [:]
        for scenario in scenarios where scenario.kind == .carrier {
            for depot in scenario.report.byDepot where depot.stops > 0 {
                let perStop = Double(depot.charge.total.rawValue) / Double(depot.stops)
                if let known = best[depot.vehicleID], (known.centsPerStop, known.carrier) <= (perStop, scenario.name) { continue }
                best[depot.vehicleID] = (scenario.name, perStop)
            }
        }
        return best.mapValues(\.carrier)
    }

    static let columns = ["scenario", "served", "unassigned", "km", "paid_h", "wait_h", "overtime_h", "cost", "cost_per_order", "co2e_kg",
                          "checked", "mark"]

    var rows: [[String]] {
        scenarios.map { s in
            let t = s.report.total
            func hours(_ seconds: Int64) -> String { FixedPoint.string(Money.divideRounded(seconds * 100, by: 3600), decimals: 2) }
            let perOrder = t.stops > 0 ? Cents(Money.divideRounded(s.report.totalCost.rawValue, by: t.stops)).description : "–"
            let mark = [s.isCheapest ? "cheapest" : nil, s.isGreenest ? "greenest" : nil].compactMap { $0 }.joined(separator: ", ")
            return [s.name, "\(t.stops)", "\(s.unassigned)", FixedPoint.string(Money.divideRounded(t.metres, by: 10), decimals: 2),
                    hours(t.paidSeconds), hours(t.waitSeconds), hours(t.overtimeSeconds), s.report.totalCost.description, perOrder,
                    FixedPoint.string(t.co2eGrams, decimals: 3), s.checked ? "yes" : "NO", mark]
        }
    }

    /// Aligned columns for the terminal.
    public var terminalTable: String {
        let all = [Self.columns] + rows
        let widths = Self.columns.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
        return "# \(date): carriers compared on the same orders\n" + all.map { row in
            row.enumerated().map { c, cell in c == 0 || c == row.count - 1 ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                : String(repeating: " ", count: widths[c] - cell.count) + cell }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    public var csv: String { ([Self.columns] + rows).map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n" }

    struct Document: Encodable {
        struct Row: Encodable {
            var scenario, kind: String
            var unassigned: Int
            var checked, cheapest, greenest: Bool
            var report: PlanReport.Document
        }
        var date: String
        var scenarios: [Row]
    }

    public func json() throws -> String {
        try OutputJSON.text(Document(date: date, scenarios: scenarios.map {
            Document.Row(scenario: $0.name, kind: $0.kind.rawValue, unassigned: $0.unassigned, checked: $0.checked, cheapest: $0.isCheapest,
                         greenest: $0.isGreenest, report: $0.report.document)
        }), pretty: true)
    }

    /// A self-contained HTML page: the side-by-side table, every scenario's run charges by component in one
    /// chart, then each scenario's report charts and table.
    public var html: String {
        var page = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Carriers compared \(LastMileDispatch.html(date))</title><style>\(PlanReport.style)</style></head><body>\n"
        page += "<h1>Carriers compared on the orders of \(LastMileDispatch.html(date))</h1>\n<div class=\"wide\"><table id=\"comparison\">\n<tr>"
            + Self.columns.map { "<th>\(LastMileDispatch.html($0))</th>" }.joined() + "</tr>\n"
        for row in rows { page += "<tr>" + row.map { "<td>\(LastMileDispatch.html($0))</td>" }.joined() + "</tr>\n" }
        page += "</table></div>\n"
        let bars = scenarios.map { (label: $0.name, charge: $0.report.total.charge) }
        page += "<figure id=\"cost-by-scenario\">\(PlanReport.componentBars(bars))<figcaption>Run charges by component per scenario (day minimums in the table)</figcaption></figure>\n"
        for scenario in scenarios {
            // Each scenario's report body, without its own document wrapper.
            let body = scenario.report.html
            let start = body.range(of: "<body>")?.upperBound ?? body.startIndex
            let end = body.range(of: "</body>")?.lowerBound ?? body.endIndex
            page += "<section><h2>\(LastMileDispatch.html(scenario.name))</h2>\n" + body[start..<end] + "</section>\n"
        }
        return page + "</body></html>\n"
    }
}
