import Foundation
import LastMileCore

/// The input files a dispatcher brings, their documented columns, and how a row becomes a record.
/// Every bad row is reported (line, column, reason); a file with any bad row yields no records unless the
/// caller asks to skip invalid rows.
public enum DispatchFile: String, Sendable, CaseIterable {
    case depots
    case vehicleTypes = "vehicle-types"
    case fleet
    case carriers
    case orders
    case rateCards = "rate-cards"

    /// Columns, required first; see the README's "Input files" section.
    public var columns: [String] {
        switch self {
        case .depots: ["id", "name", "kind", "lat", "lon", "opens", "closes", "loading_minutes", "stock"]
        case .vehicleTypes:
            ["id", "name", "mode", "capacity_kg", "capacity_litres", "capacity_parcels", "fixed_cost", "cost_per_km", "cost_per_hour",
             "co2_g_per_km", "speed_factor", "energy", "consumption_per_100km", "grid_country"]
        case .fleet:
            ["id", "type", "depot", "carrier", "driver", "shift_start", "shift_end", "end_depot", "break_start", "break_end", "break_minutes",
             "date"]
        case .carriers: ["id", "name"]
        case .orders:
            ["id", "date", "lat", "lon", "items", "weight_kg", "volume_litres", "window_start", "window_end", "customer", "service_minutes", "priority"]
        case .rateCards: RateCardFile.columns
        }
    }

    /// The columns every file of this kind must name, even one without rows: the first of ``columns``.
    public var requiredColumns: [String] {
        let count = switch self {
        case .depots: 7
        case .vehicleTypes: 6
        case .fleet: 7
        case .carriers: 2
        case .orders: 9
        case .rateCards: RateCardFile.requiredColumns.count
        }
        return Array(columns.prefix(count))
    }

    /// Records parsed from `data`, with the rows they came from, and every issue found. Ids must be unique
    /// within the file. A header that lacks a required column or names an unknown one fails the whole file.
    public func read<Record>(_ data: Data, file: String, as parse: (inout InputRow) -> Record) throws(InputReport)
        -> (records: [(line: Int, record: Record)], issues: [InputIssue])
    {
        var records: [(line: Int, record: Record)] = []
        var issues: [InputIssue] = []
        var firstLine: [String: Int] = [:]
        for var row in try InputTable.rows(of: data, file: file, columns: columns, required: requiredColumns) {
            let record = parse(&row)
            // A fleet file may list a vehicle once per date (its shift that day).
            if let id = row.optional("id") {
                let key = self == .fleet ? id + " " + (row.optional("date") ?? "every day") : id
                if let earlier = firstLine[key] {
                    row.complain("id", "'\(id)' was already used \(row.isJSON ? "by record" : "on line") \(earlier)")
                } else {
                    firstLine[key] = row.line
                }
            }
            if row.issues.isEmpty { records.append((row.line, record)) } else { issues += row.issues }
        }
        return (records, issues)
    }
}

/// Row → record conversions, one per file kind. Each reads every column so that all problems are reported.
public enum DispatchRecords {
    public static func depot(_ row: inout InputRow) -> DepotSite {
        let id = row.text("id"), name = row.text("name")
        let kind = row.choice("kind", as: DepotSite.Kind.self) ?? .darkStore
        let coordinate = row.coordinate(latitude: "lat", longitude: "lon")
        let opens = row.time("opens"), closes = row.time("closes")
        if closes <= opens { row.complain("closes", "\(closes) is not after opens \(opens)") }
        let loading = row.decimal("loading_minutes", in: 0...240, default: 0)
        let stock = row.quantities("stock", allowEmpty: true)
        return DepotSite(
            id: id, name: name, kind: kind, coordinate: coordinate, opens: opens, closes: closes,
            loadingSeconds: Int((loading * 60).rounded()), stock: Dictionary(uniqueKeysWithValues: stock.map { ($0.sku, $0.quantity) })
        )
    }

    public static func vehicleType(_ row: inout InputRow) -> VehicleType {
        let id = row.text("id"), name = row.text("name")
        let mode = row.choice("mode", as: VehicleType.Mode.self) ?? .car
        let capacity = Load(
            grams: Int64((row.decimal("capacity_kg", in: 0...100_000) * 1000).rounded()),
            millilitres: Int64((row.decimal("capacity_litres", in: 0...100_000) * 1000).rounded()),
            parcels: Int64(row.integer("capacity_parcels", in: 0...100_000))
        )
        let fixed = row.money("fixed_cost"), perKm = row.money("cost_per_km"), perHour = row.money("cost_per_hour")
        let co2 = row.integer("co2_g_per_km", in: 0...5000, default: 0)
        let speed = row.decimal("speed_factor", in: 0.1...3, default: 1)
        let energy = row.optional("energy") == nil ? nil : row.choice("energy", as: EnergyCarrier.self)
        let consumption = row.decimal("consumption_per_100km", in: 0...1000, default: 0)
        if let energy, energy != .human, consumption == 0 {
            row.complain("consumption_per_100km", "is empty or 0; a vehicle running on \(energy.rawValue) needs its consumption in \(energy.unit) per 100 km")
        }
        return VehicleType(
            id: id, name: name, mode: mode, capacity: capacity, fixedCost: fixed, centsPerKilometre: perKm.rawValue,
            centsPerHour: perHour.rawValue, co2GramsPerKilometre: Int64(co2), speedFactor: speed, energy: energy,
            consumptionMilliUnitsPerKilometre: Int64((consumption * 10).rounded()), gridCountry: row.optional("grid_country")?.uppercased()
        )
    }

    public static func fleetVehicle(_ row: inout InputRow) -> FleetVehicle {
        let id = row.text("id"), type = row.text("type"), depot = row.text("depot"), carrier = row.text("carrier")
        let driver = row.text("driver")
        let start = row.time("shift_start"), end = row.time("shift_end")
        if end <= start { row.complain("shift_end", "\(end) is not after shift_start \(start)") }
        var driverBreak: DriverBreakRule?
        if row.optional("break_minutes") != nil || row.optional("break_start") != nil || row.optional("break_end") != nil {
            let earliest = row.time("break_start"), latest = row.time("break_end")
            let minutes = row.integer("break_minutes", in: 1...240)
            if latest < earliest { row.complain("break_end", "\(latest) is before break_start \(earliest)") }
            driverBreak = DriverBreakRule(earliest: earliest, latest: latest, minutes: minutes)
        }
        return FleetVehicle(
            id: id, typeID: type, depotID: depot, endDepotID: row.optional("end_depot"), carrierID: carrier, driver: driver,
            shiftStart: start, shiftEnd: end, driverBreak: driverBreak, date: row.optional("date") == nil ? nil : row.date("date")
        )
    }

    public static func carrier(_ row: inout InputRow) -> Carrier {
        Carrier(id: row.text("id"), name: row.text("name"))
    }

    public static func order(_ row: inout InputRow) -> Order {
        let id = row.text("id"), date = row.date("date")
        let coordinate = row.coordinate(latitude: "lat", longitude: "lon")
        let items = row.quantities("items", allowEmpty: false)
        if items.contains(where: { $0.quantity == 0 }) { row.complain("items", "every item needs a quantity of at least 1") }
        let load = Load(
            grams: Int64((row.decimal("weight_kg", in: 0...10_000) * 1000).rounded()),
            millilitres: Int64((row.decimal("volume_litres", in: 0...10_000) * 1000).rounded()), parcels: 1
        )
        let start = row.time("window_start"), end = row.time("window_end")
        if end <= start { row.complain("window_end", "\(end) is not after window_start \(start)") }
        let service = row.decimal("service_minutes", in: 0...240, default: 3)
        return Order(
            id: id, date: date, customer: row.optional("customer") ?? "", coordinate: coordinate, items: items, load: load,
            windowStart: start, windowEnd: end, serviceSeconds: Int((service * 60).rounded()),
            priority: row.integer("priority", in: 0...100, default: 0)
        )
    }
}
