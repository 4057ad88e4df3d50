import Foundation
import LastMileCore
import LastMileModel

/// Driving times and distances between the places of a ``LivePlaces`` (`targets + starts`), as the service
/// computes them on the road graph: the pure core takes them as input and never routes.
///
/// `seconds[i * count + j]` is the driving time (s) from place `i` to place `j` on the car network, `metres[…]`
/// the distance (m); pairs no road connects, and every column of a start (nobody drives to a reported
/// position), hold ``unreachable``.
///
/// With a traffic forecast, ``timeDependent`` gives each car leg's time at its departure over the same places:
/// vehicles at the car's speed then drive it, so a stop four hours ahead is timed in that hour's traffic, not
/// in the event's. ``seconds`` stays the cost basis and the time of slower vehicles (cargo bikes).
public struct LiveTravelTimes: Sendable {
    /// Time and distance of a pair no road connects: far beyond any shift.
    public static let unreachable: Int64 = 1_000_000_000

    public let count: Int
    public let seconds: [Int64]
    public let metres: [Int64]
    /// Car travel (s) by departure time (s after midnight) over the `count` places, when there is a forecast.
    public let timeDependent: TimeDependentTravel?

    /// - Precondition: `seconds` and `metres` hold `count × count` entries; `timeDependent` covers `count` places.
    public init(count: Int, seconds: [Int64], metres: [Int64], timeDependent: TimeDependentTravel? = nil) {
        precondition(seconds.count == count * count && metres.count == count * count, "travel times are not \(count)²")
        precondition(timeDependent.map { $0.locationCount == count } ?? true, "time-dependent travel is not over \(count) places")
        self.count = count
        self.seconds = seconds
        self.metres = metres
        self.timeDependent = timeDependent
    }

    /// Straight-line travel at `metresPerSecond` (tests and the fallback when no roads are loaded), under
    /// `conditions`: the part of a leg inside a condition's circle is driven at its `speedPercent` of the speed
    /// (overlapping circles add their delays), and a leg that enters a closure's circle (or starts or ends in
    /// it) is ``unreachable``.
    public init(straightLineBetween places: [Coordinate], metresPerSecond: Double, conditions: [RoadCondition] = []) {
        let n = places.count
        var seconds = [Int64](repeating: 0, count: n * n), metres = seconds
        for i in 0..<n {
            for j in 0..<n where i != j {
                let distance = Self.straightLineMetres(places[i], places[j])
                metres[i * n + j] = Int64(distance.rounded())
                var time = distance / metresPerSecond
                for condition in conditions {
                    let inside = Self.metresInside(condition, from: places[i], to: places[j])
                    guard inside > 0 else { continue }
                    guard condition.speedPercent > 0 else {
                        time = Double(Self.unreachable)
                        break
                    }
                    time += inside / metresPerSecond * (100 / Double(condition.speedPercent) - 1)
                }
                seconds[i * n + j] = min(Self.unreachable, Int64(time.rounded()))
            }
        }
        self.init(count: n, seconds: seconds, metres: metres)
    }

    /// Length (m) of the straight segment `a`–`b` inside the circle of `condition`, on a plane tangent at the
    /// circle's centre.
    static func metresInside(_ condition: RoadCondition, from a: Coordinate, to b: Coordinate) -> Double {
        let radians = Double.pi / 180 / 1e7
        let scale = cos(Double(condition.centre.latitudeE7) * radians) * 6_371_000 * radians
        func plane(_ p: Coordinate) -> (x: Double, y: Double) {
            (Double(Int(p.longitudeE7) - Int(condition.centre.longitudeE7)) * scale,
             Double(Int(p.latitudeE7) - Int(condition.centre.latitudeE7)) * 6_371_000 * radians)
        }
        let (p, q) = (plane(a), plane(b))
        let (dx, dy) = (q.x - p.x, q.y - p.y)
        let length2 = dx * dx + dy * dy, r = Double(condition.radiusMetres)
        guard length2 > 0 else { return 0 }
        // |p + t d|² = r² → t² |d|² + 2 t (p·d) + |p|² − r² = 0; the chord is the part of [t1, t2] in [0, 1].
        let half = p.x * dx + p.y * dy, c = p.x * p.x + p.y * p.y - r * r
        let discriminant = half * half - length2 * c
        guard discriminant > 0 else { return 0 }
        let root = discriminant.squareRoot()
        let t1 = max(0, (-half - root) / length2), t2 = min(1, (-half + root) / length2)
        return t2 > t1 ? (t2 - t1) * length2.squareRoot() : 0
    }

    /// Equirectangular distance (m) on a sphere of radius 6,371 km: exact enough over a city.
    public static func straightLineMetres(_ a: Coordinate, _ b: Coordinate) -> Double {
        let radians = Double.pi / 180 / 1e7
        let meanLatitude = Double(Int(a.latitudeE7) + Int(b.latitudeE7)) / 2 * radians
        let x = Double(Int(b.longitudeE7) - Int(a.longitudeE7)) * radians * cos(meanLatitude)
        let y = Double(Int(b.latitudeE7) - Int(a.latitudeE7)) * radians
        return 6_371_000 * (x * x + y * y).squareRoot()
    }
}
