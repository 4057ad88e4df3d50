import LastMileCore

/// Google's encoded polyline format, as OSRM, Valhalla and VROOM use it (precision 5 or 6 decimals).
public enum EncodedPolyline {
    /// Encodes positions (latitude first) with `precision` decimals, rounding each to the nearest unit.
    public static func encode(_ points: [Coordinate], precision: Int = 5) -> String {
        precondition(precision >= 1 && precision <= 7, "precision must be 1...7")
        let divisor = Int64(pow10(7 - precision))
        var output: [UInt8] = []
        var previous = (latitude: Int64(0), longitude: Int64(0))
        for point in points {
            let latitude = roundedDivide(Int64(point.latitudeE7), divisor)
            let longitude = roundedDivide(Int64(point.longitudeE7), divisor)
            append(latitude - previous.latitude, to: &output)
            append(longitude - previous.longitude, to: &output)
            previous = (latitude, longitude)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes a polyline written with `precision` decimals; `nil` when malformed.
    public static func decode(_ text: String, precision: Int = 5) -> [Coordinate]? {
        let factor = Int64(pow10(7 - precision))
        var values: [Int64] = []
        var result: Int64 = 0
        var shift: Int64 = 0
        for byte in text.utf8 {
            guard byte >= 63, byte < 127 else { return nil }
            let chunk = Int64(byte) - 63
            result |= (chunk & 0x1F) << shift
            shift += 5
            if chunk < 0x20 {
                values.append(result & 1 == 1 ? ~(result >> 1) : result >> 1)
                result = 0
                shift = 0
            }
        }
        guard shift == 0, values.count % 2 == 0 else { return nil }
        var latitude: Int64 = 0, longitude: Int64 = 0
        var points: [Coordinate] = []
        for index in stride(from: 0, to: values.count, by: 2) {
            latitude += values[index]
            longitude += values[index + 1]
            points.append(Coordinate(latitudeE7: Int32(latitude * factor), longitudeE7: Int32(longitude * factor)))
        }
        return points
    }

    private static func append(_ value: Int64, to output: inout [UInt8]) {
        var remaining = value < 0 ? ~(value << 1) : value << 1
        while remaining >= 0x20 {
            output.append(UInt8((0x20 | (remaining & 0x1F)) + 63))
            remaining >>= 5
        }
        output.append(UInt8(remaining + 63))
    }

    private static func pow10(_ exponent: Int) -> Int { (0..<exponent).reduce(1) { result, _ in result * 10 } }

    private static func roundedDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? (value + divisor / 2) / divisor : -((-value + divisor / 2) / divisor)
    }
}
