import ArgumentParser
import Foundation
import LastMileCore
import LastMileGraph
import LastMileService

/// `lastmile snap --graph G --points points.csv`: matches positions to the nearest road.
struct Snap: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Match positions (CSV with lat,lon columns and an optional id column) to the nearest road.",
        discussion: "Prints one CSV line per point: id, snapped lat/lon, distance in metres, arc, offset in metres."
    )

    @Option(help: "The graph file written by `lastmile import`.")
    var graph: String

    @Option(help: "CSV file with a header naming lat and lon columns (and optionally id).")
    var points: String

    @Option(help: "Largest accepted distance to a road, metres.")
    var maxDistance: Double = Snapper.defaultMaxDistance

    func run() async throws {
        let input = try PointsFile.read(points)
        let results = try RoadQueries.open(graphFile: graph).snap(input, maxDistance: maxDistance)
        print("id,lat,lon,snap_distance_m,arc,offset_m")
        var failures: [String] = []
        for (i, result) in results.enumerated() {
            switch result {
            case .success(let point):
                print("\(input.ids[i]),\(formatDegrees(point.coordinate.latitudeE7)),"
                    + "\(formatDegrees(point.coordinate.longitudeE7)),"
                    + "\(FixedPoint.string(point.distanceMeters, decimals: 2)),\(point.arc.rawValue),\(point.offset.meters)")
            case .failure(let error):
                failures.append(error.message)
            }
        }
        if let first = failures.first { throw LastMileError(.routingData, first, details: Array(failures.dropFirst())) }
    }
}
