import LastMileLive

/// What the live loops did, in order, per date, for the console's server-sent events
/// (`GET /v1/live/{date}/stream`): every acknowledged event with the vehicles it concerns, its reroute and the
/// customers at risk after it. A stream starts at the end and waits for the next. Only the last ``capacity``
/// messages of a date are kept: each holds every vehicle's position and every customer at risk, and keeping a
/// day of them grew the server by about 5 KB per event (`Benchmarks/soak.sh`: 81 → 361 MB over 32,833 events).
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

    /// Messages kept per date. A stream reads every ``LiveStreamEndpoint/pollInterval``, so at 100 events/s it
    /// is about 20 messages behind at most; one that falls further behind than this skips to the oldest kept.
    /// 1,024 (up to 2,048 held, each a few KB that grow with the day's customers at risk) was a visible share
    /// of the soak's memory growth.
    static let capacity = 128

    /// Per date: how many of its messages were dropped, and the ones kept after them (at most twice
    /// ``capacity``, trimmed back to it, so dropping is amortised O(1)).
    private var messages: [String: (dropped: Int, kept: [Message])] = [:]

    func publish(_ message: Message, date: String) {
        var feed = messages.removeValue(forKey: date) ?? (0, [])
        feed.kept.append(message)
        if feed.kept.count > 2 * Self.capacity {
            let excess = feed.kept.count - Self.capacity
            feed.kept.removeFirst(excess)
            feed.dropped += excess
        }
        messages[date] = feed
    }

    /// How many messages `date` has had so far (a new stream starts there).
    func count(date: String) -> Int { messages[date].map { $0.dropped + $0.kept.count } ?? 0 }

    /// The messages of `date` from index `start` on (from the oldest kept when `start` was dropped), and the
    /// index to read from next.
    func messages(date: String, from start: Int) -> (messages: [Message], next: Int) {
        guard let feed = messages[date] else { return ([], start) }
        return (Array(feed.kept.dropFirst(max(0, start - feed.dropped))), feed.dropped + feed.kept.count)
    }
}
