import Foundation
import LastMileCore
import LastMileDomain

/// The figures a dispatcher reads first: how much was served, how far and long, how full, what it costs, CO₂.
public struct PlanKPIs: Sendable {
    public var orders: Int
    public var served: Int
    public var unassigned: Int
    public var routes: Int
    public var kilometres: Double
    public var driveHours: Double
    public var serviceHours: Double
    public var waitHours: Double
    public var breakHours: Double
    /// Served stops whose service starts inside the customer's window, percent (a planned day should be 100).
    public var onTimePercent: Double
    /// Mean over routes of the fullest load dimension, percent of capacity.
    public var loadUtilisationPercent: Double
    /// Mean over routes of working time (loading to return) over the shift length, percent.
    public var shiftUtilisationPercent: Double
    public var cost: Cents
    public var costPerCarrier: [(carrier: String, cost: Cents)]
    public var co2Kilograms: Double

    public init(plan: DayPlan, day: DispatchDay) {
        let orders = Dictionary(uniqueKeysWithValues: day.orders.map { ($0.id, $0) })
        let fleet = Dictionary(uniqueKeysWithValues: day.vehicles.map { ($0.id, $0) })
        let stops = plan.runs.flatMap(\.stops)
        self.orders = day.orders.count
        served = stops.count
        unassigned = plan.unassigned.count
        routes = plan.runs.count
        kilometres = Double(plan.runs.reduce(0) { $0 + $1.metres }) / 1000
        driveHours = Double(plan.runs.reduce(0) { $0 + $1.driveSeconds }) / 3600
        serviceHours = Double(plan.runs.reduce(0) { $0 + $1.serviceSeconds }) / 3600
        waitHours = Double(plan.runs.reduce(0) { $0 + $1.waitSeconds }) / 3600
        breakHours = Double(plan.runs.reduce(0) { $0 + $1.breaks.reduce(0) { $0 + $1.minutes } }) / 60
        let onTime = stops.filter { stop in
            guard let order = orders[stop.orderID] else { return false }
            return order.windowStart <= stop.serviceStart && stop.serviceStart <= order.windowEnd
        }.count
        onTimePercent = stops.isEmpty ? 100 : 100 * Double(onTime) / Double(stops.count)
        func fullest(_ run: DayPlan.Run) -> Double {
            zip(run.load.dimensions, run.capacity.dimensions).map { $1 > 0 ? Double($0) / Double($1) : 0 }.max() ?? 0
        }
        loadUtilisationPercent = plan.runs.isEmpty ? 0 : 100 * plan.runs.map(fullest).reduce(0, +) / Double(plan.runs.count)
        let shiftShares = plan.runs.compactMap { run -> Double? in
            guard let vehicle = fleet[run.vehicleID] else { return nil }
            let length = vehicle.shiftEnd.seconds - vehicle.shiftStart.seconds
            return length > 0 ? Double(run.end.seconds - run.loadingStart.seconds) / Double(length) : nil
        }
        shiftUtilisationPercent = shiftShares.isEmpty ? 0 : 100 * shiftShares.reduce(0, +) / Double(shiftShares.count)
        cost = plan.totalCost
        var perCarrier: [String: Cents] = [:]
        for run in plan.runs { perCarrier[run.carrierID, default: .zero] = perCarrier[run.carrierID, default: .zero] + run.cost }
        costPerCarrier = perCarrier.keys.sorted().map { ($0, perCarrier[$0]!) }
        co2Kilograms = Double(plan.runs.reduce(0) { $0 + $1.co2Grams }) / 1000
    }

    /// The summary as aligned lines for the terminal and the HTML page.
    public var lines: [(label: String, value: String)] {
        func number(_ value: Double, _ digits: Int = 1) -> String { FixedPoint.string(value, decimals: digits) }
        var lines: [(String, String)] = [
            ("orders", "\(served) of \(orders) served, \(unassigned) unassigned"),
            ("routes", "\(routes)"),
            ("distance", "\(number(kilometres)) km"),
            ("driving", "\(number(driveHours)) h"),
            ("service", "\(number(serviceHours)) h"),
            ("waiting", "\(number(waitHours)) h"),
            ("breaks", "\(number(breakHours)) h"),
            ("on time", "\(number(onTimePercent))% of stops inside their window"),
            ("load utilisation", "\(number(loadUtilisationPercent))% (fullest dimension, mean over routes)"),
            ("shift utilisation", "\(number(shiftUtilisationPercent))% (loading to return over shift)"),
            ("cost", "\(cost) (\(served > 0 ? Cents(cost.rawValue / Int64(served)).description : "–") per order)"),
        ]
        lines += costPerCarrier.map { ("  carrier \($0.carrier)", "\($0.cost)") }
        lines.append(("CO2", "\(number(co2Kilograms)) kg"))
        return lines
    }

    /// The KPIs as written to `kpis.json`: hours to 0.01, kilometres, kilograms and percentages to 0.1,
    /// money in cents.
    struct Document: Encodable {
        var orders, served, unassigned, routes: Int
        var kilometres, driveHours, serviceHours, waitHours, breakHours: Double
        var onTimePercent, loadUtilisationPercent, shiftUtilisationPercent: Double
        var costCents: Int64
        var costCentsPerCarrier: [String: Int64]
        var co2Kg: Double

        private enum CodingKeys: String, CodingKey {
            case orders, served, unassigned, routes, kilometres, driveHours = "drive_hours", serviceHours = "service_hours"
            case waitHours = "wait_hours", breakHours = "break_hours", onTimePercent = "on_time_percent"
            case loadUtilisationPercent = "load_utilisation_percent", shiftUtilisationPercent = "shift_utilisation_percent"
            case costCents = "cost_cents", costCentsPerCarrier = "cost_cents_per_carrier", co2Kg = "co2_kg"
        }
    }

    var document: Document {
        func tenths(_ value: Double) -> Double { (value * 10).rounded() / 10 }
        func hundredths(_ value: Double) -> Double { (value * 100).rounded() / 100 }
        return Document(
            orders: orders, served: served, unassigned: unassigned, routes: routes, kilometres: tenths(kilometres),
            driveHours: hundredths(driveHours), serviceHours: hundredths(serviceHours), waitHours: hundredths(waitHours),
            breakHours: hundredths(breakHours), onTimePercent: tenths(onTimePercent),
            loadUtilisationPercent: tenths(loadUtilisationPercent), shiftUtilisationPercent: tenths(shiftUtilisationPercent),
            costCents: cost.rawValue,
            costCentsPerCarrier: Dictionary(uniqueKeysWithValues: costPerCarrier.map { ($0.carrier, $0.cost.rawValue) }),
            co2Kg: tenths(co2Kilograms)
        )
    }

    /// The KPIs as a JSON object (keys sorted).
    public func json() throws -> String { try OutputJSON.text(document, pretty: true) }
}
