import Foundation
import LastMileCore
import LastMileGraph
import LastMileRouting

/// Writes matrices the way their users expect them, as bytes: each output is built in one preallocated buffer
/// (about 10 bytes per number) and written with one call.
public enum MatrixOutput {
    /// Which part of a ``PathCost`` a matrix output shows, in thousandths: seconds (ms) or metres (mm).
    public enum Quantity: Sendable {
        case durations, distances

        func thousandths(of cost: PathCost) -> UInt64 {
            switch self {
            case .durations: cost.time
            case .distances: cost.length
            }
        }
    }

    /// OSRM's `/table` response: `durations` in seconds and `distances` in metres (null = no route; each only
    /// when asked for), and the snapped `sources`/`destinations` with `location` as [lon, lat] and the snap
    /// `distance` in metres. Numbers carry three decimals (exact milliseconds and millimetres; OSRM rounds to
    /// one). One matrix row per line; no final newline.
    public static func osrmTable(
        _ matrix: TravelMatrix, sources: [SnappedPoint], destinations: [SnappedPoint], durations: Bool = true, distances: Bool = true
    ) -> [UInt8] {
        jsonTable(matrix, leading: [("code", "\"Ok\"")], sources: sources, destinations: destinations, durations: durations, distances: distances)
    }

    /// OSRM's `/table` shape after the `leading` members (names and their JSON values, in order) instead of
    /// OSRM's `code`: what `POST /v1/matrices` answers.
    public static func jsonTable(
        _ matrix: TravelMatrix, leading: [(name: String, json: String)], sources: [SnappedPoint], destinations: [SnappedPoint],
        durations: Bool, distances: Bool
    ) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(((durations ? 1 : 0) + (distances ? 1 : 0)) * matrix.costs.count * 10 + (sources.count + destinations.count) * 64 + 128)
        let rowSeparator = ",\n    "
        bytes.append(contentsOf: "{".utf8)
        for (index, member) in leading.enumerated() {
            bytes.append(contentsOf: "\(index == 0 ? "" : ",")\n  \"\(member.name)\": \(member.json)".utf8)
        }
        if !leading.isEmpty { bytes.append(contentsOf: ",".utf8) }
        for (quantity, name, wanted) in [(Quantity.durations, "durations", durations), (.distances, "distances", distances)] where wanted {
            bytes.append(contentsOf: "\n  \"\(name)\": [\n    ".utf8)
            appendRows(of: matrix, quantity, open: "[", close: "]", separator: rowSeparator, missing: "null", to: &bytes)
            bytes.append(contentsOf: "\n  ],".utf8)
        }
        for (name, points) in [("sources", sources), ("destinations", destinations)] {
            bytes.append(contentsOf: "\n  \"\(name)\": [\n    ".utf8)
            for (index, point) in points.enumerated() {
                if index > 0 { bytes.append(contentsOf: rowSeparator.utf8) }
                bytes.append(contentsOf: "{\"location\":\(point.coordinate.geoJSONPosition),\"distance\":".utf8)
                FixedPoint.append(point.distanceMeters, decimals: 3, to: &bytes)
                bytes.append(contentsOf: ",\"name\":\"\"}".utf8)
            }
            bytes.append(contentsOf: (name == "sources" ? "\n  ]," : "\n  ]\n}").utf8)
        }
        return bytes
    }

    /// An N×N CSV: seconds or metres with three decimals, an empty cell where no route exists; one line per row.
    public static func csv(_ matrix: TravelMatrix, _ quantity: Quantity) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(matrix.costs.count * 10)
        appendRows(of: matrix, quantity, open: "", close: "\n", separator: "", missing: "", to: &bytes)
        return bytes
    }

    /// Writes `bytes` to the file at `path` (replacing it), or to standard output with a final newline.
    ///
    /// - Throws: ``LastMileError`` (bad input) when `path` cannot be written.
    public static func write(_ bytes: [UInt8], to path: String?) throws(LastMileError) {
        do { try writeBytes(bytes, to: path) } catch {
            throw LastMileError(.badInput, "cannot write the output: \(error.localizedDescription)", at: ErrorLocation(file: path),
                                hint: "give a path in a folder you may write to")
        }
    }

    private static func writeBytes(_ bytes: [UInt8], to path: String?) throws {
        try bytes.withUnsafeBytes { buffer in
            // The buffer itself, not a copy: a Porto 1000×1000 table is 19 MB.
            let data = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: buffer.baseAddress!), count: buffer.count, deallocator: .none)
            if let path {
                try data.write(to: URL(fileURLWithPath: path), options: .atomic)
            } else {
                FileHandle.standardOutput.write(data)
                FileHandle.standardOutput.write(Data("\n".utf8))
            }
        }
    }

    /// Each row as `open`, the comma-separated cells (`missing` where no route exists), `close`; rows joined
    /// by `separator`.
    private static func appendRows(
        of matrix: TravelMatrix, _ quantity: Quantity, open: String, close: String, separator: String, missing: String,
        to bytes: inout [UInt8]
    ) {
        let missing = Array(missing.utf8)
        // Room for a row's cells, each with its comma; the unused rest is cut off after the row.
        let room = matrix.columns * (max(FixedPoint.maximumLength(decimals: 3), missing.count) + 1)
        matrix.costs.withUnsafeBufferPointer { costs in
            for row in 0..<matrix.rows {
                if row > 0 { bytes.append(contentsOf: separator.utf8) }
                bytes.append(contentsOf: open.utf8)
                let start = bytes.count
                bytes.append(contentsOf: repeatElement(0, count: room))
                let used = bytes.withUnsafeMutableBufferPointer { buffer in
                    var position = buffer.baseAddress! + start
                    for column in 0..<matrix.columns {
                        if column > 0 {
                            position.pointee = UInt8(ascii: ",")
                            position += 1
                        }
                        let cost = costs[row * matrix.columns + column]
                        if cost.isInfinite {
                            position.update(from: missing, count: missing.count)
                            position += missing.count
                        } else {
                            position += FixedPoint.write(quantity.thousandths(of: cost), decimals: 3, to: position)
                        }
                    }
                    return position - (buffer.baseAddress! + start)
                }
                bytes.removeLast(room - used)
                bytes.append(contentsOf: close.utf8)
            }
        }
    }
}
