import Hummingbird
import LastMileCore

/// The parts of an OSRM request URL LastMile reads: `/{service}/v1/{profile}/{coordinates}?options`, where
/// coordinates are `lon,lat;lon,lat;…` (OSRM's order: longitude first).
enum OSRMQuery {
    /// `lon,lat;lon,lat…` as coordinates.
    ///
    /// - Throws: ``OSRMError`` `InvalidQuery` naming the first bad coordinate.
    static func coordinates(_ text: String) throws(OSRMError) -> [Coordinate] {
        var coordinates: [Coordinate] = []
        for (index, pair) in text.split(separator: ";", omittingEmptySubsequences: false).enumerated() {
            let parts = pair.split(separator: ",", omittingEmptySubsequences: false)
            guard parts.count == 2, let longitude = Double(parts[0]), let latitude = Double(parts[1]),
                  let coordinate = Coordinate(latitude: latitude, longitude: longitude)
            else {
                throw OSRMError(code: .invalidQuery, message: "Query string malformed close to position \(index): '\(pair)' is not lon,lat")
            }
            coordinates.append(coordinate)
        }
        guard coordinates.count >= 1 else { throw OSRMError(code: .invalidQuery, message: "Query string malformed: no coordinates") }
        return coordinates
    }

    /// `sources` / `destinations`: `all` (or absent) for every coordinate, else `i;j;…`.
    ///
    /// - Throws: ``OSRMError`` `InvalidOptions` for an index that is not a coordinate's.
    static func indices(_ text: String?, name: String, count: Int) throws(OSRMError) -> [Int] {
        guard let text, text != "all" else { return Array(0..<count) }
        var indices: [Int] = []
        for part in text.split(separator: ";", omittingEmptySubsequences: false) {
            guard let index = Int(part), (0..<count).contains(index) else {
                throw OSRMError(code: .invalidOptions, message: "\(name) index '\(part)' is not one of the \(count) coordinates")
            }
            indices.append(index)
        }
        return indices
    }

    /// Which tables `annotations` asks for: `duration` (default), `distance`, or both.
    static func annotations(_ text: String?) throws(OSRMError) -> (durations: Bool, distances: Bool) {
        guard let text else { return (true, false) }
        var result = (durations: false, distances: false)
        for part in text.split(separator: ",") {
            switch part {
            case "duration": result.durations = true
            case "distance": result.distances = true
            default: throw OSRMError(code: .invalidOptions, message: "annotations '\(part)' is not duration or distance")
            }
        }
        guard result.durations || result.distances else { throw OSRMError(code: .invalidOptions, message: "annotations is empty") }
        return result
    }
}
