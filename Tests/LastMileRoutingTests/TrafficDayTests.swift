import Foundation
import LastMileCore
import LastMileGeo
import LastMileGraph
import LastMileTestSupport
import Testing

@testable import LastMileRouting

/// Slice metrics of a traffic day: factors, overrides and closures, checked against plain Dijkstra.
@Suite struct TrafficDayTests {
    static let date = CivilDate(year: 2026, month: 12, day: 1)!  // a Tuesday
    static let morningPeak = 8 * 4  // 08:00–08:15

    static func sampleTown() throws -> RoadGraph {
        try RoadGraphBuilder.build(osmFile: SharedData.maps.appendingPathComponent("sample-town.osm.pbf"), profile: .car).graph
    }

    static func minute(_ text: String) -> LocalMinute { LocalMinute(parsing: text)! }

    @Test func halfSpeedDoublesEveryArcTime() throws {
        let graph = try Self.sampleTown()
        let day = TrafficDay(graph: graph, date: Self.date, profile: .uniform(500))
        let metric = day.metric(slice: Self.morningPeak)
        #expect(metric.arcTime == graph.arcTime.map { $0 * 2 })
    }

    @Test func wayOverridesApplyOnlyToTheirWayWeekdayAndSlices() throws {
        let graph = try Self.sampleTown()
        let way = graph.arcWayID[0]
        let text = "days,start,end,road,speed_factor\nall,00:00,24:00,all,1\ntue,08:00,08:30,way:\(way),0.25\n"
        let day = TrafficDay(graph: graph, date: Self.date, profile: try TrafficProfileReader.parseCSV(text, name: "p"))
        let slowed = day.metric(slice: Self.morningPeak)
        for arc in 0..<graph.arcCount {
            #expect(slowed.arcTime[arc] == (graph.arcWayID[arc] == way ? graph.arcTime[arc] * 4 : graph.arcTime[arc]))
        }
        #expect(day.metric(slice: Self.morningPeak + 2).arcTime == graph.arcTime)
    }

    /// A closure equals Dijkstra on the slice metric with the closed arcs removed, exactly in the slices it
    /// overlaps (its end is exclusive), and changes nothing outside them.
    @Test(arguments: ["way", "area"])
    func closureEqualsDijkstraWithoutTheArcs(kind: String) throws {
        let graph = try Self.sampleTown()
        let seed: UInt64 = 11
        var random = SplitMix64(seed: seed)
        let closure: RoadClosure
        if kind == "way" {
            // The way with the most arcs: it surely matters to some pairs.
            var arcsOfWay: [Int64: Int] = [:]
            for way in graph.arcWayID { arcsOfWay[way, default: 0] += 1 }
            let way = arcsOfWay.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
            closure = RoadClosure(.way(way), span: Self.minute("2026-12-01T08:10")..<Self.minute("2026-12-01T09:00"))
        } else {
            let centre = graph.nodeCoordinate[graph.nodeCount / 2]
            let d = 0.003
            let ring = [(-d, -d), (d, -d), (d, d), (-d, d), (-d, -d)].map { Coordinate(latitude: centre.latitude + $0.1, longitude: centre.longitude + $0.0)! }
            closure = RoadClosure(.area(GeoPolygon(rings: [ring])!), span: Self.minute("2026-12-01T08:10")..<Self.minute("2026-12-01T09:00"))
        }
        let closedArcs = closure.arcs(in: graph)
        #expect(!closedArcs.isEmpty)
        let profile = try TrafficProfileReader.read(SharedData.repositoryRoot.appendingPathComponent("profiles/traffic-urban-default.csv").path)
        let day = TrafficDay(graph: graph, date: Self.date, profile: profile, closures: [closure])
        let open = TrafficDay(graph: graph, date: Self.date, profile: profile)
        let positions = MatrixOracleTests.randomPositions(30, in: graph, using: &random)
            .filter { !closedArcs.contains($0.arc.position) && !closedArcs.contains($0.oppositeArc?.position ?? -1) }
        let hierarchy = ContractionHierarchy(graph: graph)
        var checked = 0
        try day.travelTimes(hierarchy: hierarchy, sources: positions, targets: positions, slices: 31..<37) { laneSlices, block, rows in
            #expect(block == 0..<positions.count)
            for (lane, slices) in laneSlices.enumerated() {
                for slice in slices {
                    let closed = (32..<36).contains(slice)  // 08:00–09:00: overlapped by 08:10–09:00
                    let expected = closed ? open.metric(slice: slice).closing(closedArcs) : open.metric(slice: slice)
                    let oracle = try DijkstraMatrix.compute(graph: graph, metric: expected, sources: positions, targets: positions)
                    let times = rows.map { $0[lane] }
                    #expect(times == oracle.costs.map(MultiMetricMatrix.lane), "\(kind) closure, slice \(slice), seed \(seed)")
                    if closed {
                        let unclosed = try DijkstraMatrix.compute(graph: graph, metric: open.metric(slice: slice), sources: positions, targets: positions)
                        #expect(times != unclosed.costs.map(MultiMetricMatrix.lane), "the closure changes nothing (seed \(seed))")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked == 6)
    }

    @Test func slicesWithTheSameSituationShareOneMatrix() throws {
        let graph = try Self.sampleTown()
        let profile = try TrafficProfileReader.read(SharedData.repositoryRoot.appendingPathComponent("profiles/traffic-urban-default.csv").path)
        let day = TrafficDay(graph: graph, date: Self.date, profile: profile)
        let served = day.distinctSituations(of: 24..<88).map(\.slices)
        // 06:00–22:00 on a weekday of the urban profile: 11 periods; the two peaks are alike, and so are
        // 09:30–12:00 and 14:00–16:30.
        #expect(served.flatMap { $0 }.sorted() == Array(24..<88))
        #expect(served.count == 9)
        #expect(served.first == [24, 25, 26, 27])
    }
}

/// Weather in slice metrics: only the arcs of the area, only the slices of the span, by the graph's mode.
@Suite struct TrafficDayWeatherTests {
    @Test func heavyRainSlowsTheArcsOfItsAreaInItsSlices() throws {
        let graph = try TrafficDayTests.sampleTown()
        let centre = graph.nodeCoordinate[graph.nodeCount / 2]
        let d = 0.004
        let ring = [(-d, -d), (d, -d), (d, d), (-d, d), (-d, -d)].map { Coordinate(latitude: centre.latitude + $0.1, longitude: centre.longitude + $0.0)! }
        let area = GeoPolygon(rings: [ring])!
        // 07:50–08:20 touches the slices 07:45, 08:00 and 08:15.
        let rain = WeatherEvent(kind: .heavyRain, area: area, span: TrafficDayTests.minute("2026-12-01T07:50")..<TrafficDayTests.minute("2026-12-01T08:20"))
        let day = TrafficDay(graph: graph, date: TrafficDayTests.date, profile: .uniform(1000), weather: [rain])
        let touched = Set(graph.arcs(touching: area))
        #expect(!touched.isEmpty && touched.count < graph.arcCount)
        for slice in [30, 31, 32, 33, 34] {
            let metric = day.metric(slice: slice)
            let wet = (31...33).contains(slice)
            for arc in 0..<graph.arcCount {
                let multiplier = wet && touched.contains(arc)
                    ? WeatherPenalties.standard.speedMultiplier(.heavyRain, mode: .car, on: RoadClass(rawValue: graph.arcClass[arc])!)!
                    : 1000
                let expected = UInt32(max(1, (UInt64(graph.arcTime[arc]) * 1000 + UInt64(multiplier) / 2) / UInt64(multiplier)))
                #expect(metric.arcTime[arc] == expected, "slice \(slice), arc \(arc)")
                if metric.arcTime[arc] != expected { return }
            }
        }
        // Ice closes the area to bicycles but only slows cars.
        let ice = WeatherEvent(kind: .ice, area: area, span: rain.span)
        let bicycleGraph = try RoadGraphBuilder.build(osmFile: SharedData.maps.appendingPathComponent("sample-town.osm.pbf"), profile: .bicycle).graph
        let bicycles = TrafficDay(graph: bicycleGraph, date: TrafficDayTests.date, profile: .uniform(1000), weather: [ice]).metric(slice: 32)
        for arc in bicycleGraph.arcs(touching: area) { #expect(bicycles.arcTime[arc] == RoadMetric.closed) }
        let cars = TrafficDay(graph: graph, date: TrafficDayTests.date, profile: .uniform(1000), weather: [ice]).metric(slice: 32)
        #expect(!cars.arcTime.contains(RoadMetric.closed))
    }
}
