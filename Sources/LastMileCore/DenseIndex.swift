/// A dense, zero-based index into a flat array, tagged with what it indexes so that indices of different
/// arrays cannot be mixed up.
///
/// Dense indices are internal: external identifiers (OSM ids, customer ids) live only at import and export.
public struct DenseIndex<Tag>: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The position in the array; always in `0..<count` of the array it indexes.
    public var rawValue: Int32

    public init(_ rawValue: Int32) { self.rawValue = rawValue }

    /// Creates an index from an `Int` position.
    ///
    /// - Precondition: `position` fits in 32 bits.
    public init(_ position: Int) { self.rawValue = Int32(position) }

    /// The position as an `Int`, for subscripting.
    public var position: Int { Int(rawValue) }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    public var description: String { "#\(rawValue)" }
}

/// Tag of ``NodeIndex``: a node of the road graph.
public enum RoadNodeTag: Sendable {}
/// Tag of ``ArcIndex``: a directed arc of the road graph.
public enum RoadArcTag: Sendable {}

/// The dense index of a road-graph node.
public typealias NodeIndex = DenseIndex<RoadNodeTag>
/// The dense index of a directed road-graph arc.
public typealias ArcIndex = DenseIndex<RoadArcTag>

extension DenseIndex {
    /// Every index of an array of `count` elements, in order.
    public static func all(_ count: Int) -> [Self] { (0..<count).map(Self.init) }
}

/// Literal indices in fixtures and tests (`location: 3`); an `Int` variable still needs an explicit
/// conversion, so indices of different arrays cannot be mixed up.
extension DenseIndex: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int32) { self.rawValue = value }
}
