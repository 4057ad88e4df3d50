import Foundation
import LastMileCore
import LastMileGraph
import LastMileRouting

/// Writes matrices the way their users expect them.
enum MatrixOutput {
    /// OSRM's `/table` response: `durations` in seconds and `distances` in metres (null = no route), and the
    /// snapped `sources`/`destinations` with `location` as [lon, lat] and the snap `distance` in metres.
    static func osrmTable(_ matrix: TravelMatrix, points: [SnappedPoint]) -> String {
        func number(_ value: UInt64) -> String {
            var bytes: [UInt8] = []
            appendThousandths(value, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
        func rows(_ value: (PathCost) -> String) -> String {
            (0..<matrix.rows).map { i in
                "[" + (0..<matrix.columns).map { j in matrix[i, j].map(value) ?? "null" }.joined(separator: ",") + "]"
            }.joined(separator: ",\n    ")
        }
        let waypoints = points.map { point in
            "{\"location\":[\(formatDegrees(point.coordinate.longitudeE7)),\(formatDegrees(point.coordinate.latitudeE7))],"
                + "\"distance\":\(String(format: "%.3f", point.distanceMeters)),\"name\":\"\"}"
        }.joined(separator: ",\n    ")
        return """
            {
              "code": "Ok",
              "durations": [
                \(rows { number($0.time) })
              ],
              "distances": [
                \(rows { number($0.length) })
              ],
              "sources": [
                \(waypoints)
              ],
              "destinations": [
                \(waypoints)
              ]
            }
            """
    }

    /// An N×N CSV: seconds or metres with three decimals, an empty cell where no route exists.
    static func csv(_ matrix: TravelMatrix, seconds: Bool) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(matrix.rows * matrix.columns * 10)
        for i in 0..<matrix.rows {
            for j in 0..<matrix.columns {
                if j > 0 { bytes.append(UInt8(ascii: ",")) }
                if let cost = matrix[i, j] { appendThousandths(seconds ? cost.time : cost.length, to: &bytes) }
            }
            bytes.append(UInt8(ascii: "\n"))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `value / 1000` with exactly three decimals, without floating point.
    private static func appendThousandths(_ value: UInt64, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: String(value / 1000).utf8)
        let fraction = value % 1000
        bytes.append(UInt8(ascii: "."))
        bytes.append(UInt8(ascii: "0") + UInt8(fraction / 100))
        bytes.append(UInt8(ascii: "0") + UInt8(fraction / 10 % 10))
        bytes.append(UInt8(ascii: "0") + UInt8(fraction % 10))
    }
}
