import LastMileCore
import LastMileGraph

/// Matrices by one plain Dijkstra search per source: slow, simple and exact. The oracle the hierarchy is tested
/// against, and the baseline its benchmarks are measured against.
public enum DijkstraMatrix {
    /// The same matrix as ``RoutingEngine/matrix(sources:targets:)``, computed without any preprocessing.
    public static func compute(graph: RoadGraph, metric: RoadMetric, sources: [RoadPosition], targets: [RoadPosition]) -> TravelMatrix {
        let links = PositionLinks(graph: graph, metric: metric)
        let egress = targets.map(links.egress)
        let rows = (try? parallelMap(count: sources.count) { i -> [PathCost] in
            var dijkstra = Dijkstra(graph: graph, metric: metric)
            let cost = dijkstra.run(from: links.access(sources[i]).map { (NodeIndex($0.node), $0.cost) })
            return targets.indices.map { j in
                var best = links.direct(from: sources[i], to: targets[j]).cost
                for link in egress[j] { best = min(best, cost[Int(link.node)] + link.cost) }
                return best
            }
        }) ?? []
        return TravelMatrix(rows: sources.count, columns: targets.count, costs: rows.flatMap { $0 })
    }
}
