import Foundation
import LastMileCore
import LastMileGeo

/// A road or an area closed to traffic for a span of local time (road works, a market, an event).
public struct RoadClosure: Sendable, Hashable {
    /// What is closed.
    public enum Target: Sendable, Hashable {
        /// Every arc of one OSM way.
        case way(Int64)
        /// Every arc with an end inside the polygon.
        case area(GeoPolygon)
    }

    public let target: Target
    /// When, in the map's local time; the closure applies to every slice it overlaps.
    public let span: Range<LocalMinute>

    public init(_ target: Target, span: Range<LocalMinute>) {
        self.target = target
        self.span = span
    }

    /// Reads the closures file at `path` (named so in errors): a GeoJSON FeatureCollection whose features have
    /// `start` and `end` properties (`YYYY-MM-DDTHH:MM`, local time) and either a `Polygon` geometry (an area) or
    /// a `null` geometry with a `way` property (an OSM way id).
    ///
    /// - Throws: ``TrafficFileError`` naming the feature (`features[i]`) and the field.
    public static func read(_ path: String) throws(TrafficFileError) -> [RoadClosure] {
        try closures(GeoJSONFeatures(path: path, what: "closures"))
    }

    /// Parses the closures file format of ``read(_:)``.
    public static func parse(_ data: Data, name: String) throws(TrafficFileError) -> [RoadClosure] {
        try closures(GeoJSONFeatures(data, name: name))
    }

    private static func closures(_ features: GeoJSONFeatures) throws(TrafficFileError) -> [RoadClosure] {
        var closures: [RoadClosure] = []
        for feature in features.features {
            let span = try feature.span()
            if let area = feature.area {
                closures.append(RoadClosure(.area(area), span: span))
            } else if let way = (feature.properties["way"] as? NSNumber)?.int64Value, way > 0 {
                closures.append(RoadClosure(.way(way), span: span))
            } else {
                throw TrafficFileError("a closure needs a Polygon geometry or a positive `way` property", at: feature.location.with(field: "way"))
            }
        }
        return closures
    }

    /// The arcs of `graph` this closure closes (whatever the time).
    public func arcs(in graph: RoadGraph) -> [Int] {
        switch target {
        case .way(let way):
            return (0..<graph.arcCount).filter { graph.arcWayID[$0] == way }
        case .area(let polygon):
            return graph.arcs(touching: polygon)
        }
    }
}

extension RoadGraph {
    /// The arcs with an end (tail or head node) inside `polygon`.
    public func arcs(touching polygon: GeoPolygon) -> [Int] {
        let inside = nodeCoordinate.map(polygon.contains)
        let tails = arcTails()
        return (0..<arcCount).filter { inside[Int(tails[$0])] || inside[Int(arcHead[$0])] }
    }
}
