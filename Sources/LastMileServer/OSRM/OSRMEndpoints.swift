import Foundation
import Hummingbird
import LastMileCore
import LastMileGeo
import LastMileGraph
import LastMileRouting
import LastMileService

/// OSRM's `table` and `route` services on LastMile's roads, in OSRM's request and response shapes, so that
/// OSRM clients (routingpy, OSRM `/table` consumers) work by changing the base URL. Unlike `osrm-routed`,
/// tables have no 100-location cap (the server's `--max-table` per side is the limit), numbers carry three
/// decimals (exact milliseconds and millimetres; OSRM rounds to one), `overview=simplified` returns the full line, and `POST /table/v1/{profile}`
/// takes the coordinates in a JSON body for tables too large for a URL. Every profile name is served by
/// the one loaded graph. These endpoints need an API key like every other (any role).
struct OSRMEndpoints {
    let roads: LoadedRoads
    let maxTableLocations: Int

    func register(on router: Router<LastMileRequestContext>) {
        router.get("table/v1/:profile/:coordinates") { request, context in
            _ = try context.requireIdentity()
            let parameters = request.uri.queryParameters
            return try await table(
                coordinates: try OSRMQuery.coordinates(try context.parameters.require("coordinates")),
                sources: parameters["sources"].map(String.init), destinations: parameters["destinations"].map(String.init),
                annotations: parameters["annotations"].map(String.init)
            )
        }
        router.post("table/v1/:profile") { request, context in
            _ = try context.requireIdentity()
            let body: TableBody
            do {
                body = try await JSONCoding.decode(TableBody.self, from: request, context: context)
            } catch let error as APIError {
                throw OSRMError(code: .invalidQuery, message: error.error.message)
            }
            let coordinates = try body.coordinates.enumerated().map { index, pair throws(OSRMError) in
                guard pair.count == 2, let coordinate = Coordinate(latitude: pair[1], longitude: pair[0]) else {
                    throw OSRMError(code: .invalidQuery, message: "coordinates[\(index)] is not [lon, lat]")
                }
                return coordinate
            }
            return try await table(
                coordinates: coordinates, sources: body.sources.map { $0.map(String.init).joined(separator: ";") },
                destinations: body.destinations.map { $0.map(String.init).joined(separator: ";") }, annotations: body.annotations
            )
        }
        router.get("route/v1/:profile/:coordinates") { request, context in
            _ = try context.requireIdentity()
            let parameters = request.uri.queryParameters
            return try route(
                coordinates: try OSRMQuery.coordinates(try context.parameters.require("coordinates")),
                overview: parameters["overview"].map(String.init) ?? "simplified", geometries: parameters["geometries"].map(String.init) ?? "polyline",
                steps: parameters["steps"].map(String.init) ?? "false"
            )
        }
    }

    /// The body of `POST /table/v1/{profile}`: coordinates `[lon, lat]`, optional source and destination
    /// indices, and OSRM's `annotations` string.
    struct TableBody: Decodable {
        var coordinates: [[Double]]
        var sources: [Int]?
        var destinations: [Int]?
        var annotations: String?
    }

    func table(coordinates: [Coordinate], sources: String?, destinations: String?, annotations: String?) async throws -> Response {
        let rows = try OSRMQuery.indices(sources, name: "sources", count: coordinates.count)
        let columns = try OSRMQuery.indices(destinations, name: "destinations", count: coordinates.count)
        let wanted = try OSRMQuery.annotations(annotations)
        guard rows.count <= maxTableLocations, columns.count <= maxTableLocations else {
            throw OSRMError(code: .tooBig, message: "\(rows.count) × \(columns.count) exceeds the server's table limit of \(maxTableLocations) per side")
        }
        let snapped = try snap(coordinates)
        let (roads, sourcePoints, targetPoints) = (self.roads, rows.map { snapped[$0] }, columns.map { snapped[$0] })
        let bytes = try await offloaded {
            MatrixOutput.osrmTable(roads.table(sources: sourcePoints, targets: targetPoints), sources: sourcePoints, destinations: targetPoints,
                                   durations: wanted.durations, distances: wanted.distances)
        }
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    struct RouteResponse: Encodable {
        struct Leg: Encodable {
            var steps: [String] = []
            var summary = ""
            var weight: Double, duration: Double, distance: Double
        }
        struct Route: Encodable {
            var geometry: OSRMGeometry?
            var legs: [Leg]
            var weight_name = "duration"
            var weight: Double, duration: Double, distance: Double
        }
        var code = "Ok"
        var routes: [Route]
        var waypoints: [OSRMWaypoint]
    }

    func route(coordinates: [Coordinate], overview: String, geometries: String, steps: String) throws -> Response {
        guard coordinates.count >= 2 else { throw OSRMError(code: .invalidOptions, message: "a route needs at least two coordinates") }
        guard steps == "false" else { throw OSRMError(code: .invalidOptions, message: "steps=true is not supported: LastMile gives no turn-by-turn steps") }
        guard ["simplified", "full", "false"].contains(overview) else {
            throw OSRMError(code: .invalidOptions, message: "overview '\(overview)' is not simplified, full or false")
        }
        guard let format = OSRMGeometry.Format(rawValue: geometries) else {
            throw OSRMError(code: .invalidOptions, message: "geometries '\(geometries)' is not polyline, polyline6 or geojson")
        }
        let snapped = try snap(coordinates)
        guard let route = roads.route(through: snapped) else { throw OSRMError(code: .noRoute, message: "Impossible route between points") }
        let legs = route.legs.map { leg in
            RouteResponse.Leg(weight: Self.units(milli: leg.cost.time), duration: Self.units(milli: leg.cost.time), distance: Self.units(milli: leg.cost.length))
        }
        let total = route.cost
        return try JSONCoding.response(RouteResponse(
            routes: [.init(
                geometry: overview == "false" ? nil : OSRMGeometry(route.geometry, format: format), legs: legs,
                weight: Self.units(milli: total.time), duration: Self.units(milli: total.time), distance: Self.units(milli: total.length)
            )],
            waypoints: snapped.map(OSRMWaypoint.init)
        ))
    }

    /// Matches every coordinate to a road, or OSRM's `NoSegment` naming the first that has none within 500 m.
    private func snap(_ coordinates: [Coordinate]) throws -> [SnappedPoint] {
        do {
            return try roads.snap(coordinates)
        } catch let unmatched as LoadedRoads.UnmatchedPoint {
            throw OSRMError(code: .noSegment, message: "Could not find a matching segment for coordinate \(unmatched.index)")
        }
    }

    /// Milliseconds (or millimetres) as seconds (metres).
    static func units(milli value: UInt64) -> Double { Double(value) / 1000 }
}
