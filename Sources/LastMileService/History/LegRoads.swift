import LastMileCore
import LastMileGraph
import LastMileRouting

/// The free-flow route of a leg split by road class: how many ms of it run on each class. Travel time under a
/// profile is then `Σ classTime[c] × 1000 / factor‰(c)` — the model the history fit inverts.
struct LegRoads: Sendable {
    /// Free-flow ms per ``RoadClass`` raw value (partial first and last arcs pro rata).
    var classTime: [Double]

    /// Time (s) of this leg leaving at `departure` (s after midnight) on `weekday` under `profile`.
    func seconds(under profile: TrafficProfile, on weekday: Weekday, departingAt departure: Int) -> Double {
        let slice = min(max(0, departure / (TrafficProfile.sliceMinutes * 60)), TrafficProfile.slicesPerDay - 1)
        var total = 0.0
        // ms × 1000 / ‰ is the time in ms; in seconds that is ms / ‰.
        for (raw, time) in classTime.enumerated() where time > 0 {
            total += time / Double(profile.factor(RoadClass(rawValue: UInt8(raw))!, on: weekday, slice: slice))
        }
        return total
    }

    /// Free-flow ms on each of `groups` (road group names of ``TrafficProfileReader/roadGroups``).
    func groupTimes(_ groups: [String]) -> [Double] {
        groups.map { name in TrafficProfileReader.roadGroups[name]!.reduce(0) { $0 + classTime[Int($1.rawValue)] } }
    }
}

/// Free-flow routes of legs, split by class (one hierarchy for all legs).
struct LegRouter {
    let graph: RoadGraph
    let engine: RoutingEngine

    init(graph: RoadGraph) {
        self.graph = graph
        self.engine = RoutingEngine(hierarchy: ContractionHierarchy(graph: graph), metric: RoadMetric(freeFlowOf: graph))
    }

    /// The free-flow route from `from` to `to` split by class, or `nil` when there is none.
    func roads(from: SnappedPoint, to: SnappedPoint) -> LegRoads? {
        guard let route = engine.route(through: [RoadPosition(from), RoadPosition(to)]), let driven = route.legs.first else { return nil }
        var classTime = [Double](repeating: 0, count: RoadClass.allCases.count)
        var whole = 0.0
        for arc in driven.arcs {
            classTime[Int(graph.arcClass[arc.position])] += Double(graph.arcTime[arc.position])
            whole += Double(graph.arcTime[arc.position])
        }
        let scale = whole > 0 ? Double(driven.cost.time) / whole : 0
        return LegRoads(classTime: classTime.map { $0 * scale })
    }
}
