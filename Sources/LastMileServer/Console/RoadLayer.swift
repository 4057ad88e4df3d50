import LastMileCore
import LastMileGraph

/// The console's default base layer: the loaded graph's roads as lines, simplified by zoom so that it works
/// offline and on Porto-size maps. Built once from the graph: one line per road (a two-way road once, its arc
/// from the lower node number), with its class and bounding box.
///
/// Simplification by the map's zoom level: below 13 only arterials and collectors (motorway … tertiary and
/// their links) as straight tail–head segments; from 13 every class but tracks, still straight; from 15 every
/// road with its full shape.
struct RoadLayer: Sendable {
    /// One road between two graph nodes.
    struct Line: Sendable {
        var roadClass: RoadClass
        var arc: ArcIndex
        var tail: NodeIndex
        /// Bounding box, 10⁻⁷ degree.
        var minLatitude: Int32, minLongitude: Int32, maxLatitude: Int32, maxLongitude: Int32
    }

    /// The roads of a request: each line as a flat `[lon, lat, lon, lat, …]` in degrees, with its class.
    struct Answer: Encodable {
        var zoom: Int
        var lines: [[Double]]
        var classes: [String]
        /// Whether lines were left out because the box held more than ``RoadLayer/maximumLines``.
        var truncated: Bool
    }

    /// The most lines one answer holds (zoom in for the rest).
    static let maximumLines = 40_000

    let graph: RoadGraph
    let lines: [Line]

    init(graph: RoadGraph) {
        self.graph = graph
        let tails = graph.arcTails()
        var lines: [Line] = []
        for arc in 0..<graph.arcCount {
            let (tail, head) = (Int(tails[arc]), Int(graph.arcHead[arc]))
            guard tail < head || !Self.hasReverse(graph, from: head, to: tail) else { continue }
            let (a, b) = (graph.nodeCoordinate[tail], graph.nodeCoordinate[head])
            lines.append(Line(roadClass: RoadClass(rawValue: graph.arcClass[arc]) ?? .road, arc: ArcIndex(arc), tail: NodeIndex(tail),
                              minLatitude: min(a.latitudeE7, b.latitudeE7), minLongitude: min(a.longitudeE7, b.longitudeE7),
                              maxLatitude: max(a.latitudeE7, b.latitudeE7), maxLongitude: max(a.longitudeE7, b.longitudeE7)))
        }
        self.lines = lines
    }

    private static func hasReverse(_ graph: RoadGraph, from node: Int, to target: Int) -> Bool {
        graph.outArcs(of: NodeIndex(node)).contains { Int(graph.arcHead[$0]) == target }
    }

    /// The roads in `box` (south, west, north, east in degrees) at `zoom`.
    func answer(south: Double, west: Double, north: Double, east: Double, zoom: Int) -> Answer {
        let (s, w, n, e) = (Int32(south * 1e7), Int32(west * 1e7), Int32(north * 1e7), Int32(east * 1e7))
        let shaped = zoom >= 15
        var answer = Answer(zoom: zoom, lines: [], classes: [], truncated: false)
        for line in lines where Self.shows(line.roadClass, zoom: zoom) {
            guard line.maxLatitude >= s, line.minLatitude <= n, line.maxLongitude >= w, line.minLongitude <= e else { continue }
            guard answer.lines.count < Self.maximumLines else {
                answer.truncated = true
                break
            }
            let points = shaped ? graph.geometry(of: line.arc, tail: line.tail)
                : [graph.nodeCoordinate[line.tail.position], graph.nodeCoordinate[Int(graph.arcHead[line.arc.position])]]
            answer.lines.append(points.flatMap { [Self.rounded($0.longitude), Self.rounded($0.latitude)] })
            answer.classes.append(line.roadClass.osmValue)
        }
        return answer
    }

    /// Whether a class is drawn at `zoom`.
    static func shows(_ roadClass: RoadClass, zoom: Int) -> Bool {
        if zoom >= 15 { return true }
        if zoom >= 13 { return roadClass != .track }
        return roadClass.rawValue <= RoadClass.tertiaryLink.rawValue
    }

    /// Degrees to 6 decimals (about 0.1 m): shorter JSON.
    private static func rounded(_ degrees: Double) -> Double { (degrees * 1e6).rounded() / 1e6 }
}
