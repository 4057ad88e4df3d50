import Foundation
import LastMileCore
import LastMileDomain

extension PlanReport {
    /// The columns of every table (terminal, CSV, HTML), in order.
    static let columns = ["row", "carrier", "type", "depot", "km", "drive_h", "service_h", "wait_h", "paid_h", "overtime_h", "stops", "parcels",
                          "on_time_pct"] + RunCharge().components.map { "cost_\($0.name)" } + ["cost_total", "co2e_kg"]

    /// One table row of `line` (hours and km to two decimals, money in currency units, kilograms to three).
    static func cells(_ line: Line) -> [String] {
        func hours(_ seconds: Int64) -> String { FixedPoint.string(Money.divideRounded(seconds * 100, by: 3600), decimals: 2) }
        let onTime = line.stops > 0 ? FixedPoint.string(Money.divideRounded(line.onTimeStops * 1000, by: line.stops), decimals: 1) : "–"
        return [line.vehicleID, line.carrierID, line.typeID, line.depotID, FixedPoint.string(Money.divideRounded(line.metres, by: 10), decimals: 2),
                hours(line.driveSeconds), hours(line.serviceSeconds), hours(line.waitSeconds), hours(line.paidSeconds), hours(line.overtimeSeconds),
                "\(line.stops)", "\(line.parcels)", onTime] + line.charge.components.map(\.amount.description)
            + [line.charge.total.description, FixedPoint.string(line.co2eGrams, decimals: 3)]
    }

    /// Every row: runs, then per vehicle type, depot and carrier, then the total.
    var tableRows: [[String]] {
        runs.map(Self.cells) + byVehicleType.map { Self.cells($0).replacing(0, with: "type \($0.vehicleID)") }
            + byDepot.map { Self.cells($0).replacing(0, with: "depot \($0.vehicleID)") }
            + byCarrier.map { Self.cells($0).replacing(0, with: "carrier \($0.vehicleID)") } + [Self.cells(total)]
    }

    /// Aligned columns for the terminal, with the day minimums and the grand total below.
    public var terminalTable: String {
        let rows = [Self.columns] + tableRows
        let widths = Self.columns.indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        var text = "# \(date) version \(version): cost and CO2e report\n"
        for row in rows {
            text += row.enumerated().map { c, cell in c < 4 ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                : String(repeating: " ", count: widths[c] - cell.count) + cell }.joined(separator: "  ") + "\n"
        }
        for (carrier, amount) in dayMinimumTopUps { text += "day minimum of \(carrier): +\(amount)\n" }
        text += "total cost \(totalCost), CO2e \(FixedPoint.string(total.co2eGrams, decimals: 3)) kg\n"
        return text
    }

    /// The table as CSV (one header line, then the rows of ``terminalTable``).
    public var csv: String {
        func field(_ text: String) -> String { text.contains(",") || text.contains("\"") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text }
        return ([Self.columns] + tableRows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// The report as JSON: money in cents, time in seconds, distance in metres, CO₂e in grams (keys sorted).
    public func json() throws -> String { try OutputJSON.text(document, pretty: true) }

    struct LineDocument: Encodable {
        var row, carrier, type, depot: String
        var metres, drive_seconds, service_seconds, wait_seconds, paid_seconds, overtime_seconds, stops, parcels, on_time_stops: Int64
        var cost_cents: [String: Int64]
        var cost_total_cents: Int64
        var co2e_grams: Int64

        init(_ line: Line) {
            (row, carrier, type, depot) = (line.vehicleID, line.carrierID, line.typeID, line.depotID)
            (metres, drive_seconds, service_seconds, wait_seconds) = (line.metres, line.driveSeconds, line.serviceSeconds, line.waitSeconds)
            (paid_seconds, overtime_seconds, stops, parcels, on_time_stops) = (line.paidSeconds, line.overtimeSeconds, line.stops, line.parcels, line.onTimeStops)
            cost_cents = Dictionary(uniqueKeysWithValues: line.charge.components.map { ($0.name, $0.amount.rawValue) })
            cost_total_cents = line.charge.total.rawValue
            co2e_grams = line.co2eGrams
        }
    }

    struct OrderDocument: Encodable {
        var order, carrier: String
        var cost_cents, co2e_grams: Int64
    }

    struct Document: Encodable {
        var date: String
        var version: Int
        var runs, by_vehicle_type, by_depot, by_carrier: [LineDocument]
        var total: LineDocument
        var day_minimum_top_ups_cents: [String: Int64]
        var total_cost_cents: Int64
        var orders: [OrderDocument]
    }

    var document: Document {
        Document(
            date: date, version: version, runs: runs.map(LineDocument.init), by_vehicle_type: byVehicleType.map(LineDocument.init),
            by_depot: byDepot.map(LineDocument.init), by_carrier: byCarrier.map(LineDocument.init), total: LineDocument(total),
            day_minimum_top_ups_cents: Dictionary(uniqueKeysWithValues: dayMinimumTopUps.map { ($0.carrierID, $0.amount.rawValue) }),
            total_cost_cents: totalCost.rawValue,
            orders: orders.map { OrderDocument(order: $0.orderID, carrier: $0.carrierID, cost_cents: $0.cost.rawValue, co2e_grams: $0.co2eGrams) })
    }
}

extension Array where Element == String {
    /// A copy with the element at `index` replaced.
    fileprivate func replacing(_ index: Int, with value: String) -> [String] {
        var copy = self
        copy[index] = value
        return copy
    }
}
