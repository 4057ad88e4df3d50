/// A point in a projected (planar) CRS, in metres: `x` is easting, `y` northing.
public struct PlanarPoint: Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// The Euclidean distance to `other`, in metres.
    public func distance(to other: PlanarPoint) -> Double {
        ((x - other.x) * (x - other.x) + (y - other.y) * (y - other.y)).squareRoot()
    }
}
