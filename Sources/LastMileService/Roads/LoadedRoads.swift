import LastMileCore
import LastMileGraph
import LastMileRouting

/// A road graph loaded once for a long-running process (the server): the snapping index, the contraction
/// hierarchy and the free-flow customization are built at start and shared by every request.
public struct LoadedRoads: Sendable {
    public let queries: RoadQueries
    public let hierarchy: ContractionHierarchy
    public let freeFlow: RoutingEngine

    public init(queries: RoadQueries) {
        self.queries = queries
        hierarchy = ContractionHierarchy(graph: queries.graph)
        freeFlow = RoutingEngine(hierarchy: hierarchy, metric: RoadMetric(freeFlowOf: queries.graph))
    }

    /// A point that could not be matched to a road: its index in the request.
    public struct UnmatchedPoint: Error, Sendable {
        public var index: Int
    }

    /// Each of `coordinates` on its nearest road within `maxDistance` metres.
    ///
    /// - Throws: ``UnmatchedPoint`` for the first point with no road that close.
    public func snap(_ coordinates: [Coordinate], maxDistance: Double = Snapper.defaultMaxDistance) throws -> [SnappedPoint] {
        let snapper = try Snapper(index: queries.index)
        let results = try snapper.snap(coordinates, names: coordinates.indices.map { "point \($0)" }, maxDistance: maxDistance)
        return try results.enumerated().map { index, result in
            guard case .success(let point) = result else { throw UnmatchedPoint(index: index) }
            return point
        }
    }

    /// Travel costs from every source to every target.
    public func table(sources: [SnappedPoint], targets: [SnappedPoint]) -> TravelMatrix {
        freeFlow.matrix(sources: sources.map(RoadPosition.init), targets: targets.map(RoadPosition.init))
    }

    /// The fastest route through `stops` in order, or `nil` when roads do not connect them.
    public func route(through stops: [SnappedPoint]) -> Route? {
        freeFlow.route(through: stops.map(RoadPosition.init))
    }
}
