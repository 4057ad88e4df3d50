import Foundation
import Hummingbird
import LastMileCore
import LastMileDomain
import LastMileGeo
import LastMileGraph
import LastMileRouting
import LastMileService

/// `/v1/matrices` and `/v1/routes`: travel times and distances on the loaded roads, with no location cap but
/// the server's `--max-table` per side, at free-flow speeds or — with `depart` — in the traffic of a date and
/// time (the database's stored profile unless the body names another). A matrix is the traffic of the
/// departure's 15-minute slice; a route drives each leg in the slice it starts in. Any role may ask.
struct RoadEndpoints {
    let service: LastMileService
    /// `nil` when the server has no roads: both routes answer 404 saying how to load them.
    let engines: SliceEngines?
    let maxTableLocations: Int

    func register(on router: Router<LastMileRequestContext>) {
        router.post("v1/matrices") { request, context in
            _ = try context.requireIdentity()
            let body = try await JSONCoding.decode(MatrixRequest.self, from: request, context: context)
            let engines = try requireRoads()
            let coordinates = try Self.coordinates(body.locations)
            let rows = try Self.indices(body.sources, field: "sources", count: coordinates.count)
            let columns = try Self.indices(body.destinations, field: "destinations", count: coordinates.count)
            guard rows.count <= maxTableLocations, columns.count <= maxTableLocations else {
                throw APIError(.badInput, "\(rows.count) × \(columns.count) exceeds the server's limit of \(maxTableLocations) per side",
                               field: "locations", hint: "split the request, or start the server with a larger --max-table")
            }
            let annotations = body.annotations ?? ["durations", "distances"]
            for (index, annotation) in annotations.enumerated() where !["durations", "distances"].contains(annotation) {
                throw APIError(.badInput, "'\(annotation)' is neither durations nor distances", field: "annotations[\(index)]")
            }
            let traffic = try situation(depart: body.depart, traffic: body.traffic)
            let snapped = try snap(coordinates, engines: engines)
            let (sources, targets) = (rows.map { snapped[$0] }, columns.map { snapped[$0] })
            let bytes = try await offloaded {
                let engine = traffic.departure.map { engines.engine(date: $0.date, minuteOfDay: $0.minuteOfDay, profile: traffic.profile) }
                    ?? engines.roads.freeFlow
                let matrix = engine.matrix(sources: sources.map(RoadPosition.init), targets: targets.map(RoadPosition.init))
                return MatrixOutput.jsonTable(
                    matrix, leading: traffic.members, sources: sources, destinations: targets,
                    durations: annotations.contains("durations"), distances: annotations.contains("distances")
                )
            }
            var headers = HTTPFields()
            headers[.contentType] = "application/json; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        router.post("v1/routes") { request, context in
            _ = try context.requireIdentity()
            let body = try await JSONCoding.decode(RouteRequest.self, from: request, context: context)
            let engines = try requireRoads()
            let coordinates = try Self.coordinates(body.locations)
            guard coordinates.count >= 2 else { throw APIError(.badInput, "a route needs at least two locations", field: "locations") }
            let format = body.geometry ?? "geojson"
            guard ["geojson", "polyline", "polyline6", "none"].contains(format) else {
                throw APIError(.badInput, "geometry '\(format)' is not geojson, polyline, polyline6 or none", field: "geometry")
            }
            let traffic = try situation(depart: body.depart, traffic: body.traffic)
            let snapped = try snap(coordinates, engines: engines)
            let timed = try await offloaded { () -> TimedRoute? in
                guard let departure = traffic.departure else {
                    return engines.roads.route(through: snapped).map { TimedRoute(freeFlow: $0) }
                }
                return engines.route(through: snapped, date: departure.date, departure: Milliseconds(Int64(departure.minuteOfDay) * 60_000),
                                     profile: traffic.profile)
            }
            guard let timed else {
                throw APIError(.routingData, "no route connects these locations", field: "locations",
                               hint: "a one-way or closed road cuts them off; check the locations")
            }
            return try JSONCoding.response(RouteResponse(
                timed, stops: snapped, geometry: format == "none" ? nil : OSRMGeometry(timed.route.geometry, format: .init(rawValue: format)!),
                depart: body.depart, traffic: traffic.name
            ))
        }
    }

    /// The body of `POST /v1/matrices`.
    struct MatrixRequest: Decodable {
        /// `[lon, lat]` each.
        var locations: [[Double]]
        /// Indices into `locations`; all of them when absent.
        var sources: [Int]?
        var destinations: [Int]?
        /// `durations` (s) and/or `distances` (m); both when absent.
        var annotations: [String]?
        /// `YYYY-MM-DDTHH:MM`, the map's local time; free flow when absent.
        var depart: String?
        /// `stored` (default), `default` (the shipped profile) or `none`.
        var traffic: String?
    }

    /// The body of `POST /v1/routes`.
    struct RouteRequest: Decodable {
        var locations: [[Double]]
        var depart: String?
        var traffic: String?
        /// `geojson` (default), `polyline`, `polyline6` or `none`.
        var geometry: String?
    }

    /// The route, its legs with their departure and arrival times (`HH:MM:SS` with `depart`), and where each
    /// location met the road.
    struct RouteResponse: Encodable {
        struct Leg: Encodable {
            var duration: GeoJSONNumber, distance: GeoJSONNumber
            var departure: String?, arrival: String?
        }
        var depart: String?
        var traffic: String
        var duration: GeoJSONNumber, distance: GeoJSONNumber
        var legs: [Leg]
        var geometry: OSRMGeometry?
        var waypoints: [OSRMWaypoint]

        init(_ timed: TimedRoute, stops: [SnappedPoint], geometry: OSRMGeometry?, depart: String?, traffic: String) {
            self.depart = depart
            self.traffic = traffic
            let total = timed.route.cost
            duration = GeoJSONNumber(scaled: Int64(total.time), decimals: 3)
            distance = GeoJSONNumber(scaled: Int64(total.length), decimals: 3)
            legs = timed.route.legs.enumerated().map { index, leg in
                Leg(duration: GeoJSONNumber(scaled: Int64(leg.cost.time), decimals: 3), distance: GeoJSONNumber(scaled: Int64(leg.cost.length), decimals: 3),
                    departure: depart == nil ? nil : Self.clock(timed.times[index]), arrival: depart == nil ? nil : Self.clock(timed.times[index + 1]))
            }
            self.geometry = geometry
            waypoints = stops.map(OSRMWaypoint.init)
        }

        /// `HH:MM:SS` of a time since midnight, rounded to the second.
        static func clock(_ time: Milliseconds) -> String { TimeOfDay(seconds: Int((time.rawValue + 500) / 1000)).clock }
    }

    /// The traffic a request is answered in.
    struct Situation {
        var departure: (date: CivilDate, minuteOfDay: Int)?
        var profile: TrafficProfile
        /// The profile's name, or `free flow`.
        var name: String

        /// `depart` and `traffic` as the first members of a matrix answer.
        var members: [(name: String, json: String)] {
            [("depart", departure.map { jsonString("\($0.date)T\(TimeOfDay(seconds: $0.minuteOfDay * 60))") } ?? "null"), ("traffic", jsonString(name))]
        }
    }

    private func situation(depart: String?, traffic: String?) throws -> Situation {
        let freeFlow = TrafficProfile.uniform(1000, name: "free flow")
        let profile: TrafficProfile? = switch traffic ?? "stored" {
        case "stored": try service.storedTrafficProfile()
        case ShippedTrafficProfile.keyword: ShippedTrafficProfile.profile
        case "none": nil
        case let other:
            throw APIError(.badInput, "traffic '\(other)' is not stored, \(ShippedTrafficProfile.keyword) or none", field: "traffic")
        }
        guard let depart else { return Situation(departure: nil, profile: freeFlow, name: freeFlow.name) }
        let parts = depart.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, let date = CivilDate(parsing: parts[0]), let minute = LocalMinute.minuteOfDay(parts[1]) else {
            throw APIError(.badInput, "depart '\(depart)' is not a local date and time", field: "depart", hint: "write YYYY-MM-DDTHH:MM, e.g. 2026-12-01T08:15")
        }
        let chosen = profile ?? freeFlow
        return Situation(departure: (date, minute), profile: chosen, name: chosen.name)
    }

    private func requireRoads() throws -> SliceEngines {
        guard let engines else {
            throw APIError(.notFound, "this server has no roads loaded", hint: "start lastmile serve with --graph FILE or --map FILE.osm.pbf")
        }
        return engines
    }

    /// `[lon, lat]` pairs as coordinates, or a 400 naming the first bad one.
    static func coordinates(_ pairs: [[Double]]) throws -> [Coordinate] {
        guard !pairs.isEmpty else { throw APIError(.badInput, "no locations", field: "locations") }
        return try pairs.enumerated().map { index, pair in
            guard pair.count == 2, let coordinate = Coordinate(latitude: pair[1], longitude: pair[0]) else {
                throw APIError(.badInput, "not a [longitude, latitude] pair in degrees", field: "locations[\(index)]")
            }
            return coordinate
        }
    }

    /// `given` indices checked against `count`, or all of them.
    static func indices(_ given: [Int]?, field: String, count: Int) throws -> [Int] {
        guard let given else { return Array(0..<count) }
        guard !given.isEmpty else { throw APIError(.badInput, "an empty list: leave it out for every location", field: field) }
        for (position, index) in given.enumerated() where !(0..<count).contains(index) {
            throw APIError(.badInput, "\(index) is not an index of locations (0 ..< \(count))", field: "\(field)[\(position)]")
        }
        return given
    }

    /// Every location on its nearest road, or a 422 naming the first with no road within 500 m.
    private func snap(_ coordinates: [Coordinate], engines: SliceEngines) throws -> [SnappedPoint] {
        do {
            return try engines.roads.snap(coordinates)
        } catch let unmatched as LoadedRoads.UnmatchedPoint {
            throw APIError(.routingData, "no road within 500 m", field: "locations[\(unmatched.index)]", hint: "move the location onto the mapped area")
        }
    }
}

extension TimedRoute {
    /// A free-flow route as a timed one starting at midnight (its times are not shown).
    init(freeFlow route: Route) {
        var times = [Milliseconds.zero]
        for leg in route.legs { times.append(times[times.count - 1] + Milliseconds(Int64(leg.cost.time))) }
        self.init(route: route, times: times)
    }
}
