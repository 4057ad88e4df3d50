import Foundation
import GRDB
import LastMileCore
import LastMileDomain

extension Store {
    /// Everything needed to plan `date`: its orders, the depots with the stock not reserved by active plans of
    /// other dates, the vehicle types, the fleet with the shift of that date (or the every-day shift), carriers.
    public func day(_ date: String) throws -> DispatchDay {
        try read { db in
            var stock: [String: [String: Int]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT s.depot_id, s.sku, s.quantity - ifnull((SELECT sum(r.quantity) FROM reservation r JOIN plan p ON p.id = r.plan_id
                    WHERE p.status = 'active' AND p.date <> ? AND r.depot_id = s.depot_id AND r.sku = s.sku), 0) AS available
                FROM stock s ORDER BY s.depot_id, s.sku
                """, arguments: [date])
            {
                stock[row["depot_id"], default: [:]][row["sku"]] = max(0, row["available"] as Int)
            }
            let depots = try Self.depots(db, stock: stock)
            let types = try Row.fetchAll(db, sql: "SELECT * FROM vehicle_type ORDER BY id").map { row in
                VehicleType(
                    id: row["id"], name: row["name"], mode: VehicleType.Mode(rawValue: row["mode"]) ?? .car,
                    capacity: Load(grams: row["capacity_grams"], millilitres: row["capacity_millilitres"], parcels: row["capacity_parcels"]),
                    fixedCost: Cents(row["fixed_cost_cents"]), centsPerKilometre: row["cents_per_km"], centsPerHour: row["cents_per_hour"],
                    co2GramsPerKilometre: row["co2_grams_per_km"], speedFactor: row["speed_factor"],
                    energy: (row["energy"] as String?).flatMap(EnergyCarrier.init(rawValue:)),
                    consumptionMilliUnitsPerKilometre: row["consumption_milli_per_km"], gridCountry: row["grid_country"]
                )
            }
            let vehicles = try Row.fetchAll(db, sql: """
                SELECT v.*, s.date, s.driver_id, s.starts, s.ends, s.break_earliest, s.break_latest, s.break_seconds
                FROM vehicle v JOIN shift s ON s.vehicle_id = v.id
                WHERE s.date = ? OR (s.date IS NULL AND NOT EXISTS (SELECT 1 FROM shift d WHERE d.vehicle_id = v.id AND d.date = ?))
                ORDER BY v.id
                """, arguments: [date, date]).map { row in
                let breakSeconds: Int? = row["break_seconds"]
                return FleetVehicle(
                    id: row["id"], typeID: row["type_id"], depotID: row["depot_id"], endDepotID: row["end_depot_id"],
                    carrierID: row["carrier_id"], driver: row["driver_id"], shiftStart: TimeOfDay(seconds: row["starts"]),
                    shiftEnd: TimeOfDay(seconds: row["ends"]),
                    driverBreak: breakSeconds.map { DriverBreakRule(earliest: TimeOfDay(seconds: row["break_earliest"]),
                                                                    latest: TimeOfDay(seconds: row["break_latest"]), minutes: $0 / 60) },
                    date: row["date"]
                )
            }
            let carriers = try Row.fetchAll(db, sql: "SELECT * FROM carrier ORDER BY id").map { Carrier(id: $0["id"], name: $0["name"]) }
            var items: [String: [OrderItem]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT i.order_id, i.sku, i.quantity FROM order_item i JOIN "order" o ON o.id = i.order_id WHERE o.date = ? ORDER BY i.order_id, i.sku
                """, arguments: [date])
            {
                items[row["order_id"], default: []].append(OrderItem(sku: row["sku"], quantity: row["quantity"]))
            }
            let orders = try Row.fetchAll(db, sql: #"SELECT * FROM "order" WHERE date = ? ORDER BY id"#, arguments: [date]).map { row in
                Order(
                    id: row["id"], date: row["date"], customer: row["customer"],
                    coordinate: Coordinate(latitude: row["lat"], longitude: row["lon"]) ?? Coordinate(latitudeE7: 0, longitudeE7: 0),
                    items: items[row["id"]] ?? [], load: Load(grams: row["weight_grams"], millilitres: row["volume_millilitres"], parcels: 1),
                    windowStart: TimeOfDay(seconds: row["window_start"]), windowEnd: TimeOfDay(seconds: row["window_end"]),
                    serviceSeconds: row["service_seconds"], priority: row["priority"]
                )
            }
            return DispatchDay(date: date, depots: depots, vehicleTypes: types, vehicles: vehicles, carriers: carriers, orders: orders,
                               rateCardItems: try Self.rateCardItems(db))
        }
    }

    /// Every depot with its whole stock (no reservations subtracted), by id.
    public func depots() throws -> [DepotSite] {
        try read { db in
            var stock: [String: [String: Int]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT depot_id, sku, quantity FROM stock ORDER BY depot_id, sku") {
                stock[row["depot_id"], default: [:]][row["sku"]] = row["quantity"] as Int
            }
            return try Self.depots(db, stock: stock)
        }
    }

    /// The carrier of every vehicle of the fleet, by vehicle id: one small query, for checking what a key may
    /// reach on every request.
    public func vehicleCarriers() throws -> [String: String] {
        try read { db in
            var carriers: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, carrier_id FROM vehicle") { carriers[row["id"]] = row["carrier_id"] as String }
            return carriers
        }
    }

    /// Every carrier, by id.
    public func carriers() throws -> [Carrier] {
        try read { db in try Row.fetchAll(db, sql: "SELECT id, name FROM carrier ORDER BY id").map { Carrier(id: $0["id"], name: $0["name"]) } }
    }

    /// The depot rows with `stock[depot id]` as their stock.
    private static func depots(_ db: Database, stock: [String: [String: Int]]) throws -> [DepotSite] {
        try Row.fetchAll(db, sql: "SELECT * FROM depot ORDER BY id").map { row in
            DepotSite(
                id: row["id"], name: row["name"], kind: DepotSite.Kind(rawValue: row["kind"]) ?? .darkStore,
                coordinate: Coordinate(latitude: row["lat"], longitude: row["lon"]) ?? Coordinate(latitudeE7: 0, longitudeE7: 0),
                opens: TimeOfDay(seconds: row["opens"]), closes: TimeOfDay(seconds: row["closes"]),
                loadingSeconds: row["loading_seconds"], stock: stock[row["id"]] ?? [:]
            )
        }
    }

    /// Stores `plan` as the next version of its date in one transaction: the previous active version is marked
    /// replaced (its stock reservations no longer count), the new one's routes, stops, unassigned orders and
    /// reservations are written, and no depot may end up with more reserved than it holds. On any failure
    /// nothing changes: the previous version stays active.
    ///
    /// - Parameter interruption: test hook, called after the routes are written; throwing from it aborts the
    ///   commit as a crash mid-plan would.
    /// - Returns: the stored version.
    @discardableResult
    public func commit(_ plan: DayPlan, interruption: ((Int) throws -> Void)? = nil) throws -> PlanVersion {
        try write { db in
            let version = (try Int.fetchOne(db, sql: "SELECT max(version) FROM plan WHERE date = ?", arguments: [plan.date]) ?? 0) + 1
            try db.execute(sql: "UPDATE plan SET status = 'replaced' WHERE date = ? AND status = 'active'", arguments: [plan.date])
            try db.execute(sql: """
                INSERT INTO plan (date, version, created_at, status, seed, cost_cents, checked) VALUES (?, ?, ?, 'active', ?, ?, ?)
                """, arguments: [plan.date, version, Self.now(), Int64(bitPattern: plan.seed), plan.totalCost.rawValue, plan.checked])
            let planID = db.lastInsertedRowID
            for run in plan.runs {
                try db.execute(sql: """
                    INSERT INTO route (plan_id, vehicle_id, driver, depot_id, end_depot_id, departure, arrival, metres, cost_cents, drive_seconds)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [planID, run.vehicleID, run.driver, run.depotID, run.endDepotID, run.departure.seconds, run.end.seconds,
                                     run.metres, run.cost.rawValue, run.driveSeconds])
                let routeID = db.lastInsertedRowID
                for driverBreak in run.breaks {
                    try db.execute(sql: "INSERT INTO route_break (route_id, after_stops, start, minutes) VALUES (?, ?, ?, ?)",
                                   arguments: [routeID, driverBreak.afterStops, driverBreak.start.seconds, driverBreak.minutes])
                }
                for (sequence, stop) in run.stops.enumerated() {
                    try db.execute(sql: """
                        INSERT INTO stop (route_id, sequence, order_id, arrival, service_start, departure) VALUES (?, ?, ?, ?, ?, ?)
                        """, arguments: [routeID, sequence + 1, stop.orderID, stop.arrival.seconds, stop.serviceStart.seconds, stop.departure.seconds])
                }
            }
            try interruption?(version)
            for unassigned in plan.unassigned {
                try db.execute(sql: "INSERT INTO unassigned (plan_id, order_id, reason) VALUES (?, ?, ?)",
                               arguments: [planID, unassigned.orderID, unassigned.reason])
            }
            for reservation in plan.reservations {
                try db.execute(sql: "INSERT INTO reservation (plan_id, depot_id, sku, quantity) VALUES (?, ?, ?, ?)",
                               arguments: [planID, reservation.depotID, reservation.sku, reservation.quantity])
            }
            if let row = try Row.fetchOne(db, sql: """
                SELECT r.depot_id, r.sku, sum(r.quantity) AS reserved, s.quantity FROM reservation r JOIN plan p ON p.id = r.plan_id
                JOIN stock s ON s.depot_id = r.depot_id AND s.sku = r.sku WHERE p.status = 'active'
                GROUP BY r.depot_id, r.sku HAVING reserved > s.quantity LIMIT 1
                """)
            {
                throw StoreError.conflict("depot \(row["depot_id"] as String) would have \(row["reserved"] as Int) of \(row["sku"] as String) reserved but holds \(row["quantity"] as Int)")
            }
            try log(db, "plan", plan: planID, "\(plan.date) version \(version): \(plan.runs.count) routes, \(plan.unassigned.count) unassigned, cost \(plan.totalCost)")
            return try versions(db, date: plan.date).first { $0.version == version }!
        }
    }

    /// Runs `sql` as an update, for tests of the schema's guarantees.
    func execute(_ sql: String) throws {
        try write { db in try db.execute(sql: sql) }
    }

    /// The version number of `date`'s active plan, or `nil` when the date has none.
    public func activePlanVersion(date: String) throws -> Int? {
        try read { db in try Int.fetchOne(db, sql: "SELECT version FROM plan WHERE date = ? AND status = 'active'", arguments: [date]) }
    }

    /// Every version of `date`, oldest first.
    public func planVersions(date: String) throws -> [PlanVersion] {
        try read { db in try versions(db, date: date) }
    }

    /// Version `version` of `date` (the active one when `nil`) with its runs, stops, breaks and unassigned
    /// orders; `nil` when there is no such version.
    public func storedPlan(date: String, version: Int? = nil) throws -> StoredPlan? {
        try read { db in
            let all = try versions(db, date: date)
            guard let chosen = version.map({ v in all.first { $0.version == v } }) ?? all.last(where: { $0.status == "active" }) else {
                return nil
            }
            let plan = try Row.fetchOne(db, sql: "SELECT seed, checked FROM plan WHERE id = ?", arguments: [chosen.id])!
            var stops: [Int64: [DayPlan.Stop]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT s.route_id, s.order_id, s.arrival, s.service_start, s.departure FROM stop s JOIN route r ON r.id = s.route_id
                WHERE r.plan_id = ? ORDER BY s.route_id, s.sequence
                """, arguments: [chosen.id])
            {
                stops[row["route_id"], default: []].append(DayPlan.Stop(
                    orderID: row["order_id"], arrival: TimeOfDay(seconds: row["arrival"]), serviceStart: TimeOfDay(seconds: row["service_start"]),
                    departure: TimeOfDay(seconds: row["departure"]), metresFromPrevious: 0))
            }
            var breaks: [Int64: [DayPlan.Break]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT b.route_id, b.after_stops, b.start, b.minutes FROM route_break b JOIN route r ON r.id = b.route_id
                WHERE r.plan_id = ? ORDER BY b.route_id, b.after_stops, b.start
                """, arguments: [chosen.id])
            {
                breaks[row["route_id"], default: []].append(
                    DayPlan.Break(afterStops: row["after_stops"], start: TimeOfDay(seconds: row["start"]), minutes: row["minutes"]))
            }
            let runs = try Row.fetchAll(db, sql: "SELECT * FROM route WHERE plan_id = ? ORDER BY vehicle_id", arguments: [chosen.id]).map { row in
                let id: Int64 = row["id"]
                return StoredPlan.Run(
                    vehicleID: row["vehicle_id"], driver: row["driver"], depotID: row["depot_id"], endDepotID: row["end_depot_id"],
                    departure: TimeOfDay(seconds: row["departure"]), end: TimeOfDay(seconds: row["arrival"]), metres: row["metres"],
                    cost: Cents(row["cost_cents"]), stops: stops[id] ?? [], breaks: breaks[id] ?? [], driveSeconds: row["drive_seconds"])
            }
            let unassigned = try Row.fetchAll(db, sql: "SELECT order_id, reason FROM unassigned WHERE plan_id = ? ORDER BY order_id",
                                              arguments: [chosen.id]).map { UnassignedOrder(orderID: $0["order_id"], reason: $0["reason"]) }
            return StoredPlan(version: chosen, seed: UInt64(bitPattern: plan["seed"]), checked: plan["checked"], runs: runs, unassigned: unassigned)
        }
    }

    private func versions(_ db: Database, date: String) throws -> [PlanVersion] {
        try Row.fetchAll(db, sql: """
            SELECT p.id, p.date, p.version, p.status, p.cost_cents,
                (SELECT count(*) FROM route r WHERE r.plan_id = p.id) AS routes,
                (SELECT count(*) FROM stop s JOIN route r ON r.id = s.route_id WHERE r.plan_id = p.id) AS stops,
                (SELECT count(*) FROM unassigned u WHERE u.plan_id = p.id) AS unassigned
            FROM plan p WHERE p.date = ? ORDER BY p.version
            """, arguments: [date]).map { row in
            PlanVersion(id: row["id"], date: row["date"], version: row["version"], status: row["status"], cost: Cents(row["cost_cents"]),
                        routes: row["routes"], stops: row["stops"], unassigned: row["unassigned"])
        }
    }
}
