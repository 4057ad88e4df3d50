import Foundation
import Hummingbird
import HummingbirdTesting
@testable import LastMileServer
import Logging
import Testing

/// The per-key token bucket: a burst goes through, the next request is refused with 429, `Retry-After` and the
/// JSON error body, other keys and keyless routes are unaffected, and the bucket refills at its rate.
@Suite struct RateLimitTests {
    let fixture = ServerFixture.shared

    @Test func bucketAllowsTheBurstThenRefillsAtItsRate() {
        var bucket = TokenBucket(ratePerSecond: 2, burst: 3, now: .zero)
        for _ in 0..<3 { #expect(bucket.take(at: .zero) == nil) }
        #expect(bucket.take(at: .zero) == .milliseconds(500), "an empty bucket waits one token's time: 1 / 2 per second")
        #expect(bucket.take(at: .milliseconds(499)) != nil, "not yet refilled")
        #expect(bucket.take(at: .milliseconds(500)) == nil, "one token after 0.5 s")
        #expect(bucket.take(at: .milliseconds(500)) != nil)
        #expect(bucket.take(at: .seconds(60)) == nil, "a long pause refills to the burst, not beyond")
        #expect(bucket.take(at: .seconds(60)) == nil)
        #expect(bucket.take(at: .seconds(60)) == nil)
        #expect(bucket.take(at: .seconds(60)) != nil)
    }

    @Test func overTheBurstAnswers429WithRetryAfterAndTheErrorBody() async throws {
        var settings = fixture.settings()
        settings.requestsPerSecondPerKey = 0.01
        settings.burstPerKey = 2
        var logger = Logger(label: "lastmile.serve.tests")
        logger.logLevel = .critical
        let app = Application(router: LastMileApplication.router(settings, service: fixture.service), logger: logger)
        try await app.test(.router) { client in
            for _ in 0..<2 {
                try await client.execute(uri: "/v1/plans/\(ServerFixture.date)/versions", method: .get, headers: fixture.headers("admin")) { response in
                    #expect(response.status == .ok)
                }
            }
            try await client.execute(uri: "/v1/plans/\(ServerFixture.date)/versions", method: .get, headers: fixture.headers("admin")) { response in
                #expect(response.status == .tooManyRequests)
                let retryAfter = response.headers[.retryAfter].flatMap { Int($0) }
                #expect(retryAfter.map { (90...100).contains($0) } == true, "1 token at 0.01 per second: about 100 s, got \(String(describing: retryAfter))")
                let body = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: [String: Any]]
                #expect(body?["error"]?["category"] as? String == "rateLimited")
                #expect((body?["error"]?["hint"] as? String)?.contains("--rate-limit") == true)
            }
            try await client.execute(uri: "/v1/plans/\(ServerFixture.date)/versions", method: .get, headers: fixture.headers("dispatcher")) { response in
                #expect(response.status == .ok, "another key has its own bucket")
            }
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok, "keyless routes are not limited")
            }
        }
    }

    @Test func zeroTurnsTheLimitOff() async throws {
        var settings = fixture.settings()
        settings.requestsPerSecondPerKey = 0
        settings.burstPerKey = 1
        let app = Application(router: LastMileApplication.router(settings, service: fixture.service))
        try await app.test(.router) { client in
            for _ in 0..<5 {
                try await client.execute(uri: "/v1/plans/\(ServerFixture.date)/versions", method: .get, headers: fixture.headers("admin")) { response in
                    #expect(response.status == .ok)
                }
            }
        }
    }
}
