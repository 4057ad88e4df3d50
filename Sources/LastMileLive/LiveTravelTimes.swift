import Foundation
import LastMileCore

/// Driving times and distances between the places of a ``LivePlaces`` (`targets + starts`), as the service
/// computes them on the road graph: the pure core takes them as input and never routes.
///
/// `seconds[i * count + j]` is the driving time (s) from place `i` to place `j` on the car network, `metres[…]`
/// the distance (m); pairs no road connects, and every column of a start (nobody drives to a reported
/// position), hold ``unreachable``.
public struct LiveTravelTimes: Sendable {
    /// Time and distance of a pair no road connects: far beyond any shift.
    public static let unreachable: Int64 = 1_000_000_000

    public let count: Int
    public let seconds: [Int64]
    public let metres: [Int64]

    /// - Precondition: `seconds` and `metres` hold `count × count` entries.
    public init(count: Int, seconds: [Int64], metres: [Int64]) {
        precondition(seconds.count == count * count && metres.count == count * count, "travel times are not \(count)²")
        self.count = count
        self.seconds = seconds
        self.metres = metres
    }

    /// Straight-line travel at `metresPerSecond` (tests and the simulator's fallback when no roads are loaded).
    public init(straightLineBetween places: [Coordinate], metresPerSecond: Double) {
        let n = places.count
        var seconds = [Int64](repeating: 0, count: n * n), metres = seconds
        for i in 0..<n {
            for j in 0..<n where i != j {
                let distance = Self.straightLineMetres(places[i], places[j])
                metres[i * n + j] = Int64(distance.rounded())
                seconds[i * n + j] = Int64((distance / metresPerSecond).rounded())
            }
        }
        self.init(count: n, seconds: seconds, metres: metres)
    }

    /// Equirectangular distance (m) on a sphere of radius 6,371 km: exact enough over a city.
    static func straightLineMetres(_ a: Coordinate, _ b: Coordinate) -> Double {
        let radians = Double.pi / 180 / 1e7
        let meanLatitude = Double(Int(a.latitudeE7) + Int(b.latitudeE7)) / 2 * radians
        let x = Double(Int(b.longitudeE7) - Int(a.longitudeE7)) * radians * cos(meanLatitude)
        let y = Double(Int(b.latitudeE7) - Int(a.latitudeE7)) * radians
        return 6_371_000 * (x * x + y * y).squareRoot()
    }
}
