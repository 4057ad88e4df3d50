import LastMileCore
import LastMileGraph

/// One day on the road network under a ``TrafficProfile``, ``RoadClosure``s and ``WeatherEvent``s: a
/// ``RoadMetric`` for every 15-minute slice, and the travel times of the slices a plan needs.
///
/// An arc's speed factor in a slice is its class's (or its way's override) times, when weather touches it
/// (an end inside the area, the event overlapping the slice), the ``WeatherPenalties`` multiplier of the
/// graph's mode — the strongest when events overlap. An arc of free-flow time `t` ms with factor `f` ‰ takes
/// `max(1, round(t × 1000 / f))` ms (integer arithmetic); an arc closed at any moment of a slice (or closed to
/// the mode by the weather) is closed for the whole slice. Slices whose factors, overrides, closures and
/// weather are all equal share one metric, so a day costs one customization and one lane of a
/// ``MultiMetricMatrix`` per *distinct* situation, not per slice.
public struct TrafficDay: Sendable {
    public let graph: RoadGraph
    public let date: CivilDate
    public let profile: TrafficProfile
    /// Closure spans with the arcs they close.
    let closures: [(span: Range<LocalMinute>, arcs: [Int])]
    /// Arcs of every overridden way.
    let wayArcs: [Int64: [Int]]
    /// Weather events of the day with the arcs they touch.
    let weather: [(event: WeatherEvent, arcs: [Int])]
    public let penalties: WeatherPenalties

    public init(
        graph: RoadGraph, date: CivilDate, profile: TrafficProfile, closures: [RoadClosure] = [], weather: [WeatherEvent] = [],
        penalties: WeatherPenalties = .standard
    ) {
        self.graph = graph
        self.date = date
        self.profile = profile
        self.penalties = penalties
        let dayStart = date.firstMinute.value
        let wholeDay = LocalMinute(dayStart)..<LocalMinute(dayStart + 1440)
        self.closures = closures.filter { $0.span.overlaps(wholeDay) }.map { ($0.span, $0.arcs(in: graph)) }
        self.weather = weather.filter { $0.span.overlaps(wholeDay) }.map { ($0, graph.arcs(touching: $0.area)) }
        let overridden = Set(profile.wayOverrides.map(\.way))
        var wayArcs: [Int64: [Int]] = [:]
        for arc in 0..<graph.arcCount where overridden.contains(graph.arcWayID[arc]) { wayArcs[graph.arcWayID[arc], default: []].append(arc) }
        self.wayArcs = wayArcs
    }

    /// Local time covered by `slice` (0 ..< ``TrafficProfile/slicesPerDay``).
    public func span(ofSlice slice: Int) -> Range<LocalMinute> {
        let start = date.firstMinute.value + slice * TrafficProfile.sliceMinutes
        return LocalMinute(start)..<LocalMinute(start + TrafficProfile.sliceMinutes)
    }

    /// What decides a slice's metric; equal situations give equal metrics.
    public struct Situation: Hashable, Sendable {
        let classFactors: [UInt16]
        let overrides: [WayOverride]
        let closures: [Int]
        let weather: [Int]
    }

    /// The situation of `slice`.
    public func situation(ofSlice slice: Int) -> Situation {
        let span = span(ofSlice: slice)
        return Situation(
            classFactors: Array(profile.classFactors(on: date.weekday, slice: slice)),
            overrides: profile.overrides(on: date.weekday, slice: slice),
            closures: closures.indices.filter { closures[$0].span.overlaps(span) },
            weather: weather.indices.filter { weather[$0].event.span.overlaps(span) }
        )
    }

    /// The travel times of `slice`.
    public func metric(slice: Int) -> RoadMetric { metric(for: situation(ofSlice: slice)) }

    func metric(for situation: Situation) -> RoadMetric {
        let factor = situation.classFactors.map { UInt64($0) }
        var arcFactor = graph.arcClass.map { factor[Int($0)] }
        for override in situation.overrides {
            for arc in wayArcs[override.way] ?? [] { arcFactor[arc] = UInt64(override.factor) }
        }
        var weatherClosed: [Int] = []
        if !situation.weather.isEmpty {
            let mode = WeatherPenalties.Mode(profileName: graph.profileName)
            var multiplier = [UInt16](repeating: 1000, count: graph.arcCount)
            for index in situation.weather {
                let (event, arcs) = weather[index]
                for arc in arcs {
                    guard let m = penalties.speedMultiplier(event.kind, mode: mode, on: RoadClass(rawValue: graph.arcClass[arc])!) else {
                        weatherClosed.append(arc)
                        continue
                    }
                    multiplier[arc] = min(multiplier[arc], UInt16(m))
                }
            }
            for arc in 0..<graph.arcCount where multiplier[arc] != 1000 {
                arcFactor[arc] = max(1, (arcFactor[arc] * UInt64(multiplier[arc]) + 500) / 1000)
            }
        }
        var metric = RoadMetric(arcTime: zip(graph.arcTime, arcFactor).map { time, f in
            UInt32(clamping: max(1, (UInt64(time) * 1000 + f / 2) / f))
        })
        for closure in situation.closures {
            for arc in closures[closure].arcs { metric.arcTime[arc] = RoadMetric.closed }
        }
        for arc in weatherClosed { metric.arcTime[arc] = RoadMetric.closed }
        return metric
    }

    /// The distinct situations of `slices`, each with the slices it serves (ascending), in order of first slice.
    public func distinctSituations(of slices: Range<Int>) -> [(situation: Situation, slices: [Int])] {
        var groups: [Situation: [Int]] = [:]
        var order: [Situation] = []
        for slice in slices {
            let situation = situation(ofSlice: slice)
            if groups[situation] == nil { order.append(situation) }
            groups[situation, default: []].append(slice)
        }
        return order.map { ($0, groups[$0]!) }
    }

    /// The travel times (ms) from `sources` to `targets` in `slices`: one metric per distinct situation, 16 to a
    /// ``MultiMetricMatrix``. `body` receives, per batch and block of sources, the slices each lane serves
    /// (lanes past the batch's situations serve none) and the rows of ``MultiMetricMatrix/times(sources:targets:blockSize:_:)``.
    public func travelTimes(
        hierarchy: ContractionHierarchy, sources: [RoadPosition], targets: [RoadPosition], slices: Range<Int>,
        _ body: (_ laneSlices: [[Int]], _ block: Range<Int>, _ rows: [MultiMetricMatrix.Lanes]) throws -> Void
    ) rethrows {
        let distinct = distinctSituations(of: slices)
        for batchStart in stride(from: 0, to: distinct.count, by: MultiMetricMatrix.laneCount) {
            let batch = distinct[batchStart..<min(distinct.count, batchStart + MultiMetricMatrix.laneCount)]
            let matrix = MultiMetricMatrix(hierarchy: hierarchy, metrics: batch.map { metric(for: $0.situation) })
            let laneSlices = (0..<MultiMetricMatrix.laneCount).map { lane in lane < batch.count ? batch[batchStart + lane].slices : [] }
            try matrix.times(sources: sources, targets: targets) { block, rows in try body(laneSlices, block, rows) }
        }
    }
}
