import Foundation
import LastMileCore

/// Great-circle distances on a sphere.
public enum Haversine {
    /// The mean Earth radius used by OSRM and the peer baseline, in metres.
    public static let earthRadiusMeters = 6_371_008.8

    /// The great-circle distance between two WGS84 positions, in metres.
    public static func distanceMeters(_ a: Coordinate, _ b: Coordinate) -> Double {
        distanceMeters(latitude1: a.latitude, longitude1: a.longitude, latitude2: b.latitude, longitude2: b.longitude)
    }

    /// The great-circle distance between two positions given in degrees, in metres.
    public static func distanceMeters(latitude1: Double, longitude1: Double, latitude2: Double, longitude2: Double)
        -> Double
    {
        let radians = Double.pi / 180
        let dLat = (latitude2 - latitude1) * radians
        let dLon = (longitude2 - longitude1) * radians
        let sinLat = sin(dLat / 2)
        let sinLon = sin(dLon / 2)
        let h = sinLat * sinLat + cos(latitude1 * radians) * cos(latitude2 * radians) * sinLon * sinLon
        return 2 * earthRadiusMeters * asin(min(1, h.squareRoot()))
    }
}
