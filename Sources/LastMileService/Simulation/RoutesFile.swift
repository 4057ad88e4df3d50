import Foundation
import LastMileCore
import LastMileDomain
import LastMileLive

/// Routes made elsewhere (a peer solver's plan, a dispatcher's hand edits) as a plan the simulator can run: a
/// CSV file with the header `vehicle,departure,order,arrival`, one row per stop in visiting order. `departure`
/// (HH:MM or HH:MM:SS) is when the vehicle leaves its depot, the same on each of its rows; `arrival` is the
/// planned arrival, or empty. Vehicles run from their fleet depot to their end depot. The day's orders no row
/// names are the plan's unassigned orders. A driver's break is a row whose order is `break:MINUTES` (its
/// `arrival` the planned start), after the stops of the rows before it.
public enum RoutesFile {
    /// The plan of the routes in `data` over `day`: version 0 of the date, runs in vehicle id order.
    ///
    /// - Throws: ``LastMileError`` (bad input) at `file:line` naming the column: a wrong header, an unknown
    ///   vehicle or order, an order on two rows, a bad time, departures of one vehicle that differ.
    public static func plan(_ data: Data, file: String, day: DispatchDay) throws(LastMileError) -> StoredPlan {
        let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
        guard lines.first?.split(separator: ",", omittingEmptySubsequences: false).map({ $0.trimmingCharacters(in: .whitespaces) })
            == ["vehicle", "departure", "order", "arrival"] else {
            throw LastMileError(.badInput, "the header must be vehicle,departure,order,arrival", at: ErrorLocation(file: file, line: 1),
                                hint: "one row per stop, in visiting order")
        }
        let fleet = Dictionary(day.vehicles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let orders = Dictionary(day.orders.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var departures: [String: TimeOfDay] = [:]
        var stops: [String: [DayPlan.Stop]] = [:]
        var breaks: [String: [DayPlan.Break]] = [:]
        var seen = Set<String>()
        for (offset, line) in lines.enumerated().dropFirst() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            func fail(_ column: String, _ message: String, hint: String? = nil) -> LastMileError {
                LastMileError(.badInput, message, at: ErrorLocation(file: file, line: offset + 1, field: column), hint: hint)
            }
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 4 else { throw fail("vehicle", "has \(cells.count) columns, not 4") }
            guard fleet[cells[0]] != nil else { throw fail("vehicle", "unknown vehicle '\(cells[0])'", hint: "use an id of the fleet") }
            guard let departure = TimeOfDay(parsing: cells[1]) else { throw fail("departure", "'\(cells[1])' is not a time HH:MM[:SS]") }
            guard departures[cells[0], default: departure] == departure else {
                throw fail("departure", "vehicle \(cells[0]) leaves at \(departures[cells[0]]!.withSeconds) on an earlier row")
            }
            departures[cells[0]] = departure
            if cells[2].hasPrefix("break:") {
                guard let minutes = Int(cells[2].dropFirst(6)), minutes > 0 else { throw fail("order", "'\(cells[2])' is not break:MINUTES") }
                let start = TimeOfDay(parsing: cells[3]) ?? departure
                breaks[cells[0], default: []].append(DayPlan.Break(afterStops: stops[cells[0], default: []].count, start: start, minutes: minutes))
                continue
            }
            guard let order = orders[cells[2]] else { throw fail("order", "unknown order '\(cells[2])' on \(day.date)") }
            guard seen.insert(order.id).inserted else { throw fail("order", "order \(order.id) is on an earlier row") }
            let arrival: TimeOfDay
            if cells[3].isEmpty {
                arrival = departure
            } else if let parsed = TimeOfDay(parsing: cells[3]) {
                arrival = parsed
            } else {
                throw fail("arrival", "'\(cells[3])' is not a time HH:MM[:SS]")
            }
            let start = max(arrival, order.windowStart)
            stops[cells[0], default: []].append(DayPlan.Stop(
                orderID: order.id, arrival: arrival, serviceStart: start, departure: start.adding(seconds: order.serviceSeconds), metresFromPrevious: 0))
        }
        let runs = stops.keys.sorted().map { id in
            let vehicle = fleet[id]!
            return StoredPlan.Run(
                vehicleID: id, driver: vehicle.driver, depotID: vehicle.depotID, endDepotID: vehicle.endDepotID ?? vehicle.depotID, departure: departures[id]!,
                end: stops[id]!.last!.departure, metres: 0, cost: .zero, stops: stops[id]!, breaks: breaks[id] ?? [])
        }
        let unassigned = day.orders.filter { !seen.contains($0.id) }.map { UnassignedOrder(orderID: $0.id, reason: "not in \(file)") }
        let version = PlanVersion(id: 0, date: day.date, version: 0, status: "routes file", cost: .zero, routes: runs.count, stops: seen.count,
                                  unassigned: unassigned.count)
        return StoredPlan(version: version, seed: 0, checked: false, runs: runs, unassigned: unassigned.sorted { $0.orderID < $1.orderID })
    }
}
