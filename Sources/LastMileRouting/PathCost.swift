/// The cost of a path, compared lexicographically: travel time first, then length.
///
/// Comparing both makes "the fastest route" unique up to exact ties in time and length, so every algorithm
/// (Dijkstra, CCH, many-to-many) reports the same time *and* the same length for a pair. Both parts are
/// 64-bit sums of 32-bit arc values, so they cannot overflow on any real road network.
public struct PathCost: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Travel time, ms.
    public var time: UInt64
    /// Length, mm.
    public var length: UInt64

    public init(time: UInt64, length: UInt64) {
        self.time = time
        self.length = length
    }

    public static let zero = PathCost(time: 0, length: 0)
    /// No path.
    public static let infinity = PathCost(time: .max, length: .max)

    public var isInfinite: Bool { time == .max }

    @inlinable
    public static func < (a: PathCost, b: PathCost) -> Bool {
        a.time < b.time || (a.time == b.time && a.length < b.length)
    }

    /// The cost of one path followed by another; infinite when either is.
    @inlinable
    public static func + (a: PathCost, b: PathCost) -> PathCost {
        if a.time == .max || b.time == .max { return .infinity }
        return PathCost(time: a.time + b.time, length: a.length + b.length)
    }

    public var description: String { isInfinite ? "∞" : "\(time) ms / \(length) mm" }
}
