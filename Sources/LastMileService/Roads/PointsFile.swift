import Foundation
import LastMileCore

/// A CSV file of positions: a header with `lat` and `lon` columns (any order), an optional `id` column.
public struct PointsFile: Sendable {
    public var ids: [String] = []
    public var coordinates: [Coordinate] = []
    /// How each point is named in errors: `id 'X' (file line N)`.
    public var names: [String] = []

    /// Reads `path`; every bad line is reported (the first as the headline).
    ///
    /// - Throws: ``LastMileError`` (bad input) naming the file and line.
    public static func read(_ path: String) throws(LastMileError) -> PointsFile {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw LastMileError(.badInput, "cannot read the points file", at: ErrorLocation(file: path), hint: "check the path; it must be UTF-8 text")
        }
        // "\r\n" is one Character in Swift, and a newline, so this handles both line-ending styles.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let header = lines.first else { throw LastMileError(.badInput, "the points file is empty", at: ErrorLocation(file: path), hint: "start with a header line naming lat,lon") }
        let columns = header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let latColumn = columns.firstIndex(of: "lat"), let lonColumn = columns.firstIndex(of: "lon") else {
            throw LastMileError(.badInput, "the header must name 'lat' and 'lon' columns, found '\(header)'", at: ErrorLocation(file: path, line: 1))
        }
        let idColumn = columns.firstIndex(of: "id")
        var result = PointsFile()
        var errors: [String] = []
        for (offset, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let lineNumber = offset + 1
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard fields.count == columns.count else {
                errors.append("\(path) line \(lineNumber): \(fields.count) fields, the header has \(columns.count)")
                continue
            }
            let id = idColumn.map { fields[$0] } ?? String(result.ids.count)
            guard let lat = Double(fields[latColumn]), let lon = Double(fields[lonColumn]),
                let coordinate = Coordinate(latitude: lat, longitude: lon)
            else {
                errors.append("\(path) line \(lineNumber), id '\(id)': lat '\(fields[latColumn])' / lon "
                    + "'\(fields[lonColumn])' is not a valid position (degrees, lat within ±90, lon within ±180)")
                continue
            }
            result.ids.append(id)
            result.coordinates.append(coordinate)
            result.names.append("id '\(id)' (\(path) line \(lineNumber))")
        }
        guard let first = errors.first else { return result }
        throw LastMileError(.badInput, first, hint: "write lat,lon in degrees", details: Array(errors.dropFirst()))
    }
}
