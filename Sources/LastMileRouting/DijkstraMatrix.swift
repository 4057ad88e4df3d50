import LastMileCore
import LastMileGraph

/// Matrices by one plain Dijkstra search per source on the graph with every position split into real nodes
/// (``SplitPositionGraph``): slow, simple, exact, and independent of the engine's position handling. The oracle
/// the hierarchy is tested against, and the baseline its benchmarks are measured against.
public enum DijkstraMatrix {
    /// The same matrix as ``RoutingEngine/matrix(sources:targets:)``, computed without any preprocessing.
    ///
    /// - Throws: when a position does not lie on the graph; never returns a partial matrix.
    public static func compute(graph: RoadGraph, metric: RoadMetric, sources: [RoadPosition], targets: [RoadPosition]) throws -> TravelMatrix {
        precondition(metric.arcTime.count == graph.arcCount, "metric has \(metric.arcTime.count) arcs, graph \(graph.arcCount)")
        let split = try SplitPositionGraph(graph: graph, metric: metric, positions: sources + targets)
        let rows = try parallelMap(count: sources.count) { i -> [PathCost] in
            var dijkstra = Dijkstra(graph: split)
            let cost = dijkstra.run(from: split.departure(i))
            return targets.indices.map { j in cost[split.arrival(sources.count + j)] }
        }
        return TravelMatrix(rows: sources.count, columns: targets.count, costs: rows.flatMap { $0 })
    }
}
