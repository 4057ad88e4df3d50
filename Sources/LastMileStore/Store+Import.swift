import Foundation
import GRDB
import LastMileCore
import LastMileDomain

/// What an import did.
public struct ImportSummary: Sendable {
    /// Rows whose id was new.
    public var inserted: Int
    /// Rows whose id was already stored: their stored values were replaced.
    public var updated: Int
    public var imported: Int { inserted + updated }
    /// Rows left out with `skipInvalid` (empty otherwise).
    public var skipped: [InputIssue]
}

extension Store {
    /// Imports one input file (CSV or JSON, see ``DispatchFile``) in a single transaction: rows are checked
    /// (types, ranges, references to depots, vehicle types and carriers already in the database or in the
    /// same file) and upserted by id. Any bad row refuses the whole file with every issue listed, unless
    /// `skipInvalid`, which imports the good rows and reports the rest. Rate cards are never half imported:
    /// any bad row refuses the file, `skipInvalid` or not.
    ///
    /// - Throws: ``InputReport`` listing every bad row (file, line, column, reason).
    public func importFile(_ kind: DispatchFile, data: Data, file: String, skipInvalid: Bool = false) throws -> ImportSummary {
        switch kind {
        case .depots:
            return try importRecords(kind, data, file, skipInvalid, parse: DispatchRecords.depot, validate: { _, _ in [] }, save: saveDepot)
        case .vehicleTypes:
            return try importRecords(kind, data, file, skipInvalid, parse: DispatchRecords.vehicleType, validate: { _, _ in [] }, save: saveVehicleType)
        case .carriers:
            return try importRecords(kind, data, file, skipInvalid, parse: DispatchRecords.carrier, validate: { _, _ in [] }, save: saveCarrier)
        case .orders:
            return try importRecords(kind, data, file, skipInvalid, parse: DispatchRecords.order, validate: { _, _ in [] }, save: saveOrder)
        case .rateCards:
            return try importRateCards(try RateCardFile.read(data, file: file), file: file)
        case .fleet:
            return try importRecords(kind, data, file, skipInvalid, parse: DispatchRecords.fleetVehicle, validate: { db, vehicle in
                var problems: [(String, String)] = []
                func exists(_ table: String, _ id: String) throws -> Bool {
                    try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE id = ?)", arguments: [id]) ?? false
                }
                if try !exists("vehicle_type", vehicle.typeID) { problems.append(("type", "vehicle type '\(vehicle.typeID)' is not imported; import vehicle types first")) }
                if try !exists("depot", vehicle.depotID) { problems.append(("depot", "depot '\(vehicle.depotID)' is not imported; import depots first")) }
                if let end = vehicle.endDepotID, try !exists("depot", end) { problems.append(("end_depot", "depot '\(end)' is not imported")) }
                if try !exists("carrier", vehicle.carrierID) { problems.append(("carrier", "carrier '\(vehicle.carrierID)' is not imported; import carriers first")) }
                return problems
            }, save: saveFleetVehicle)
        }
    }

    /// Imports orders already read from a file of another shape (e.g. a VROOM problem's jobs), with the issues
    /// found reading it, all or nothing like ``importFile(_:data:file:skipInvalid:)``.
    ///
    /// - Parameters:
    ///   - kind: what the rows are, for the event log ("orders (VROOM jobs)").
    ///   - numberedByRecord: whether `line` numbers JSON records rather than text lines.
    public func importOrders(
        _ records: [(line: Int, record: Order)], issues: [InputIssue], kind: String, file: String, numberedByRecord: Bool,
        skipInvalid: Bool = false
    ) throws -> ImportSummary {
        try store((records, issues), kind: kind, file: file, isJSON: numberedByRecord, skipInvalid: skipInvalid,
                  validate: { _, _ in [] }, save: saveOrder)
    }

    private func importRecords<Record>(
        _ kind: DispatchFile, _ data: Data, _ file: String, _ skipInvalid: Bool, parse: (inout InputRow) -> Record,
        validate: @escaping (Database, Record) throws -> [(column: String, message: String)],
        save: @escaping (Database, Record) throws -> Bool
    ) throws -> ImportSummary {
        try store(try kind.read(data, file: file, as: parse), kind: kind.rawValue, file: file,
                  isJSON: file.lowercased().hasSuffix(".json"), skipInvalid: skipInvalid, validate: validate, save: save)
    }

    /// Checks references and writes valid records in one transaction; refuses everything on any issue unless
    /// `skipInvalid`.
    private func store<Record>(
        _ parsed: (records: [(line: Int, record: Record)], issues: [InputIssue]), kind: String, file: String, isJSON: Bool,
        skipInvalid: Bool, validate: @escaping (Database, Record) throws -> [(column: String, message: String)],
        save: @escaping (Database, Record) throws -> Bool
    ) throws -> ImportSummary {
        let (records, rowIssues) = parsed
        return try write { db in
            var issues = rowIssues
            var valid: [Record] = []
            for (line, record) in records {
                let problems = try validate(db, record)
                if problems.isEmpty {
                    valid.append(record)
                } else {
                    issues += problems.map { InputIssue(file: file, line: line, column: $0.column, message: $0.message, isRecordNumber: isJSON) }
                }
            }
            issues.sort { ($0.line ?? 0) < ($1.line ?? 0) }
            if !issues.isEmpty && !skipInvalid { throw InputReport(issues: issues) }
            var inserted = 0
            for record in valid where try save(db, record) { inserted += 1 }
            let updated = valid.count - inserted
            try log(db, "import", "\(kind) from \(file): \(inserted) inserted, \(updated) updated, \(issues.count) problems skipped")
            return ImportSummary(inserted: inserted, updated: updated, skipped: issues)
        }
    }

    private func saveDepot(_ db: Database, _ depot: DepotSite) throws -> Bool {
        let existed = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM depot WHERE id = ?)", arguments: [depot.id]) ?? false
        try db.execute(sql: """
            INSERT INTO depot (id, name, kind, lat, lon, opens, closes, loading_seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, lat = excluded.lat, lon = excluded.lon,
                opens = excluded.opens, closes = excluded.closes, loading_seconds = excluded.loading_seconds
            """, arguments: [depot.id, depot.name, depot.kind.rawValue, depot.coordinate.latitude, depot.coordinate.longitude,
                             depot.opens.seconds, depot.closes.seconds, depot.loadingSeconds])
        for sku in depot.stock.keys.sorted() {
            try db.execute(sql: """
                INSERT INTO stock (depot_id, sku, quantity) VALUES (?, ?, ?)
                ON CONFLICT (depot_id, sku) DO UPDATE SET quantity = excluded.quantity
                """, arguments: [depot.id, sku, depot.stock[sku]!])
        }
        return !existed
    }

    private func saveVehicleType(_ db: Database, _ type: VehicleType) throws -> Bool {
        let existed = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM vehicle_type WHERE id = ?)", arguments: [type.id]) ?? false
        try db.execute(sql: """
            INSERT OR REPLACE INTO vehicle_type (id, name, mode, capacity_grams, capacity_millilitres, capacity_parcels,
                fixed_cost_cents, cents_per_km, cents_per_hour, co2_grams_per_km, speed_factor, energy, consumption_milli_per_km, grid_country)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [type.id, type.name, type.mode.rawValue, type.capacity.grams, type.capacity.millilitres, type.capacity.parcels,
                             type.fixedCost.rawValue, type.centsPerKilometre, type.centsPerHour, type.co2GramsPerKilometre, type.speedFactor,
                             type.energy?.rawValue, type.consumptionMilliUnitsPerKilometre, type.gridCountry])
        return !existed
    }

    private func saveCarrier(_ db: Database, _ carrier: Carrier) throws -> Bool {
        let existed = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM carrier WHERE id = ?)", arguments: [carrier.id]) ?? false
        try db.execute(sql: "INSERT INTO carrier (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name",
                       arguments: [carrier.id, carrier.name])
        return !existed
    }

    private func saveFleetVehicle(_ db: Database, _ vehicle: FleetVehicle) throws -> Bool {
        let existed = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM shift WHERE vehicle_id = ? AND date IS ?)", arguments: [vehicle.id, vehicle.date]) ?? false
        try db.execute(sql: """
            INSERT INTO vehicle (id, type_id, depot_id, end_depot_id, carrier_id) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET type_id = excluded.type_id, depot_id = excluded.depot_id,
                end_depot_id = excluded.end_depot_id, carrier_id = excluded.carrier_id
            """, arguments: [vehicle.id, vehicle.typeID, vehicle.depotID, vehicle.endDepotID, vehicle.carrierID])
        try db.execute(sql: "INSERT INTO driver (id, carrier_id) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET carrier_id = excluded.carrier_id",
                       arguments: [vehicle.driver, vehicle.carrierID])
        try db.execute(sql: "DELETE FROM shift WHERE vehicle_id = ? AND date IS ?", arguments: [vehicle.id, vehicle.date])
        try db.execute(sql: """
            INSERT INTO shift (vehicle_id, date, driver_id, starts, ends, break_earliest, break_latest, break_seconds)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [vehicle.id, vehicle.date, vehicle.driver, vehicle.shiftStart.seconds, vehicle.shiftEnd.seconds,
                             vehicle.driverBreak?.earliest.seconds, vehicle.driverBreak?.latest.seconds,
                             vehicle.driverBreak.map { $0.minutes * 60 }])
        return !existed
    }

    private func saveOrder(_ db: Database, _ order: Order) throws -> Bool {
        let existed = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \"order\" WHERE id = ?)", arguments: [order.id]) ?? false
        try db.execute(sql: """
            INSERT INTO "order" (id, date, customer, lat, lon, weight_grams, volume_millilitres, window_start, window_end,
                service_seconds, priority) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET date = excluded.date, customer = excluded.customer, lat = excluded.lat, lon = excluded.lon,
                weight_grams = excluded.weight_grams, volume_millilitres = excluded.volume_millilitres,
                window_start = excluded.window_start, window_end = excluded.window_end,
                service_seconds = excluded.service_seconds, priority = excluded.priority
            """, arguments: [order.id, order.date, order.customer, order.coordinate.latitude, order.coordinate.longitude,
                             order.load.grams, order.load.millilitres, order.windowStart.seconds, order.windowEnd.seconds,
                             order.serviceSeconds, order.priority])
        try db.execute(sql: "DELETE FROM order_item WHERE order_id = ?", arguments: [order.id])
        for item in order.items {
            try db.execute(sql: "INSERT INTO order_item (order_id, sku, quantity) VALUES (?, ?, ?)", arguments: [order.id, item.sku, item.quantity])
        }
        return !existed
    }
}
