import LastMileGraph

/// The human-readable summary `import`, `info` and `demo` print.
struct GraphSummary {
    var graph: RoadGraph
    var report: ImportReport

    var text: String {
        let km = Double(graph.arcLength.reduce(0) { $0 + Int($1) }) / 1e6
        let keptPercent = (report.keptNodeShare * 1000).rounded() / 10
        let onewayPercent = graph.arcCount == 0 ? 0 : (Double(report.onewayArcs) / Double(graph.arcCount) * 1000).rounded() / 10
        return """
            profile \(graph.profileName), projection \(graph.projection)
            OSM: \(report.osmNodes) nodes, \(report.roadWays) road ways of \(report.candidateWays) candidates, \
            \(report.missingNodeReferences) references to nodes missing from the extract
            turn restrictions: \(report.turnRestrictionsApplied) applied, \(report.turnRestrictionsSkipped) skipped, \
            \(report.turnRestrictionsViaWay) via ways (not modelled)
            graph before pruning: \(report.nodesBeforePruning) nodes, \(report.arcsBeforePruning) arcs in \
            \(report.components) strongly connected components
            kept the largest: \(graph.nodeCount) nodes (\(keptPercent) %), \(graph.arcCount) arcs, \
            \(Int(km.rounded())) km of arcs, \(onewayPercent) % one-way; dropped \(report.droppedNodes) nodes, \
            \(report.droppedArcs) arcs
            """
    }
}
