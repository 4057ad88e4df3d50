import LastMileCore
import LastMileGraph

/// A coordinate as OSRM reports where it matched the road: `location` `[lon, lat]` on the road, `distance`
/// from the given coordinate (m), the street `name` (empty: LastMile keeps no names) and an empty `hint`.
struct OSRMWaypoint: Encodable {
    var hint = ""
    var distance: Double
    var name = ""
    var location: [Double]

    init(_ point: SnappedPoint) {
        distance = (point.distanceMeters * 1_000_000).rounded() / 1_000_000
        location = [point.coordinate.longitude, point.coordinate.latitude]
    }
}
