import Foundation
import LastMileCore

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

    /// The KPIs as a JSON object (keys sorted).
    public var json: String {
        let object: [String: Any] = [
            "orders": orders, "served": served, "unassigned": unassigned, "routes": routes,
            "kilometres": (kilometres * 10).rounded() / 10, "drive_hours": (driveHours * 100).rounded() / 100,
            "service_hours": (serviceHours * 100).rounded() / 100, "wait_hours": (waitHours * 100).rounded() / 100,
            "break_hours": (breakHours * 100).rounded() / 100, "on_time_percent": (onTimePercent * 10).rounded() / 10,
            "load_utilisation_percent": (loadUtilisationPercent * 10).rounded() / 10,
            "shift_utilisation_percent": (shiftUtilisationPercent * 10).rounded() / 10, "cost_cents": cost.rawValue,
            "cost_cents_per_carrier": Dictionary(uniqueKeysWithValues: costPerCarrier.map { ($0.carrier, $0.cost.rawValue) }),
            "co2_kg": (co2Kilograms * 10).rounded() / 10,
        ]
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
