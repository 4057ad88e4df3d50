import Foundation
import Hummingbird
import LastMileCore
import LastMileLive
import LastMileService

/// `GET /v1/live/{date}/stream`: the live day as server-sent events, as the live loop acknowledges events
/// (`POST /v1/live/{date}/events`): `event` (the event's JSON line and the revision), `positions` (reported
/// vehicle positions), `reroute` (vehicles whose remaining route changed), `at-risk` (every customer whose
/// window is at risk, with the reason). Each key sees only its vehicles: a dispatcher its depot's, a carrier or
/// driver backend its carrier's; events about orders and roads go to admins and dispatchers. A comment line
/// every second keeps the connection open and ends the stream soon after the client has gone (so a server
/// stopping gracefully is not held up by a closed console).
struct LiveStreamEndpoint {
    let service: LastMileService
    let feed: LiveFeed

    /// How often the stream looks for new messages.
    static let pollInterval = Duration.milliseconds(200)
    /// Polls between keep-alive comments (1 s).
    static let pollsPerKeepAlive = 5

    func register(on router: Router<LastMileRequestContext>) {
        router.get("v1/live/:date/stream") { _, context in
            let identity = try context.requireIdentity()
            let date = try context.parameters.require("date")
            _ = try requiringPlan(of: date) { () throws(LastMileError) in try service.storedPlan(date: date) }
            let carriers = try service.vehicleCarriers()
            let feed = self.feed
            let start = await feed.count(date: date)
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream"
            headers[.cacheControl] = "no-cache"
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: ": lastmile live \(date)\n\n"))
                var next = start
                var idle = 0
                while !Task.isCancelled {
                    let (messages, after) = await feed.messages(date: date, from: next)
                    next = after
                    for message in messages {
                        for (name, data) in Self.events(message, identity: identity, carriers: carriers) {
                            try await writer.write(ByteBuffer(string: "event: \(name)\ndata: \(data)\n\n"))
                        }
                    }
                    idle = messages.isEmpty ? idle + 1 : 0
                    if idle >= Self.pollsPerKeepAlive {
                        try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                        idle = 0
                    }
                    try await Task.sleep(for: Self.pollInterval)
                }
                try await writer.finish(nil)
            })
        }
    }

    /// The server-sent events one message makes for `identity`: name and JSON data, only what the key may see.
    static func events(_ message: LiveFeed.Message, identity: APIIdentity, carriers: [String: String]) -> [(String, String)] {
        func sees(_ vehicle: String, _ depot: String) -> Bool { identity.role.reads(depotID: depot, carrierID: carriers[vehicle] ?? "") }
        var events: [(String, String)] = []
        let seesEvent = message.vehicle.map { sees($0.id, $0.depot) } ?? identity.role.dispatches
        if seesEvent {
            events.append(("event", #"{"event":\#(message.eventJSON),"revision":\#(message.revision)}"#))
        }
        let positions = message.positions.filter { sees($0.id, $0.depot) }.map { Position(vehicle: $0.id, position: [$0.longitude, $0.latitude], at: $0.at) }
        if seesEvent, !positions.isEmpty { events.append(("positions", json(positions))) }
        let rerouted = message.rerouted.filter { sees($0.id, $0.depot) }.map(\.id)
        if !rerouted.isEmpty {
            events.append(("reroute", json(Reroute(vehicles: rerouted, changed_stops: message.changedStops, gain_seconds: message.gainSeconds,
                                                  revision: message.revision))))
        }
        if seesEvent || !rerouted.isEmpty {
            let atRisk = message.atRisk.filter { sees($0.stop.vehicleID, $0.depot) }.map {
                AtRisk(vehicle: $0.stop.vehicleID, order: $0.stop.orderID, customer: $0.stop.customer, eta: $0.stop.eta.clock,
                       window_end: $0.stop.windowEnd.clock, reason: $0.stop.reason)
            }
            events.append(("at-risk", json(atRisk)))
        }
        return events
    }

    /// The feed's message for an acknowledged event and the state after it.
    static func message(_ event: LiveEvent, revision: Int, reroute: LiveReroute?, state: LiveState) -> LiveFeed.Message {
        let depots = Dictionary(state.vehicles.map { ($0.vehicleID, $0.depotID) }, uniquingKeysWith: { first, _ in first })
        return LiveFeed.Message(
            eventJSON: LiveEventFile.line(event), vehicle: event.vehicleID.map { (id: $0, depot: depots[$0] ?? "") }, revision: revision,
            rerouted: (reroute?.routes ?? []).map { (id: $0.vehicle, depot: depots[$0.vehicle] ?? "") },
            changedStops: reroute?.changedStops ?? 0, gainSeconds: reroute?.gainSeconds ?? 0,
            positions: state.vehicles.compactMap { vehicle in
                vehicle.position.map {
                    (id: vehicle.vehicleID, depot: vehicle.depotID, longitude: $0.coordinate.longitude, latitude: $0.coordinate.latitude, at: $0.at.clock)
                }
            },
            atRisk: state.atRisk.map { (stop: $0, depot: depots[$0.vehicleID] ?? "") }
        )
    }

    struct Position: Encodable { var vehicle: String, position: [Double], at: String }
    struct Reroute: Encodable { var vehicles: [String], changed_stops: Int, gain_seconds: Int, revision: Int }
    struct AtRisk: Encodable { var vehicle: String, order: String, customer: String, eta: String, window_end: String, reason: String }

    private static func json(_ value: some Encodable) -> String {
        (try? JSONCoding.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
}
