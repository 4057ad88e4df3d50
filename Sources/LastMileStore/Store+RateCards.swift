import Foundation
import GRDB
import LastMileCore
import LastMileDomain

extension Store {
    /// Stores rate-card lines read by ``RateCardFile`` in one transaction, replacing every stored line of the
    /// carriers the file names. Refuses the whole file (nothing stored) when any row has an issue, including
    /// a carrier or vehicle type that is not imported.
    ///
    /// - Throws: ``InputReport`` listing every bad row (file, line, column, reason).
    func importRateCards(_ parsed: (records: [(line: Int, record: RateCardItem)], issues: [InputIssue]), file: String) throws -> ImportSummary {
        let isJSON = file.lowercased().hasSuffix(".json")
        return try write { db in
            var issues = parsed.issues
            func exists(_ table: String, _ id: String) throws -> Bool {
                try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE id = ?)", arguments: [id]) ?? false
            }
            for (line, item) in parsed.records {
                if try !exists("carrier", item.carrierID) {
                    issues.append(InputIssue(file: file, line: line, column: "carrier", message: "carrier '\(item.carrierID)' is not imported; import carriers first", isRecordNumber: isJSON))
                }
                if let type = item.vehicleTypeID, try !exists("vehicle_type", type) {
                    issues.append(InputIssue(file: file, line: line, column: "vehicle_type", message: "vehicle type '\(type)' is not imported; import vehicle types first", isRecordNumber: isJSON))
                }
            }
            issues.sort { ($0.line ?? 0, $0.column ?? "") < ($1.line ?? 0, $1.column ?? "") }
            if !issues.isEmpty { throw InputReport(issues: issues) }
            let carriers = Array(Set(parsed.records.map(\.record.carrierID))).sorted()
            var replaced = 0
            for carrier in carriers {
                replaced += try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM rate_card_item WHERE carrier_id = ?", arguments: [carrier]) ?? 0
                try db.execute(sql: "DELETE FROM rate_card_item WHERE carrier_id = ?", arguments: [carrier])
            }
            for (line, item) in parsed.records {
                try db.execute(sql: """
                    INSERT INTO rate_card_item (carrier_id, vehicle_type_id, item, price_cents, percent_hundredths, after_seconds,
                        from_metres, to_metres, index_base_cents, index_now_cents, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [item.carrierID, item.vehicleTypeID, item.kind.rawValue, item.price.rawValue, item.percentHundredths,
                                     item.afterSeconds, item.fromMetres, item.toMetres, item.indexBase.rawValue, item.indexNow.rawValue, line])
            }
            try log(db, "import", "rate-cards from \(file): \(parsed.records.count) lines for \(carriers.joined(separator: ", ")), \(replaced) replaced")
            return ImportSummary(inserted: parsed.records.count, updated: 0, skipped: [])
        }
    }

    /// Every stored rate-card line, by carrier then the line it came from.
    public func rateCardItems() throws -> [RateCardItem] {
        try read { db in try Self.rateCardItems(db) }
    }

    static func rateCardItems(_ db: Database) throws -> [RateCardItem] {
        try Row.fetchAll(db, sql: "SELECT * FROM rate_card_item ORDER BY carrier_id, line").compactMap { row in
            guard let kind = RateCardItem.Kind(rawValue: row["item"]) else { return nil }
            return RateCardItem(
                carrierID: row["carrier_id"], vehicleTypeID: row["vehicle_type_id"], kind: kind, price: Cents(row["price_cents"]),
                percentHundredths: row["percent_hundredths"], afterSeconds: row["after_seconds"], fromMetres: row["from_metres"],
                toMetres: row["to_metres"], indexBase: Cents(row["index_base_cents"]), indexNow: Cents(row["index_now_cents"]))
        }
    }
}
