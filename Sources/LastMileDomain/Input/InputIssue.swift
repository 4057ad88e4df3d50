import LastMileCore

/// One problem in an input file: where it is (file, line — or record number for JSON —, column) and what is
/// wrong, phrased so that the fix is clear.
public struct InputIssue: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// CSV: the line the record starts on (1 = header). JSON: the record's position in its array (1-based).
    public var line: Int?
    public var column: String?
    public var message: String
    /// Whether `line` counts JSON records rather than text lines.
    public var isRecordNumber: Bool

    public init(file: String, line: Int? = nil, column: String? = nil, message: String, isRecordNumber: Bool = false) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.isRecordNumber = isRecordNumber
    }

    /// "orders.csv:12: window_end: '25:00' is not a time; write HH:MM".
    public var description: String {
        var text = file
        if let line { text += isRecordNumber ? " record \(line)" : ":\(line)" }
        if let column { text += ": \(column)" }
        return text + ": " + message
    }
}

/// What importing a file found: every issue, in file order.
public struct InputReport: Error, Sendable, CustomStringConvertible {
    public var issues: [InputIssue]
    /// Whether the issues are the file's columns (missing or unknown), which no skipping of rows can mend.
    public var concernsColumns: Bool

    public init(issues: [InputIssue], concernsColumns: Bool = false) {
        self.issues = issues
        self.concernsColumns = concernsColumns
    }

    /// One issue per line, then a count.
    public var description: String {
        let rows = Set(issues.compactMap(\.line)).count
        return issues.map(\.description).joined(separator: "\n")
            + "\n\(issues.count) problem\(issues.count == 1 ? "" : "s") in \(rows) row\(rows == 1 ? "" : "s")"
    }
}

extension InputIssue: LastMileErrorConvertible {
    public var lastMileError: LastMileError {
        LastMileError(.badInput, message, at: location)
    }

    /// The file, line (or record) and column of the issue.
    public var location: ErrorLocation {
        ErrorLocation(file: file, line: isRecordNumber ? nil : line, position: isRecordNumber ? line.map { "record \($0)" } : nil, field: column)
    }
}

extension InputReport: LastMileErrorConvertible {
    /// Bad input: the first issue is the headline, the others follow as details (the file was not stored).
    public var lastMileError: LastMileError {
        guard let first = issues.first else { return LastMileError(.badInput, "the input has problems") }
        let rows = Set(issues.compactMap(\.line)).count
        let count = issues.count == 1 ? ""
            : concernsColumns ? " (\(issues.count) columns)" : " (\(issues.count) problems in \(rows) row\(rows == 1 ? "" : "s"))"
        return LastMileError(
            .badInput, first.message + count, at: first.location,
            hint: concernsColumns ? "nothing was stored; name the columns the README's \"Input files\" lists, in the first line"
                : "nothing was stored; fix these rows, or pass --skip-invalid to load the others",
            details: issues.dropFirst().map(\.description)
        )
    }
}
