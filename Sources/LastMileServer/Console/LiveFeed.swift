import LastMileLive

/// What the live loops did, in order, per date, for the console's server-sent events
/// (`GET /v1/live/{date}/stream`): every acknowledged event with the vehicles it concerns, its reroute and the
/// customers at risk after it. Messages are kept for the server's life (a day's events number in the
/// thousands); a stream starts at the end and waits for the next.
actor LiveFeed {
    /// One acknowledged event, with what each key may see of it decided at streaming time.
    struct Message: Sendable {
        /// The event as its JSON line (the wire format of `POST /v1/live/{date}/events`).
        var eventJSON: String
        /// The vehicle the event is about, with its depot (`nil`: an event about orders or roads).
        var vehicle: (id: String, depot: String)?
        var revision: Int
        /// The vehicles whose remaining route the loop changed, with their depots.
        var rerouted: [(id: String, depot: String)]
        var changedStops: Int, gainSeconds: Int
        /// Every vehicle's reported position after the event: id, depot, longitude, latitude, time `HH:MM:SS`.
        var positions: [(id: String, depot: String, longitude: Double, latitude: Double, at: String)]
        /// Every customer at risk after the event, with the vehicle's depot.
        var atRisk: [(stop: AtRiskStop, depot: String)]
    }

    private var messages: [String: [Message]] = [:]

    func publish(_ message: Message, date: String) {
        messages[date, default: []].append(message)
    }

    /// How many messages `date` has so far (a new stream starts there).
    func count(date: String) -> Int { messages[date]?.count ?? 0 }

    /// The messages of `date` from index `start` on.
    func messages(date: String, from start: Int) -> [Message] {
        Array((messages[date] ?? []).dropFirst(start))
    }
}
