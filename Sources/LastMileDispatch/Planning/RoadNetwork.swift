import LastMileDomain
import LastMileGraph
import LastMileRouting

/// One travel mode's roads, ready for planning: its graph, a snapper and a customized hierarchy. The day's
/// car network is profile 0; a bicycle network, when given, is profile 1 for cargo bikes.
final class RoadNetwork {
    let graph: RoadGraph
    let snapper: Snapper
    let engine: RoutingEngine

    init(graph: RoadGraph) throws {
        self.graph = graph
        snapper = try Snapper(index: SnapIndex(graph: graph))
        engine = RoutingEngine(hierarchy: ContractionHierarchy(graph: graph), metric: RoadMetric(freeFlowOf: graph))
    }
}
