import LastMileCore
import LastMileGeo

/// Matches WGS84 positions to roads through a shared ``SnapIndex``.
///
/// Holds a PROJ transform, so it is not `Sendable`: create one per task. Batches project all points in one
/// PROJ call and then search the index on all cores.
public final class Snapper {
    public let index: SnapIndex
    private let projection: Projection

    /// The default search radius, metres: farther points are reported as errors.
    public static let defaultMaxDistance = 500.0

    public init(index: SnapIndex) throws {
        self.index = index
        self.projection = try Projection(from: .wgs84, to: index.graph.projection.crs)
    }

    /// The nearest road point to `coordinate` within `maxDistance` metres.
    ///
    /// - Throws: ``GraphError`` `.tooFarFromRoad` naming the point (by `name`) when no road is that close.
    public func snap(_ coordinate: Coordinate, name: String = "point", maxDistance: Double = defaultMaxDistance) throws
        -> SnappedPoint
    {
        let point = try projection.forward(x: coordinate.longitude, y: coordinate.latitude)
        guard let snapped = index.nearest(to: point, maxDistance: maxDistance) else {
            throw Self.tooFar(name: name, coordinate: coordinate, maxDistance: maxDistance)
        }
        return snapped
    }

    /// Snaps many points; each result is the match or the error naming that point.
    ///
    /// - Parameter names: one name per point for error messages (e.g. an order id or "line 12").
    public func snap(_ coordinates: [Coordinate], names: [String], maxDistance: Double = defaultMaxDistance) throws
        -> [Result<SnappedPoint, GraphError>]
    {
        precondition(names.count == coordinates.count, "one name per point")
        var xs = coordinates.map(\.longitude)
        var ys = coordinates.map(\.latitude)
        try projection.forward(xs: &xs, ys: &ys)
        let index = self.index
        let projected = zip(xs, ys).map { PlanarPoint(x: $0, y: $1) }
        let chunk = 256
        let chunks = try parallelMap(count: (coordinates.count + chunk - 1) / chunk) { c in
            (c * chunk..<min(coordinates.count, (c + 1) * chunk)).map { i -> Result<SnappedPoint, GraphError> in
                guard let snapped = index.nearest(to: projected[i], maxDistance: maxDistance) else {
                    return .failure(Self.tooFar(name: names[i], coordinate: coordinates[i], maxDistance: maxDistance))
                }
                return .success(snapped)
            }
        }
        return chunks.flatMap { $0 }
    }

    private static func tooFar(name: String, coordinate: Coordinate, maxDistance: Double) -> GraphError {
        GraphError(.tooFarFromRoad, "\(name) at \(coordinate) is more than \(Int(maxDistance)) m from every road of the "
            + "graph; check its coordinates (lat,lon order?) or raise the snapping radius")
    }
}
