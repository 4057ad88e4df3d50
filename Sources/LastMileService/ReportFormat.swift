import Foundation
import LastMileCore
import LastMileDispatch

/// How `lastmile report` renders a report or a comparison.
public enum ReportFormat: String, Sendable, CaseIterable {
    case table
    case csv
    case json
    case html

    /// `report` in this format.
    public func render(_ report: PlanReport) throws(LastMileError) -> String {
        switch self {
        case .table: return report.terminalTable
        case .csv: return report.csv
        case .html: return report.html
        case .json:
            do { return try report.json() } catch { throw LastMileError(.internal, "cannot encode the report: \(error)") }
        }
    }

    /// `comparison` in this format.
    public func render(_ comparison: CarrierComparison) throws(LastMileError) -> String {
        switch self {
        case .table: return comparison.terminalTable
        case .csv: return comparison.csv
        case .html: return comparison.html
        case .json:
            do { return try comparison.json() } catch { throw LastMileError(.internal, "cannot encode the comparison: \(error)") }
        }
    }

    /// Writes `text` to `path` atomically.
    ///
    /// - Throws: ``LastMileError`` (bad input) when the file cannot be written.
    public static func write(_ text: String, to path: String) throws(LastMileError) {
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw LastMileError(.badInput, "cannot write the report: \(error.localizedDescription)", at: ErrorLocation(file: path),
                                hint: "give a file in a folder you may write to")
        }
    }
}
