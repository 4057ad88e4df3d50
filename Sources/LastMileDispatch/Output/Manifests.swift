import Foundation
import LastMileCore
import LastMileDomain

/// Per-driver run sheets: a CSV for systems and a printable HTML page for people, one pair per run, plus an
/// index page that also lists the vehicles not used and why. Both run sheets give the stops in visiting order
/// (arrival, waiting, service start, departure, window, items, weight) with the break where it falls, and the
/// day and plan version they belong to.
public enum Manifests {
    /// One line of a run sheet, in driving order.
    enum Line {
        /// The `sequence`-th stop (1-based) of the run.
        case stop(sequence: Int, DayPlan.Stop, Order)
        case driverBreak(DayPlan.Break)
    }

    /// The run's stops with each break after the stops served before it.
    static func lines(of run: DayPlan.Run, day: DispatchDay) -> [Line] {
        let orders = Dictionary(uniqueKeysWithValues: day.orders.map { ($0.id, $0) })
        var lines = run.breaks.filter { $0.afterStops == 0 }.map(Line.driverBreak)
        for (index, stop) in run.stops.enumerated() {
            guard let order = orders[stop.orderID] else { continue }
            lines.append(.stop(sequence: index + 1, stop, order))
            lines += run.breaks.filter { $0.afterStops == index + 1 }.map(Line.driverBreak)
        }
        return lines
    }

    /// Whole minutes (rounded) between arriving at a stop and starting service there.
    static func waitingMinutes(_ stop: DayPlan.Stop) -> Int { (stop.serviceStart.seconds - stop.arrival.seconds + 30) / 60 }

    /// File name (without extension) of a run's manifest: the vehicle id made safe for file systems.
    public static func baseName(of run: DayPlan.Run) -> String {
        String(run.vehicleID.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
    }

    /// The run sheet as CSV: one row per stop (`kind` = `stop`) and per break (`kind` = `break`: arrival and
    /// service start = break start, departure = break end); every row carries the date and plan version.
    public static func csv(run: DayPlan.Run, day: DispatchDay, version: Int) -> String {
        var rows = ["sequence,kind,order,customer,lat,lon,arrival,window_start,window_end,service_start,waiting_min,departure,"
            + "items,weight_kg,km_from_previous,date,plan_version"]
        for line in lines(of: run, day: day) {
            var fields: [String]
            switch line {
            case .stop(let sequence, let stop, let order):
                fields = [
                    "\(sequence)", "stop", order.id, order.customer, FixedPoint.string(order.coordinate.latitude, decimals: 6),
                    FixedPoint.string(order.coordinate.longitude, decimals: 6), "\(stop.arrival)", "\(order.windowStart)", "\(order.windowEnd)",
                    "\(stop.serviceStart)", "\(waitingMinutes(stop))", "\(stop.departure)",
                    order.items.map { "\($0.sku):\($0.quantity)" }.joined(separator: ";"),
                    FixedPoint.string(Double(order.load.grams) / 1000, decimals: 2), FixedPoint.string(Double(stop.metresFromPrevious) / 1000, decimals: 2),
                ]
            case .driverBreak(let driverBreak):
                let end = TimeOfDay(seconds: driverBreak.start.seconds + driverBreak.minutes * 60)
                fields = ["", "break", "", "", "", "", "\(driverBreak.start)", "", "", "\(driverBreak.start)", "", "\(end)", "", "", ""]
            }
            rows.append((fields + [day.date, "\(version)"]).map(csvField).joined(separator: ","))
        }
        return rows.joined(separator: "\n") + "\n"
    }

    /// RFC 4180 quoting when needed.
    static func csvField(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// The printable run sheet of `run`, headed with the date and plan `version`.
    public static func page(run: DayPlan.Run, day: DispatchDay, version: Int) -> String {
        let depots = Dictionary(uniqueKeysWithValues: day.depots.map { ($0.id, $0) })
        let rows = lines(of: run, day: day).map { line in
            switch line {
            case .stop(let sequence, let stop, let order):
                let items = order.items.map { "\(html($0.sku)) × \($0.quantity)" }.joined(separator: "<br>")
                return """
                    <tr><td class="number">\(sequence)</td><td>\(html(order.id))</td><td>\(html(order.customer))</td>\
                    <td>\(FixedPoint.string(order.coordinate.latitude, decimals: 5) + ", " + FixedPoint.string(order.coordinate.longitude, decimals: 5))</td>\
                    <td>\(stop.arrival)</td><td class="number">\(waitingMinutes(stop))</td><td>\(order.windowStart)–\(order.windowEnd)</td>\
                    <td>\(stop.serviceStart)</td><td>\(stop.departure)</td>\
                    <td>\(items)</td><td class="number">\(FixedPoint.string(Double(order.load.grams) / 1000, decimals: 1))</td></tr>
                    """
            case .driverBreak(let driverBreak):
                return "<tr><td></td><td colspan=\"10\"><strong>Break</strong> \(driverBreak.minutes) min from \(driverBreak.start)</td></tr>"
            }
        }
        let depot = depots[run.depotID]?.name ?? run.depotID
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Run \(html(run.vehicleID)) — \(html(day.date)) version \(version)</title>
            <style>\(pageStyle)</style></head><body>
            <h1>Run sheet: \(html(run.vehicleID)) — \(html(run.driver))</h1>
            <div class="meta">\(html(day.date)) · plan version \(version) · carrier \(html(run.carrierID)) · from \(html(depot)) · \
            loading \(run.loadingStart), departure \(run.departure), back \(run.end) at \(html(run.endDepotID)) · \(run.stops.count) stops · \
            \(FixedPoint.string(Double(run.metres) / 1000, decimals: 1)) km · load \(FixedPoint.string(Double(run.load.grams) / 1000, decimals: 1)) kg, \
            \(run.load.parcels) parcels</div>
            <table><thead><tr><th>#</th><th>Order</th><th>Customer</th><th>Position</th><th>Arrival</th><th>Wait (min)</th>\
            <th>Window</th><th>Service</th><th>Departure</th><th>Items</th><th>kg</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody></table>
            </body></html>

            """
    }

    /// Vehicles of the day without a run, with the reason: why they cannot work this day, or that the plan
    /// did not need them.
    static func unusedVehicles(plan: DayPlan, day: DispatchDay) -> [(vehicle: FleetVehicle, reason: String)] {
        let used = Set(plan.runs.map(\.vehicleID))
        let unusable = Dictionary(plan.unusableVehicles.map { ($0.vehicleID, $0.reason) }, uniquingKeysWith: { first, _ in first })
        let notNeeded = plan.unassigned.isEmpty
            ? "not needed: the other runs serve every order"
            : "not needed by the plan (see unassigned.csv for why orders were left out)"
        return day.vehicles.filter { !used.contains($0.id) }.map { ($0, unusable[$0.id] ?? notNeeded) }
    }

    /// The index of the day's run sheets (date and plan `version` in the heading), then the vehicles not used.
    public static func index(plan: DayPlan, day: DispatchDay, version: Int) -> String {
        let rows = plan.runs.map { run in
            """
            <tr><td><a href="\(baseName(of: run)).html">\(html(run.vehicleID))</a> (<a href="\(baseName(of: run)).csv">CSV</a>)</td>\
            <td>\(html(run.driver))</td><td>\(html(run.carrierID))</td><td>\(html(run.depotID))</td><td class="number">\(run.stops.count)</td>\
            <td>\(run.departure)–\(run.end)</td><td class="number">\(FixedPoint.string(Double(run.metres) / 1000, decimals: 1))</td>\
            <td class="number">\(run.cost)</td></tr>
            """
        }
        let unused = unusedVehicles(plan: plan, day: day).map { vehicle, reason in
            "<tr><td>\(html(vehicle.id))</td><td>\(html(vehicle.driver))</td><td>\(html(vehicle.carrierID))</td>"
                + "<td>\(html(vehicle.depotID))</td><td>\(html(reason))</td></tr>"
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Manifests — \(html(day.date)) version \(version)</title><style>\(pageStyle)</style></head><body>
            <h1>Manifests for \(html(day.date))</h1>
            <div class="meta">plan version \(version) · \(plan.runs.count) runs · \(unused.count) vehicles not used</div>
            <table><thead><tr><th>Vehicle</th><th>Driver</th><th>Carrier</th><th>Depot</th><th>Stops</th><th>Hours</th><th>km</th><th>Cost</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody></table>
            <h2>Vehicles not used</h2>
            <table><thead><tr><th>Vehicle</th><th>Driver</th><th>Carrier</th><th>Depot</th><th>Reason</th></tr></thead>
            <tbody>
            \(unused.joined(separator: "\n"))
            </tbody></table>
            </body></html>

            """
    }
}
