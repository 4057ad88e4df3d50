import Foundation
import LastMileCore
import LastMileGeo
import LastMileGraph

/// Building and describing small graphs in tests.
public enum GraphFixtures {
    /// Imports `fixtures/osm/<name>` with `profile`.
    public static func build(_ name: String, profile: VehicleProfile = .car) throws -> (graph: RoadGraph, report: ImportReport) {
        try RoadGraphBuilder.build(osmFile: SharedData.fixture("osm/\(name)"), profile: profile)
    }

    /// Every arc as "tail>head" in OSM node ids, turn-restriction copies marked with a trailing `'`, sorted.
    public static func arcNames(_ graph: RoadGraph) -> [String] {
        let tails = graph.arcTails()
        return (0..<graph.arcCount).map { arc in
            "\(name(of: Int(tails[arc]), in: graph))>\(name(of: Int(graph.arcHead[arc]), in: graph))"
        }.sorted()
    }

    /// The arc from OSM node `tail` to OSM node `head` between primary (not copied) nodes.
    public static func arc(from tail: Int64, to head: Int64, in graph: RoadGraph) -> ArcIndex? {
        for node in 0..<graph.nodeCount where graph.nodeOSMID[node] == tail && !graph.isTurnCopy(NodeIndex(node)) {
            for arc in graph.outArcs(of: NodeIndex(node)) where graph.nodeOSMID[Int(graph.arcHead[arc])] == head {
                return ArcIndex(arc)
            }
        }
        return nil
    }

    private static func name(of node: Int, in graph: RoadGraph) -> String {
        "\(graph.nodeOSMID[node])" + (graph.isTurnCopy(NodeIndex(node)) ? "'" : "")
    }
}

/// The nearest road point by checking every arc: the oracle for ``SnapIndex``.
public enum BruteForceSnapper {
    /// The distance in metres from `coordinate` to the nearest point of any arc whose tail is not a turn copy,
    /// measured in the graph's UTM projection.
    public static func nearestDistance(to coordinate: Coordinate, in graph: RoadGraph, projection: Projection) throws -> Double {
        let point = try projection.forward(x: coordinate.longitude, y: coordinate.latitude)
        let tails = graph.arcTails()
        var best = Double.infinity
        for arc in 0..<graph.arcCount where !graph.isTurnCopy(NodeIndex(Int32(tails[arc]))) {
            let shape = graph.geometry(of: ArcIndex(arc), tail: NodeIndex(Int32(tails[arc])))
            var xs = shape.map(\.longitude)
            var ys = shape.map(\.latitude)
            try projection.forward(xs: &xs, ys: &ys)
            for i in 0..<shape.count - 1 {
                let dx = xs[i + 1] - xs[i], dy = ys[i + 1] - ys[i]
                let lengthSquared = dx * dx + dy * dy
                let t = lengthSquared > 0 ? min(1, max(0, ((point.x - xs[i]) * dx + (point.y - ys[i]) * dy) / lengthSquared)) : 0
                best = min(best, PlanarPoint(x: xs[i] + t * dx, y: ys[i] + t * dy).distance(to: point))
            }
        }
        return best
    }
}
