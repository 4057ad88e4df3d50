import Foundation
import LastMileCore

/// The `rate-cards` input file (CSV or JSON, columns in `docs/rate-cards.md`): one ``RateCardItem`` per row.
/// Rows are checked one by one (known item, the columns the item needs, no negative price, percentages and
/// hours in range, a band's `from_km` below its `to_km`) and together (one line per carrier, type and item;
/// bands of the same carrier and type do not overlap; an overtime rate is never below the hourly rate). Every
/// problem names the file, line and column; references to carriers and vehicle types are checked by the store.
public enum RateCardFile {
    public static let columns = ["carrier", "item", "vehicle_type", "price", "percent", "after_hours", "from_km", "to_km", "index_base", "index_now"]
    public static let requiredColumns = ["carrier", "item"]

    /// The items of `data` with their lines, and every issue found.
    public static func read(_ data: Data, file: String) throws(InputReport) -> (records: [(line: Int, record: RateCardItem)], issues: [InputIssue]) {
        var records: [(line: Int, record: RateCardItem)] = []
        var issues: [InputIssue] = []
        for var row in try InputTable.rows(of: data, file: file, columns: columns, required: requiredColumns) {
            let item = parse(&row)
            if row.issues.isEmpty, let item { records.append((row.line, item)) } else { issues += row.issues }
        }
        issues += crossRowIssues(records, file: file, isJSON: file.lowercased().hasSuffix(".json"))
        return (records, issues)
    }

    /// One row; `nil` when its item is unknown.
    static func parse(_ row: inout InputRow) -> RateCardItem? {
        let carrier = row.text("carrier")
        let type = row.optional("vehicle_type")
        guard let kind = row.choice("item", as: RateCardItem.Kind.self) else { return nil }
        var item = RateCardItem(carrierID: carrier, vehicleTypeID: type, kind: kind)
        func price(_ column: String) -> Cents {
            let value = row.decimal(column, in: -1_000_000...1_000_000)
            if value < 0 { row.complain(column, "is negative (\(row.optional(column) ?? "")); a price is 0 or more") }
            return Cents(Int64((value * 100).rounded()))
        }
        switch kind {
        case .fuelSurcharge:
            item.percentHundredths = Int64((row.decimal("percent", in: -100...100) * 100).rounded())
        case .fuelIndex:
            item.percentHundredths = Int64((row.decimal("percent", in: 0...100) * 100).rounded())
            item.indexBase = price("index_base")
            item.indexNow = price("index_now")
            if item.indexBase == .zero { row.complain("index_base", "is 0; the base fuel price must be above 0") }
        case .overtimePerHour:
            item.price = price("price")
            item.afterSeconds = Int64((row.decimal("after_hours", in: 0...24) * 3600).rounded())
        case .distanceBand:
            item.price = price("price")
            item.fromMetres = Int64((row.decimal("from_km", in: 0...10_000) * 1000).rounded())
            item.toMetres = Int64((row.decimal("to_km", in: 0...10_000) * 1000).rounded())
            if row.issues.isEmpty, item.fromMetres >= item.toMetres {
                row.complain("to_km", "the band's minimum from_km \(row.optional("from_km") ?? "") is not below its maximum to_km \(row.optional("to_km") ?? "")")
            }
        default:
            item.price = price("price")
        }
        return item
    }

    /// Problems between rows: a repeated item, overlapping bands, an overtime rate below the hourly rate.
    static func crossRowIssues(_ records: [(line: Int, record: RateCardItem)], file: String, isJSON: Bool) -> [InputIssue] {
        var issues: [InputIssue] = []
        var first: [String: Int] = [:]
        func issue(_ line: Int, _ column: String, _ message: String) {
            issues.append(InputIssue(file: file, line: line, column: column, message: message, isRecordNumber: isJSON))
        }
        func scope(_ item: RateCardItem) -> String { "carrier \(item.carrierID), " + (item.vehicleTypeID.map { "vehicle type \($0)" } ?? "every vehicle type") }
        for (line, item) in records where item.kind != .distanceBand && item.kind != .fuelSurcharge {
            let key = "\(item.carrierID)\u{0}\(item.vehicleTypeID ?? "")\u{0}\(item.kind.rawValue)"
            if let earlier = first[key] {
                issue(line, "item", "\(item.kind.rawValue) for \(scope(item)) was already given \(isJSON ? "by record" : "on line") \(earlier)")
            } else {
                first[key] = line
            }
        }
        // Bands of one carrier and type, in file order; each is compared with the earlier ones.
        let bands = records.filter { $0.record.kind == .distanceBand }
        for (k, band) in bands.enumerated() {
            for earlier in bands[..<k] where earlier.record.carrierID == band.record.carrierID
                && earlier.record.vehicleTypeID == band.record.vehicleTypeID
                && earlier.record.fromMetres < band.record.toMetres && band.record.fromMetres < earlier.record.toMetres
            {
                issue(band.line, "from_km", "the band \(km(band.record.fromMetres))–\(km(band.record.toMetres)) km overlaps the band "
                      + "\(km(earlier.record.fromMetres))–\(km(earlier.record.toMetres)) km \(isJSON ? "of record" : "on line") \(earlier.line) for \(scope(band.record))")
                break
            }
        }
        for (line, item) in records where item.kind == .overtimePerHour {
            let hourly = records.first { $0.record.kind == .perHour && $0.record.carrierID == item.carrierID
                && ($0.record.vehicleTypeID == item.vehicleTypeID || $0.record.vehicleTypeID == nil) }
            if let hourly, hourly.record.price > item.price {
                issue(line, "price", "the overtime rate \(item.price) per hour is below the hourly rate \(hourly.record.price) "
                      + "\(isJSON ? "of record" : "on line") \(hourly.line); overtime is paid at least the normal rate")
            }
        }
        return issues
    }

    private static func km(_ metres: Int64) -> String { FixedPoint.string(metres, decimals: 3).replacingOccurrences(of: #"\.?0+$"#, with: "", options: .regularExpression) }
}
