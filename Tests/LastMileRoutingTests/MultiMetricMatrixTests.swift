import LastMileCore
import LastMileGraph
import Testing

@testable import LastMileRouting

/// Every lane of the multi-metric query equals the single-metric engine's times exactly.
@Suite struct MultiMetricMatrixTests {
    @Test(arguments: [1, 5, 16])
    func lanesEqualTheEngineOfEachMetric(metricCount: Int) throws {
        let graph = try TrafficDayTests.sampleTown()
        let hierarchy = ContractionHierarchy(graph: graph)
        let seed = UInt64(300 + metricCount)
        var random = SplitMix64(seed: seed)
        // Random factors per arc and a few closed arcs per metric.
        let metrics = (0..<metricCount).map { _ in
            RoadMetric(arcTime: graph.arcTime.map { UInt32(UInt64($0) * (1000 + random.next() % 2000) / 1000) })
                .closing((0..<5).map { _ in Int(random.next() % UInt64(graph.arcCount)) })
        }
        let sources = MatrixOracleTests.randomPositions(23, in: graph, using: &random)
        let targets = MatrixOracleTests.randomPositions(19, in: graph, using: &random) + sources.prefix(3)
        let batch = MultiMetricMatrix(hierarchy: hierarchy, metrics: metrics)
        var rows: [MultiMetricMatrix.Lanes] = []
        var blocks: [Range<Int>] = []
        batch.times(sources: sources, targets: targets, blockSize: 10) { block, part in
            blocks.append(block)
            rows += part
        }
        #expect(blocks == [0..<10, 10..<20, 20..<23])
        for lane in 0..<MultiMetricMatrix.laneCount {
            let engine = RoutingEngine(hierarchy: hierarchy, metric: metrics[min(lane, metricCount - 1)])
            let expected = engine.matrix(sources: sources, targets: targets).costs.map(MultiMetricMatrix.lane)
            #expect(rows.map { $0[lane] } == expected, "lane \(lane) of \(metricCount), seed \(seed)")
        }
    }
}
