import Foundation
import LastMileCore
import LastMileDomain

/// A file of positions, read by the domain's ``InputTable``: CSV (quoted fields, any column order) or JSON,
/// with `lat` and `lon` columns in degrees, an optional `id` column, and any other columns (ignored). At least
/// one point.
public struct PointsFile: Sendable {
    public var ids: [String] = []
    public var coordinates: [Coordinate] = []
    /// How each point is named in errors: `id 'X' (points.csv:N)`.
    public var names: [String] = []

    /// The columns a points file reads.
    static let columns = ["id", "lat", "lon"]

    /// Reads `path`; every bad row is reported (the first as the headline).
    ///
    /// - Throws: ``LastMileError`` (bad input) naming the file, line and column.
    public static func read(_ path: String) throws(LastMileError) -> PointsFile {
        let data = try InputFile.read(path, what: "points file")
        let hint = "write one point per row under a header naming lat,lon (degrees), optionally id"
        let rows: [InputRow]
        do throws(InputReport) {
            rows = try InputTable.rows(of: data, file: path, columns: columns, required: ["lat", "lon"], otherColumns: .ignored)
        } catch {
            throw badInput(error.issues, hint: hint)
        }
        guard !rows.isEmpty else {
            throw LastMileError(.badInput, "the points file has no points", at: ErrorLocation(file: path), hint: hint)
        }
        var result = PointsFile()
        var issues: [InputIssue] = []
        for (index, var row) in rows.enumerated() {
            let id = row.optional("id") ?? String(index)
            let coordinate = row.coordinate(latitude: "lat", longitude: "lon")
            guard row.issues.isEmpty else {
                issues += row.issues
                continue
            }
            result.ids.append(id)
            result.coordinates.append(coordinate)
            result.names.append("id '\(id)' (\(row.location))")
        }
        guard issues.isEmpty else { throw badInput(issues, hint: hint) }
        return result
    }

    /// The first issue as the headline with its place, the others as details.
    private static func badInput(_ issues: [InputIssue], hint: String) -> LastMileError {
        guard let first = issues.first else { return LastMileError(.badInput, "the points file has problems", hint: hint) }
        return LastMileError(.badInput, first.message, at: first.location, hint: hint, details: issues.dropFirst().map(\.description))
    }
}
