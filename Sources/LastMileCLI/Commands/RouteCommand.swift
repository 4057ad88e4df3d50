import ArgumentParser
import Foundation
import LastMileCore
import LastMileService

/// `lastmile route --graph G --from lat,lon --to lat,lon [--via lat,lon …]`: the fastest route with geometry.
struct RouteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "The fastest route between positions, through optional via points, with its road geometry.",
        discussion: """
            Prints GeoJSON (a FeatureCollection: the route as a LineString with total and per-leg duration in \
            seconds and distance in metres, and the snapped stops as Points), or with --format polyline5 / \
            polyline6 the encoded polyline and the per-leg figures as JSON. With --depart HH:MM --date D, the \
            route of the departure's 15-minute slice under --traffic, --closures and --weather.
            """
    )

    @Option(help: "The graph file written by `lastmile import`.")
    var graph: String

    @Option(help: "Start, as lat,lon.")
    var from: String

    @Option(help: "Destination, as lat,lon.")
    var to: String

    @Option(help: "Intermediate stops, as lat,lon, in order (repeatable).")
    var via: [String] = []

    @Option(help: "Output format: GeoJSON, or an encoded polyline with 5 or 6 decimals.")
    var format: RouteOutput.Format = .geojson

    @OptionGroup var conditions: RoadConditionsOptions

    /// The stops as given (option and text), in order.
    private var named: [(option: String, text: String)] { [("--from", from)] + via.map { ("--via", $0) } + [("--to", to)] }

    func validate() throws {
        for stop in named { _ = try Self.parse(stop.text, option: stop.option) }
    }

    func run() async throws {
        let coordinates = try named.map { try Self.parse($0.text, option: $0.option) }
        let departure = try conditions.departure()
        let roads = try RoadQueries.open(graphFile: graph)
        let (route, stops) = try roads.route(through: zip(named, coordinates).map { ("\($0.0) \($0.1)", $1) }, departure: departure)
        print(RouteOutput.render(route, stops: stops, format: format))
    }

    /// `text` of `option` as a position.
    ///
    /// - Throws: ArgumentParser's `ValidationError` (exit 64, with the usage) naming the option and the format.
    static func parse(_ text: String, option: String) throws -> Coordinate {
        guard let coordinate = Coordinate(parsing: text) else {
            throw ValidationError("\(option) '\(text)' is not a position: write lat,lon in degrees, e.g. 41.1496,-8.6109")
        }
        return coordinate
    }
}

extension RouteOutput.Format: ExpressibleByArgument {}
