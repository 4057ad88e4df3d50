import Foundation
import LastMileCore

/// One record of an input file as text fields by column name, knowing where it came from; its typed getters
/// collect every problem (with line and column) instead of stopping at the first.
public struct InputRow: Sendable {
    public var file: String
    public var line: Int
    public var isJSON: Bool
    public var fields: [String: String]
    public private(set) var issues: [InputIssue] = []

    public init(file: String, line: Int, isJSON: Bool, fields: [String: String]) {
        self.file = file
        self.line = line
        self.isJSON = isJSON
        self.fields = fields
    }

    /// Where the row starts: `points.csv:12`, or `points.json, record 3`.
    public var location: ErrorLocation {
        ErrorLocation(file: file, line: isJSON ? nil : line, position: isJSON ? "record \(line)" : nil)
    }

    public mutating func complain(_ column: String?, _ message: String) {
        issues.append(InputIssue(file: file, line: line, column: column, message: message, isRecordNumber: isJSON))
    }

    /// The trimmed text of `column`, or `nil` when empty or absent.
    public func optional(_ column: String) -> String? {
        guard let value = fields[column]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    public mutating func text(_ column: String) -> String {
        guard let value = optional(column) else {
            complain(column, "is empty; every row needs it")
            return ""
        }
        return value
    }

    public mutating func integer(_ column: String, in range: ClosedRange<Int>, default fallback: Int? = nil) -> Int {
        guard let value = optional(column) else {
            if let fallback { return fallback }
            complain(column, "is empty; give a whole number in \(range.lowerBound)...\(range.upperBound)")
            return range.lowerBound
        }
        guard let number = Int(value), range.contains(number) else {
            complain(column, "'\(value)' is not a whole number in \(range.lowerBound)...\(range.upperBound)")
            return range.lowerBound
        }
        return number
    }

    public mutating func decimal(_ column: String, in range: ClosedRange<Double>, default fallback: Double? = nil) -> Double {
        guard let value = optional(column) else {
            if let fallback { return fallback }
            complain(column, "is empty; give a number in \(range.lowerBound)...\(range.upperBound)")
            return range.lowerBound
        }
        guard let number = Double(value), number.isFinite, range.contains(number) else {
            complain(column, "'\(value)' is not a number in \(range.lowerBound)...\(range.upperBound) (use a dot for decimals)")
            return range.lowerBound
        }
        return number
    }

    /// A money amount such as "12.50", in cents.
    public mutating func money(_ column: String) -> Cents {
        Cents(Int64((decimal(column, in: 0...1_000_000, default: 0) * 100).rounded()))
    }

    public mutating func time(_ column: String, default fallback: TimeOfDay? = nil) -> TimeOfDay {
        guard let value = optional(column) else {
            if let fallback { return fallback }
            complain(column, "is empty; give a time as HH:MM")
            return TimeOfDay(seconds: 0)
        }
        guard let time = TimeOfDay(parsing: value) else {
            complain(column, "'\(value)' is not a time; write HH:MM (24-hour, up to 47:59 for past midnight)")
            return TimeOfDay(seconds: 0)
        }
        return time
    }

    public mutating func coordinate(latitude: String, longitude: String) -> Coordinate {
        let lat = decimal(latitude, in: -90...90), lon = decimal(longitude, in: -180...180)
        return Coordinate(latitude: lat, longitude: lon) ?? Coordinate(latitudeE7: 0, longitudeE7: 0)
    }

    public mutating func choice<Choice: RawRepresentable & CaseIterable>(_ column: String, as type: Choice.Type) -> Choice?
    where Choice.RawValue == String {
        let value = text(column)
        guard !value.isEmpty else { return nil }
        guard let choice = Choice(rawValue: value) else {
            complain(column, "'\(value)' is not one of \(Choice.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "))")
            return nil
        }
        return choice
    }

    /// A date "YYYY-MM-DD".
    public mutating func date(_ column: String) -> String {
        let value = text(column)
        let parts = value.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil,
            (1...12).contains(month), (1...31).contains(day), parts[1].count == 2, parts[2].count == 2
        else {
            if !value.isEmpty { complain(column, "'\(value)' is not a date; write YYYY-MM-DD") }
            return value
        }
        return value
    }

    /// "SKU:quantity;SKU:quantity" (spaces allowed), each SKU once.
    public mutating func quantities(_ column: String, allowEmpty: Bool) -> [OrderItem] {
        guard let value = optional(column) else {
            if !allowEmpty { complain(column, "is empty; list items as SKU:quantity;SKU:quantity") }
            return []
        }
        var items: [OrderItem] = []
        for entry in value.split(separator: ";") {
            let parts = entry.split(separator: ":").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            guard parts.count == 2, !parts[0].isEmpty, let quantity = Int(parts[1]), quantity >= 0 else {
                complain(column, "'\(entry)' is not SKU:quantity (a whole number ≥ 0)")
                continue
            }
            guard !items.contains(where: { $0.sku == parts[0] }) else {
                complain(column, "SKU '\(parts[0])' is listed twice")
                continue
            }
            items.append(OrderItem(sku: parts[0], quantity: quantity))
        }
        return items
    }
}
