import Metrics
import Prometheus

/// The server's metrics in Prometheus' text format at `/metrics`: Hummingbird's per-route request counts,
/// durations and errors (`MetricsMiddleware`), plus LastMile's own — plans made by status
/// (`lastmile_plans_total`), VROOM problems solved (`lastmile_vroom_solves_total`), live events by outcome
/// (`lastmile_live_events_total`: `applied`, `retried` — an idempotent retry —, `rejected`).
///
/// swift-metrics has one backend per process: ``shared`` bootstraps it with this registry the first time it
/// is used, whoever asks first (the `serve` command or a test).
public struct ServerMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry

    public static let shared: ServerMetrics = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return ServerMetrics(registry: registry)
    }()

    /// Counts a finished planning job.
    static func planFinished(status: String) {
        Counter(label: "lastmile_plans_total", dimensions: [("status", status)]).increment()
    }

    /// Counts a live event posted to `POST /v1/live/{date}/events` by what became of it.
    static func liveEvent(_ outcome: String) {
        Counter(label: "lastmile_live_events_total", dimensions: [("outcome", outcome)]).increment()
    }

    /// Counts a solved VROOM problem.
    static func vroomSolved() {
        Counter(label: "lastmile_vroom_solves_total").increment()
    }
}
