import Foundation
import LastMileCore

/// Reads an input file into rows of text fields: CSV (RFC 4180: a header line, commas, double quotes with `""`
/// inside, fields may span lines; each row remembers the line it starts on) or JSON (an array of objects, or
/// an object holding one such array; numbers become text, `items`/`stock` may be arrays of
/// `{"sku", "quantity"}`).
///
/// The header is checked on its own, so a file without rows is checked too: every column in `required` must be
/// named (CSV: in the header line; JSON: by some record), and columns outside `columns` are refused so that a
/// typo is not silently ignored — unless `otherColumns` is `.ignored`.
public enum InputTable {
    /// What happens to columns outside the documented ones.
    public enum OtherColumns: Sendable {
        /// An unknown column is an issue (the dispatcher's files: a typo must not be ignored).
        case refused
        /// Unknown columns are read and left unused (files exported from elsewhere, such as points files).
        case ignored
    }

    ///
    /// More than `maxRows` rows (``InputLimits/maxTableRows``) is one issue on the first row past the limit.
    public static func rows(
        of data: Data, file: String, columns: [String], required: [String] = [], otherColumns: OtherColumns = .refused,
        maxRows: Int = InputLimits.maxTableRows
    ) throws(InputReport) -> [InputRow] {
        let isJSON = file.lowercased().hasSuffix(".json")
        let (header, rows) = isJSON ? try jsonRows(data, file: file) : try csvRows(data, file: file)
        guard rows.count <= maxRows else {
            throw InputReport(issues: [InputIssue(
                file: file, line: rows[maxRows].line,
                message: "more than \(maxRows) rows (the limit of one file); split the file and load each part", isRecordNumber: isJSON
            )])
        }
        // A column's line: the header's (CSV) or the first record naming it (JSON).
        func line(of column: String) -> Int? { isJSON ? rows.first { $0.fields[column] != nil }?.line : 1 }
        var issues: [InputIssue] = []
        if !isJSON || !rows.isEmpty {
            for column in required where !header.contains(column) {
                issues.append(InputIssue(file: file, line: isJSON ? nil : 1, column: column,
                                          message: "missing column; the header must name \(required.joined(separator: ", "))"))
            }
        }
        if otherColumns == .refused {
            let known = Set(columns)
            for column in header.sorted() where !known.contains(column) {
                issues.append(InputIssue(file: file, line: line(of: column), column: column,
                                          message: "unknown column; expected \(columns.joined(separator: ", "))", isRecordNumber: isJSON))
            }
        }
        guard issues.isEmpty else { throw InputReport(issues: issues, concernsColumns: true) }
        return rows
    }

    /// The header's column names and the rows.
    static func csvRows(_ data: Data, file: String) throws(InputReport) -> (header: [String], rows: [InputRow]) {
        func fail(_ line: Int, _ message: String) -> InputReport { InputReport(issues: [InputIssue(file: file, line: line, message: message)]) }
        guard let text = String(data: data, encoding: .utf8) else { throw fail(1, "is not UTF-8 text") }
        var records: [(line: Int, fields: [String])] = []
        var field = "", fields: [String] = [], quoted = false, afterQuote = false
        var line = 1, recordLine = 1
        var characters = text.unicodeScalars.makeIterator()
        var pending = characters.next()
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty) { records.append((recordLine, fields)) }
            field = ""
            fields = []
        }
        while let c = pending {
            pending = characters.next()
            if quoted {
                if c == "\"" {
                    if pending == "\"" { field.unicodeScalars.append("\""); pending = characters.next() } else { quoted = false; afterQuote = true }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case ",":
                fields.append(field)
                field = ""
                afterQuote = false
            case "\r" where pending == "\n":
                continue
            case "\n", "\r":
                endRecord()
                afterQuote = false
                line += 1
                recordLine = line
            case "\"" where field.isEmpty && !afterQuote:
                quoted = true
            default:
                if afterQuote { throw fail(line, "text after a closing quote; quote the whole field and double inner quotes (\"\")") }
                field.unicodeScalars.append(c)
            }
        }
        if quoted { throw fail(recordLine, "a quoted field is never closed") }
        endRecord()
        guard let header = records.first else { throw fail(1, "is empty; the first line must name the columns") }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        if let duplicate = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
            throw fail(1, "column '\(duplicate)' appears twice in the header")
        }
        var rows: [InputRow] = []
        var issues: [InputIssue] = []
        for record in records.dropFirst() {
            guard record.fields.count == names.count else {
                issues.append(InputIssue(file: file, line: record.line,
                                          message: "has \(record.fields.count) fields, the header has \(names.count); quote fields that contain commas"))
                continue
            }
            rows.append(InputRow(file: file, line: record.line, isJSON: false, fields: Dictionary(uniqueKeysWithValues: zip(names, record.fields))))
        }
        guard issues.isEmpty else { throw InputReport(issues: issues) }
        return (names, rows)
    }

    /// The keys any record uses (the JSON file's header) and the rows.
    static func jsonRows(_ data: Data, file: String) throws(InputReport) -> (header: [String], rows: [InputRow]) {
        func fail(_ message: String) -> InputReport { InputReport(issues: [InputIssue(file: file, message: message)]) }
        let root: Any
        do { root = try JSONSerialization.jsonObject(with: data) } catch { throw fail("is not valid JSON (\(error.localizedDescription))") }
        var array = root as? [Any]
        if array == nil, let object = root as? [String: Any], object.count == 1 { array = object.values.first as? [Any] }
        guard let records = array else { throw fail("must be an array of objects (or an object holding one)") }
        var rows: [InputRow] = []
        for (index, record) in records.enumerated() {
            guard let object = record as? [String: Any] else { throw fail("record \(index + 1) is not an object") }
            var fields: [String: String] = [:]
            for (key, value) in object { fields[key] = text(of: value) }
            rows.append(InputRow(file: file, line: index + 1, isJSON: true, fields: fields))
        }
        return (Set(rows.flatMap(\.fields.keys)).sorted(), rows)
    }

    /// JSON values as the CSV would spell them.
    private static func text(of value: Any) -> String {
        switch value {
        case let string as String: return string
        case let number as NSNumber: return number.stringValue
        case let items as [[String: Any]]:
            return items.map { "\($0["sku"].map(text(of:)) ?? ""):\($0["quantity"].map(text(of:)) ?? "")" }.joined(separator: ";")
        case let list as [Any]: return list.map(text(of:)).joined(separator: ";")
        default: return ""
        }
    }
}
