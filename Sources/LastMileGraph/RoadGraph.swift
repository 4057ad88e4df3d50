import LastMileCore
import LastMileGeo

/// A directed road graph in compressed sparse row (CSR) form: immutable, compact, `Sendable`.
///
/// Nodes are intersections and road ends (plus one extra node per turn-restricted approach, see
/// ``TurnRestrictionSplitter``); arcs are directed road pieces between them. The out-arcs of node `v` are
/// `firstOut[v] ..< firstOut[v + 1]`, sorted by head. Node numbers follow a Hilbert curve over the projected
/// coordinates, so nodes close on the map are close in memory.
///
/// Units: lengths in millimetres, travel times in milliseconds, projected coordinates in centimetres of the
/// graph's UTM zone, geographic ones in 10⁻⁷ degrees.
public struct RoadGraph: Sendable {
    /// The out-arc range of node `v` is `firstOut[v] ..< firstOut[v + 1]`; `firstOut.count == nodeCount + 1`.
    public internal(set) var firstOut: [UInt32]
    /// The node each arc leads to.
    public internal(set) var arcHead: [UInt32]
    /// Length of each arc along its geometry, mm.
    public internal(set) var arcLength: [UInt32]
    /// Travel time of each arc at the profile's speed, ms (always ≥ 1).
    public internal(set) var arcTime: [UInt32]
    /// ``RoadClass`` raw value of each arc.
    public internal(set) var arcClass: [UInt8]
    /// ``ArcFlags`` of each arc.
    public internal(set) var arcFlags: [UInt8]
    /// The OSM way each arc comes from (the key of per-road traffic overrides and closures).
    public internal(set) var arcWayID: [Int64]
    /// Intermediate shape points of arc `a` (tail and head excluded) are
    /// `shapePoints[shapeStart[a] ..< shapeStart[a + 1]]`, in driving order; `shapeStart.count == arcCount + 1`.
    public internal(set) var shapeStart: [UInt32]
    public internal(set) var shapePoints: [Coordinate]
    /// WGS84 position of each node.
    public internal(set) var nodeCoordinate: [Coordinate]
    /// Projected position of each node in ``projection``, cm (x = easting, y = northing).
    public internal(set) var nodeX: [Int32]
    public internal(set) var nodeY: [Int32]
    /// The OSM id of each node (turn-restriction copies share their intersection's id).
    public internal(set) var nodeOSMID: [Int64]
    /// For a turn-restriction copy, the intersection node it copies; for any other node, itself.
    public internal(set) var nodePrimary: [UInt32]
    /// The UTM zone of the projected coordinates.
    public internal(set) var projection: UTMZone
    /// Name of the profile the graph was built with.
    public internal(set) var profileName: String
    /// A metric-independent node order for fast routing (the contraction order of LastMileRouting's
    /// hierarchy), stored with the graph so it is computed once, at import; empty when not computed.
    /// Invariant: empty or a permutation of `0..<nodeCount`.
    public internal(set) var routingOrder: [UInt32] = []

    public var nodeCount: Int { nodeCoordinate.count }
    public var arcCount: Int { arcHead.count }

    /// The out-arcs of `node`.
    @inlinable
    public func outArcs(of node: NodeIndex) -> Range<Int> {
        Int(firstOut[node.position])..<Int(firstOut[node.position + 1])
    }

    /// The tail of every arc, computed from `firstOut` (O(arcs)).
    public func arcTails() -> [UInt32] {
        var tails = [UInt32](repeating: 0, count: arcCount)
        for node in 0..<nodeCount {
            for arc in Int(firstOut[node])..<Int(firstOut[node + 1]) { tails[arc] = UInt32(node) }
        }
        return tails
    }

    /// The full geometry of an arc: tail, intermediate shape points, head.
    public func geometry(of arc: ArcIndex, tail: NodeIndex) -> [Coordinate] {
        let shape = shapePoints[Int(shapeStart[arc.position])..<Int(shapeStart[arc.position + 1])]
        return [nodeCoordinate[tail.position]] + shape + [nodeCoordinate[Int(arcHead[arc.position])]]
    }

    /// This graph with a routing order attached.
    ///
    /// - Precondition: `order` is a permutation of `0..<nodeCount`.
    public func withRoutingOrder(_ order: [UInt32]) -> RoadGraph {
        var copy = self
        copy.routingOrder = order
        precondition(copy.invariantViolation() == nil, "routing order is not a permutation of the nodes")
        return copy
    }

    /// Whether node `v` is a turn-restriction copy of an intersection.
    public func isTurnCopy(_ node: NodeIndex) -> Bool { nodePrimary[node.position] != UInt32(node.rawValue) }

    /// Checks the CSR invariants; `nil` when they hold, else what is broken. Used by tests and after loading.
    public func invariantViolation() -> String? {
        let n = nodeCount
        let m = arcCount
        guard firstOut.count == n + 1, firstOut.first == 0, firstOut.last == UInt32(m) else {
            return "firstOut has \(firstOut.count) entries for \(n) nodes or does not span 0...\(m)"
        }
        for v in 0..<n where firstOut[v] > firstOut[v + 1] { return "firstOut decreases at node \(v)" }
        for array in [arcLength.count, arcTime.count, arcClass.count, arcFlags.count, arcWayID.count] where array != m {
            return "arc arrays differ in length"
        }
        guard shapeStart.count == m + 1, shapeStart.last == UInt32(shapePoints.count) else {
            return "shapeStart does not span the shape points"
        }
        for a in 0..<m {
            if arcHead[a] >= UInt32(n) { return "arc \(a) heads to \(arcHead[a]), beyond \(n) nodes" }
            if arcTime[a] == 0 || arcLength[a] == 0 { return "arc \(a) has zero length or time" }
            if shapeStart[a] > shapeStart[a + 1] { return "shapeStart decreases at arc \(a)" }
            if arcClass[a] > RoadClass.allCases.last!.rawValue { return "arc \(a) has unknown class \(arcClass[a])" }
        }
        for array in [nodeX.count, nodeY.count, nodeOSMID.count, nodePrimary.count] where array != n {
            return "node arrays differ in length"
        }
        for v in 0..<n where nodePrimary[v] >= UInt32(n) { return "node \(v) has primary \(nodePrimary[v])" }
        if !routingOrder.isEmpty {
            guard routingOrder.count == n else { return "routing order has \(routingOrder.count) entries for \(n) nodes" }
            var seen = [Bool](repeating: false, count: n)
            for v in routingOrder {
                guard v < UInt32(n), !seen[Int(v)] else { return "routing order is not a permutation" }
                seen[Int(v)] = true
            }
        }
        return nil
    }
}

/// Per-arc flags, one bit each.
public struct ArcFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The road may only be used to reach a destination on it (`access=destination/delivery/customers`).
    public static let destinationOnly = ArcFlags(rawValue: 1 << 0)
    /// The arc is a ferry crossing.
    public static let ferry = ArcFlags(rawValue: 1 << 1)
    /// The arc can be driven in this direction only (no arc back along the same road).
    public static let oneway = ArcFlags(rawValue: 1 << 2)
}
