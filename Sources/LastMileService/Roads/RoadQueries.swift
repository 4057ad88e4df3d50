import Foundation
import LastMileCore
import LastMileGraph
import LastMileRouting

/// A saved road graph ready for queries: snapping, matrices and routes on it — what `lastmile snap`, `matrix`
/// and `route` answer (and the coming server's OSRM-compatible endpoints). A value: each query makes its own
/// snapper (it holds a PROJ transform and is not `Sendable`).
public struct RoadQueries: Sendable {
    public let graph: RoadGraph
    let index: SnapIndex

    /// Reads the graph file of `lastmile import`.
    ///
    /// - Throws: ``LastMileError`` (bad input) for a missing, damaged or wrong-version file.
    public static func open(graphFile path: String) throws(LastMileError) -> RoadQueries {
        try RoadQueries(graph: try reportingErrors { try RoadGraphFile.read(URL(fileURLWithPath: path)).graph })
    }

    /// Queries on a graph in memory (tests, the sample town).
    public init(graph: RoadGraph) throws(LastMileError) {
        self.graph = graph
        index = try reportingErrors { try SnapIndex(graph: graph) }
    }

    /// Each point of `points` on its nearest road within `maxDistance` metres, or why not.
    public func snap(_ points: PointsFile, maxDistance: Double) throws(LastMileError) -> [Result<SnappedPoint, GraphError>] {
        try reportingErrors { try Snapper(index: index).snap(points.coordinates, names: points.names, maxDistance: maxDistance) }
    }

    /// Every point of `points` on its nearest road.
    ///
    /// - Throws: ``LastMileError`` (routing data) naming every point farther than `maxDistance` metres from a road.
    public func snapEvery(_ points: PointsFile, maxDistance: Double) throws(LastMileError) -> [SnappedPoint] {
        let results = try snap(points, maxDistance: maxDistance)
        let failures = results.compactMap { result -> String? in
            if case .failure(let error) = result { return error.message }
            return nil
        }
        if let first = failures.first { throw LastMileError(.routingData, first, details: Array(failures.dropFirst())) }
        return results.compactMap { try? $0.get() }
    }

    /// How a matrix is computed.
    public enum MatrixEngine: String, Sendable, CaseIterable {
        /// Customizable contraction hierarchy: order and contract, customize, then bucket queries.
        case cch
        /// One plain Dijkstra search per source (the oracle).
        case dijkstra
    }

    /// A matrix and what each phase took.
    public struct MatrixRun: Sendable {
        public var matrix: TravelMatrix
        /// Seconds spent ordering and contracting, customizing, and querying (`cch`; only `query` for `dijkstra`).
        public var preprocessSeconds: Double, customizeSeconds: Double, querySeconds: Double
        /// Hierarchy size for the log line (`cch` only).
        public var hierarchyEdges: Int?, eliminationTreeHeight: Int?
    }

    /// The travel-time and distance matrix between `points` at free-flow speeds, or in the 15-minute slice of
    /// `departure` (its traffic factors, closures and weather).
    ///
    /// - Throws: ``LastMileError`` (bad input) for more than ``InputLimits/maxMatrixLocations`` points.
    public func matrix(_ points: [SnappedPoint], engine: MatrixEngine, departure: Departure? = nil) throws(LastMileError) -> MatrixRun {
        guard points.count <= InputLimits.maxMatrixLocations else {
            throw LastMileError(.badInput, "\(points.count) locations, over the limit of \(InputLimits.maxMatrixLocations) for one matrix",
                                at: ErrorLocation(field: "locations"),
                                hint: "split the locations and compute the blocks separately, or use `lastmile traffic matrices`/`plan` which hold only what they need")
        }
        let positions = points.map(RoadPosition.init)
        let metric = departure?.metric(on: graph) ?? RoadMetric(freeFlowOf: graph)
        let clock = ContinuousClock()
        let started = clock.now
        switch engine {
        case .cch:
            let hierarchy = ContractionHierarchy(graph: graph)
            let contracted = clock.now
            let routing = RoutingEngine(hierarchy: hierarchy, metric: metric)
            let customized = clock.now
            let matrix = routing.matrix(sources: positions, targets: positions)
            return MatrixRun(
                matrix: matrix, preprocessSeconds: (contracted - started).inSeconds, customizeSeconds: (customized - contracted).inSeconds,
                querySeconds: (clock.now - customized).inSeconds, hierarchyEdges: hierarchy.edgeCount,
                eliminationTreeHeight: hierarchy.eliminationTreeHeight
            )
        case .dijkstra:
            let matrix = try reportingErrors { try DijkstraMatrix.compute(graph: graph, metric: metric, sources: positions, targets: positions) }
            return MatrixRun(matrix: matrix, preprocessSeconds: 0, customizeSeconds: 0, querySeconds: (clock.now - started).inSeconds)
        }
    }

    /// The fastest route through `stops` in order (each a name for messages and a position), with the snapped
    /// stops, at free-flow speeds or in the 15-minute slice of `departure` (the whole route in that slice).
    ///
    /// - Throws: ``LastMileError`` (routing data) for a stop far from every road or stops no route connects.
    public func route(
        through stops: [(name: String, coordinate: Coordinate)], departure: Departure? = nil
    ) throws(LastMileError) -> (route: Route, stops: [SnappedPoint]) {
        let snapped = try reportingErrors {
            let snapper = try Snapper(index: index)
            return try stops.map { try snapper.snap($0.coordinate, name: $0.name) }
        }
        let metric = departure?.metric(on: graph) ?? RoadMetric(freeFlowOf: graph)
        let engine = RoutingEngine(hierarchy: ContractionHierarchy(graph: graph), metric: metric)
        guard let route = engine.route(through: snapped.map(RoadPosition.init)) else {
            throw LastMileError(.routingData, "no route connects these stops", hint: "a one-way or closed road cuts them off; check the positions and closures")
        }
        return (route, snapped)
    }
}
