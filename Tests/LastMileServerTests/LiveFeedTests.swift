@testable import LastMileServer
import Testing

/// The console's live feed keeps the last `capacity` messages of a date: its memory stays bounded over a day of
/// events, the count goes on, and a reader that fell behind resumes at the oldest kept without reading twice.
@Suite struct LiveFeedTests {
    static func message(_ revision: Int) -> LiveFeed.Message {
        LiveFeed.Message(eventJSON: "{}", vehicle: nil, revision: revision, rerouted: [], changedStops: 0, gainSeconds: 0, positions: [], atRisk: [])
    }

    @Test func keepsTheLastMessagesAndCountsThemAll() async {
        let feed = LiveFeed()
        let total = 3 * LiveFeed.capacity + 5
        for revision in 1...total { await feed.publish(Self.message(revision), date: "2026-11-23") }
        #expect(await feed.count(date: "2026-11-23") == total)
        #expect(await feed.count(date: "2026-11-24") == 0)
        // A reader from the start gets the kept messages only, in order, ending at the last.
        let (behind, next) = await feed.messages(date: "2026-11-23", from: 0)
        #expect(behind.count <= 2 * LiveFeed.capacity && behind.count >= LiveFeed.capacity)
        #expect(behind.last?.revision == total && next == total)
        #expect(zip(behind, behind.dropFirst()).allSatisfy { $0.revision + 1 == $1.revision })
        // A reader at the end waits; one a message behind gets exactly that message.
        #expect(await feed.messages(date: "2026-11-23", from: total).messages.isEmpty)
        await feed.publish(Self.message(total + 1), date: "2026-11-23")
        let (latest, after) = await feed.messages(date: "2026-11-23", from: total)
        #expect(latest.map(\.revision) == [total + 1] && after == total + 1)
    }
}
