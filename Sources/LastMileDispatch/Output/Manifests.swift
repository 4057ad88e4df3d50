import Foundation
import LastMileCore

/// Per-driver run sheets: a CSV for systems and a printable HTML page for people, one pair per run, plus an
/// index page. Stops in visiting order with times, windows, items, weight and the break where it falls.
public enum Manifests {
    /// File name (without extension) of a run's manifest: the vehicle id made safe for file systems.
    public static func baseName(of run: DayPlan.Run) -> String {
        String(run.vehicleID.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
    }

    public static func csv(run: DayPlan.Run, day: DispatchDay) -> String {
        let orders = Dictionary(uniqueKeysWithValues: day.orders.map { ($0.id, $0) })
        var lines = ["sequence,order,customer,lat,lon,arrival,window_start,window_end,service_start,departure,items,weight_kg,km_from_previous"]
        for (index, stop) in run.stops.enumerated() {
            guard let order = orders[stop.orderID] else { continue }
            let items = order.items.map { "\($0.sku):\($0.quantity)" }.joined(separator: ";")
            let fields = [
                "\(index + 1)", order.id, order.customer, FixedPoint.string(order.coordinate.latitude, decimals: 6),
                FixedPoint.string(order.coordinate.longitude, decimals: 6), "\(stop.arrival)", "\(order.windowStart)", "\(order.windowEnd)",
                "\(stop.serviceStart)", "\(stop.departure)", items, FixedPoint.string(Double(order.load.grams) / 1000, decimals: 2),
                FixedPoint.string(Double(stop.metresFromPrevious) / 1000, decimals: 2),
            ]
            lines.append(fields.map(csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// RFC 4180 quoting when needed.
    static func csvField(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    public static func page(run: DayPlan.Run, day: DispatchDay) -> String {
        let orders = Dictionary(uniqueKeysWithValues: day.orders.map { ($0.id, $0) })
        let depots = Dictionary(uniqueKeysWithValues: day.depots.map { ($0.id, $0) })
        var rows: [String] = []
        func breakRows(after stops: Int) {
            for driverBreak in run.breaks where driverBreak.afterStops == stops {
                rows.append("<tr><td></td><td colspan=\"8\"><strong>Break</strong> \(driverBreak.minutes) min from \(driverBreak.start)</td></tr>")
            }
        }
        breakRows(after: 0)
        for (index, stop) in run.stops.enumerated() {
            guard let order = orders[stop.orderID] else { continue }
            let items = order.items.map { "\(html($0.sku)) × \($0.quantity)" }.joined(separator: "<br>")
            rows.append("""
                <tr><td class="number">\(index + 1)</td><td>\(html(order.id))</td><td>\(html(order.customer))</td>\
                <td>\(FixedPoint.string(order.coordinate.latitude, decimals: 5)), \(FixedPoint.string(order.coordinate.longitude, decimals: 5))</td>\
                <td>\(stop.arrival)</td><td>\(order.windowStart)–\(order.windowEnd)</td><td>\(stop.serviceStart)</td>\
                <td>\(items)</td><td class="number">\(FixedPoint.string(Double(order.load.grams) / 1000, decimals: 1))</td></tr>
                """)
            breakRows(after: index + 1)
        }
        let depot = depots[run.depotID]?.name ?? run.depotID
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Run \(html(run.vehicleID)) — \(html(day.date))</title>
            <style>\(pageStyle)</style></head><body>
            <h1>Run sheet: \(html(run.vehicleID)) — \(html(run.driver))</h1>
            <div class="meta">\(html(day.date)) · carrier \(html(run.carrierID)) · from \(html(depot)) · loading \(run.loadingStart), \
            departure \(run.departure), back \(run.end) at \(html(run.endDepotID)) · \(run.stops.count) stops · \
            \(FixedPoint.string(Double(run.metres) / 1000, decimals: 1)) km · load \(FixedPoint.string(Double(run.load.grams) / 1000, decimals: 1)) kg, \
            \(run.load.parcels) parcels</div>
            <table><thead><tr><th>#</th><th>Order</th><th>Customer</th><th>Position</th><th>Arrival</th><th>Window</th>\
            <th>Service</th><th>Items</th><th>kg</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody></table>
            </body></html>

            """
    }

    public static func index(plan: DayPlan, day: DispatchDay) -> String {
        let rows = plan.runs.map { run in
            """
            <tr><td><a href="\(baseName(of: run)).html">\(html(run.vehicleID))</a> (<a href="\(baseName(of: run)).csv">CSV</a>)</td>\
            <td>\(html(run.driver))</td><td>\(html(run.carrierID))</td><td>\(html(run.depotID))</td><td class="number">\(run.stops.count)</td>\
            <td>\(run.departure)–\(run.end)</td><td class="number">\(FixedPoint.string(Double(run.metres) / 1000, decimals: 1))</td>\
            <td class="number">\(run.cost)</td></tr>
            """
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Manifests — \(html(day.date))</title><style>\(pageStyle)</style></head><body>
            <h1>Manifests for \(html(day.date))</h1>
            <table><thead><tr><th>Vehicle</th><th>Driver</th><th>Carrier</th><th>Depot</th><th>Stops</th><th>Hours</th><th>km</th><th>Cost</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody></table>
            </body></html>

            """
    }
}
