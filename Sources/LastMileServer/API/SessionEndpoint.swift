import Hummingbird
import LastMileCore
import LastMileService

/// `GET /v1/me`: what the key is and may do, for the console to show only that — role and scope (depot or
/// carrier), whether it plans and moves stops (admins, dispatchers), reports live events (all but carriers),
/// and the map's base layer (the server's `--tiles` URL and attribution, or the road network of its graph).
struct SessionEndpoint {
    let tiles: ServerSettings.Tiles?
    let hasRoads: Bool
    let plans: Bool

    func register(on router: Router<LastMileRequestContext>) {
        router.get("v1/me") { _, context in
            let identity = try context.requireIdentity()
            let reportsEvents = if case .carrier = identity.role { false } else { true }
            return try JSONCoding.response(Body(
                key: identity.keyID, role: identity.role.name, scope: identity.role.scope, dispatches: identity.role.dispatches,
                reports_events: reportsEvents, plans: plans && identity.role.dispatches, tile_url: tiles?.url, tile_attribution: tiles?.attribution,
                road_layer: hasRoads
            ))
        }
    }

    struct Body: Encodable {
        var key: String, role: String, scope: String?
        /// Admins and dispatchers: re-plan, move stops, see unassigned orders.
        var dispatches: Bool
        var reports_events: Bool
        /// Whether this server can plan a date (it has a map) and the key may.
        var plans: Bool
        var tile_url: String?, tile_attribution: String?
        /// Whether `/v1/roads` has a graph to draw.
        var road_layer: Bool
    }
}
