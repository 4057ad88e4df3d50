import ArgumentParser
import Foundation
import LastMileCore
import LastMileGeo
import LastMileGraph
import LastMileRouting

/// `lastmile route --graph G --from lat,lon --to lat,lon [--via lat,lon …]`: the fastest route with geometry.
struct RouteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "The fastest route between positions, through optional via points, with its road geometry.",
        discussion: """
            Prints GeoJSON (a FeatureCollection: the route as a LineString with total and per-leg duration in \
            seconds and distance in metres, and the snapped stops as Points), or with --format polyline5 / \
            polyline6 the encoded polyline and the per-leg figures as JSON.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case geojson, polyline5, polyline6
    }

    @Option(help: "The graph file written by `lastmile import`.")
    var graph: String

    @Option(help: "Start, as lat,lon.")
    var from: String

    @Option(help: "Destination, as lat,lon.")
    var to: String

    @Option(help: "Intermediate stops, as lat,lon, in order (repeatable).")
    var via: [String] = []

    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .geojson

    func run() async throws {
        let named = [("--from", from)] + via.map { ("--via", $0) } + [("--to", to)]
        let coordinates = try named.map { option, text in try Self.parse(text, option: option) }
        let (roadGraph, _) = try RoadGraphFile.read(URL(fileURLWithPath: graph))
        let snapper = try Snapper(index: SnapIndex(graph: roadGraph))
        let stops = try zip(coordinates, named).map { coordinate, name in try snapper.snap(coordinate, name: "\(name.0) \(name.1)") }
        let engine = RoutingEngine(hierarchy: ContractionHierarchy(graph: roadGraph), metric: RoadMetric(freeFlowOf: roadGraph))
        guard let route = engine.route(through: stops.map(RoadPosition.init)) else {
            FileHandle.standardError.write(Data("error: no route connects these stops (a one-way or closed road cuts them off)\n".utf8))
            throw ExitCode(3)
        }
        print(RouteOutput.render(route, stops: stops, format: format))
    }

    static func parse(_ text: String, option: String) throws -> Coordinate {
        let parts = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let lat = parts[0], let lon = parts[1], let coordinate = Coordinate(latitude: lat, longitude: lon) else {
            throw ValidationError("\(option) '\(text)' is not a position: write lat,lon in degrees, e.g. 41.1496,-8.6109")
        }
        return coordinate
    }
}

/// Route output in GeoJSON or as encoded polylines.
enum RouteOutput {
    static func render(_ route: Route, stops: [SnappedPoint], format: RouteCommand.Format) -> String {
        let legs = route.legs.map { "{\"duration\":\(thousandths($0.cost.time)),\"distance\":\(thousandths($0.cost.length))}" }
            .joined(separator: ",")
        switch format {
        case .polyline5, .polyline6:
            let precision = format == .polyline5 ? 5 : 6
            return "{\"duration\":\(thousandths(route.cost.time)),\"distance\":\(thousandths(route.cost.length)),"
                + "\"geometry\":\(jsonString(EncodedPolyline.encode(route.geometry, precision: precision))),\"legs\":[\(legs)]}"
        case .geojson:
            let line = route.geometry.map(\.geoJSONPosition).joined(separator: ",")
            let points = stops.enumerated().map { index, stop in
                "{\"type\":\"Feature\",\"properties\":{\"stop\":\(index),\"snap_distance\":\(FixedPoint.string(stop.distanceMeters, decimals: 3))},"
                    + "\"geometry\":{\"type\":\"Point\",\"coordinates\":\(stop.coordinate.geoJSONPosition)}}"
            }
            let routeFeature = "{\"type\":\"Feature\",\"properties\":{\"duration\":\(thousandths(route.cost.time)),"
                + "\"distance\":\(thousandths(route.cost.length)),\"legs\":[\(legs)]},"
                + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[\(line)]}}"
            return "{\"type\":\"FeatureCollection\",\"features\":[" + ([routeFeature] + points).joined(separator: ",") + "]}"
        }
    }

    /// Thousandths as a decimal: ms → s, mm → m.
    private static func thousandths(_ value: UInt64) -> String { FixedPoint.string(Int64(value), decimals: 3) }
}
