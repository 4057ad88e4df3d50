import Foundation
import Hummingbird
import LastMileCore
import LastMileDomain
import LastMileGraph
import LastMileLive
import LastMileService

/// `POST /v1/live/{date}/events`: one live event (the JSON of one line of an events file, the README's "Live
/// events"), taken through the date's live loop — validated, applied, the unexecuted part re-optimised, written
/// durably — and acknowledged only then with the new revision, the changed routes with ETAs and the customers
/// whose window is at risk. An `Idempotency-Key` header, when sent, must equal the event's `key`; a retried key
/// is acknowledged with the revision it made and applies nothing.
///
/// Who may report what: admins anything; a dispatcher events about its depot's vehicles and events about no
/// vehicle (new and cancelled orders, road conditions); a driver backend events about its carrier's vehicles.
struct LiveEventEndpoint {
    let service: LastMileService
    let loops: LiveLoops
    /// Where acknowledged events go for the console's stream (``LiveStreamEndpoint``).
    let feed: LiveFeed

    func register(on router: Router<LastMileRequestContext>) {
        router.post("v1/live/:date/events") { (request: Request, context: LastMileRequestContext) async throws -> Response in
            try await handle(request, context)
        }
    }

    private func handle(_ request: Request, _ context: LastMileRequestContext) async throws -> Response {
        let identity: APIIdentity = try context.requireIdentity()
        if case .carrier = identity.role { throw APIError(.forbidden, "carrier keys are read-only; events come from driver backends and dispatchers") }
        let date: String = try context.parameters.require("date")
        let body: Data = try await JSONCoding.body(request, context: context)
        let event: LiveEvent = try Self.singleEvent(body)
        if let header = Self.idempotencyKey(request.headers), header != event.key {
            throw APIError(.badInput, "the Idempotency-Key header '\(header)' differs from the event's key '\(event.key)'", field: "key")
        }
        let loop: LiveLoop<ContinuousClock> = try await loops.loop(for: date)
        try await authorise(event, identity: identity, date: date, loop: loop)
        let acknowledgement: LiveLoop<ContinuousClock>.Acknowledgement
        do {
            acknowledgement = try await loop.submit(event)
        } catch {
            ServerMetrics.liveEvent("rejected")
            throw error
        }
        ServerMetrics.liveEvent(acknowledgement.alreadyApplied ? "retried" : "applied")
        let state: LiveState = await loop.state
        if !acknowledgement.alreadyApplied {
            await feed.publish(LiveStreamEndpoint.message(event, revision: acknowledgement.revision, reroute: acknowledgement.reroute, state: state), date: date)
        }
        let status: HTTPResponse.Status = acknowledgement.alreadyApplied ? .ok : .created
        return try JSONCoding.response(AcknowledgementBody(acknowledgement, state: state), status: status)
    }

    /// The one event of a body.
    ///
    /// - Throws: ``LastMileError`` (bad input) for a malformed event or a body with none or several.
    private static func singleEvent(_ body: Data) throws(LastMileError) -> LiveEvent {
        let lines: [LiveEventFile.Line] = try LiveEventFile.read(body, file: "body")
        guard lines.count == 1 else {
            throw LastMileError(.badInput, "the body holds \(lines.count) events; post one event per request", hint: "`lastmile events apply` takes files")
        }
        return lines[0].event
    }

    /// The `Idempotency-Key` header, when sent.
    private static func idempotencyKey(_ headers: HTTPFields) -> String? {
        for field in headers where field.name.canonicalName == "idempotency-key" { return field.value }
        return nil
    }

    private func authorise(_ event: LiveEvent, identity: APIIdentity, date: String, loop: LiveLoop<ContinuousClock>) async throws {
        guard let vehicleID = event.vehicleID else {
            guard identity.role.dispatches else { throw APIError(.forbidden, "events about orders and roads are reported by dispatchers and admins") }
            return
        }
        let carriers: [String: String] = try service.vehicleCarriers()
        let state: LiveState = await loop.state
        let depot: String? = Self.depot(of: vehicleID, in: state)
        guard let depot, identity.role.reportsEvents(depotID: depot, carrierID: carriers[vehicleID] ?? "") else {
            // The same answer as for a vehicle that does not exist: another carrier's ids leak nothing.
            throw APIError(.notFound, "no vehicle '\(vehicleID)' on \(date) for this key", field: "vehicle")
        }
    }

    private static func depot(of vehicleID: String, in state: LiveState) -> String? {
        for vehicle in state.vehicles where vehicle.vehicleID == vehicleID { return vehicle.depotID }
        return nil
    }

    /// The acknowledgement: times `HH:MM:SS`, latency in milliseconds.
    struct AcknowledgementBody: Encodable {
        struct Stop: Encodable { var order: String, eta: String }
        struct Route: Encodable { var vehicle: String, stops: [Stop], end_eta: String }
        struct AtRisk: Encodable { var vehicle: String, order: String, customer: String, eta: String, window_end: String, reason: String }
        var key: String, revision: Int, already_applied: Bool, latency_ms: Double
        var changed_routes: [Route]
        var unplaced: [LiveReroute.Unplaced]
        var at_risk: [AtRisk]
        var changed_stops: Int, gain_seconds: Int

        init(_ acknowledgement: LiveLoop<ContinuousClock>.Acknowledgement, state: LiveState) {
            key = acknowledgement.key
            revision = acknowledgement.revision
            already_applied = acknowledgement.alreadyApplied
            latency_ms = acknowledgement.latency.inSeconds * 1000
            let changed: Set<String> = Set((acknowledgement.reroute?.routes ?? []).map { (route: LiveReroute.Route) -> String in route.vehicle })
            var routes: [Route] = []
            for vehicle in state.vehicles where changed.contains(vehicle.vehicleID) {
                let stops: [Stop] = vehicle.remaining.map { (stop: LiveStop) -> Stop in Stop(order: stop.order.id, eta: stop.eta.clock) }
                routes.append(Route(vehicle: vehicle.vehicleID, stops: stops, end_eta: vehicle.endETA.clock))
            }
            changed_routes = routes
            unplaced = acknowledgement.reroute?.unplaced ?? []
            at_risk = state.atRisk.map { (stop: AtRiskStop) -> AtRisk in
                AtRisk(vehicle: stop.vehicleID, order: stop.orderID, customer: stop.customer, eta: stop.eta.clock, window_end: stop.windowEnd.clock,
                       reason: stop.reason)
            }
            changed_stops = acknowledgement.reroute?.changedStops ?? 0
            gain_seconds = acknowledgement.reroute?.gainSeconds ?? 0
        }
    }
}

/// The live loops of the server, one per date, created on first use over the date's active plan version and
/// replaced when a newer version is committed (its log starts afresh).
actor LiveLoops {
    let service: LastMileService
    let roads: RoadGraph?
    private var loops: [String: LiveLoop<ContinuousClock>] = [:]

    init(service: LastMileService, roads: RoadGraph?) {
        self.service = service
        self.roads = roads
    }

    /// The loop of `date` on its active plan version.
    ///
    /// - Throws: ``APIError`` 404 when the date has no plan.
    func loop(for date: String) async throws -> LiveLoop<ContinuousClock> {
        let active = try activeVersion(date)
        if let loop = loops[date] {
            let version = await loop.state.planVersion
            if version == active { return loop }
        }
        let loop = try LiveLoop(service: service, date: date, roads: roads, clock: ContinuousClock())
        loops[date] = loop
        return loop
    }

    /// The active plan version of `date`.
    private func activeVersion(_ date: String) throws(APIError) -> Int {
        try requiringPlan(of: date) { () throws(LastMileError) in try service.activePlanVersion(date: date) }
    }
}
