// The live loop on a planned day (Benchmarks/live-latency.sh): seeded random events, each applied, re-optimised
// and written durably through `LiveLoop`; prints the arrival-to-durable-write latency per event type (p50, p95,
// p99), the resident memory of the live state and of the loop, the stability, and the log's JSON per 10,000 events.
// Usage: LiveLatencyBenchmark DB DATE MAP EVENTS [ITERATIONS] [CAP_MS] [VEHICLES_PER_EVENT]
import Foundation
import LastMileCore
import LastMileLive
import LastMileService
import LastMileStore
import LastMileTestSupport

/// Resident memory (bytes) from /proc/self/statm.
func residentBytes() -> Int {
    let fields = ((try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8)) ?? "").split(separator: " ")
    return (fields.count > 1 ? Int(fields[1]) ?? 0 : 0) * Int(sysconf(Int32(_SC_PAGESIZE)))
}

func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_048_576) }

let arguments = CommandLine.arguments
guard arguments.count >= 5, let eventCount = Int(arguments[4]) else {
    print("usage: LiveLatencyBenchmark DB DATE MAP EVENTS [ITERATIONS] [CAP_MS] [VEHICLES_PER_EVENT]")
    exit(2)
}
let (db, date, map) = (arguments[1], arguments[2], arguments[3])
var settings = LiveReoptimiser.Settings()
if arguments.count > 5, let iterations = Int(arguments[5]) { settings.iterations = iterations }
if arguments.count > 6, let cap = Int(arguments[6]) { settings.millisecondCap = cap }
if arguments.count > 7, let vehicles = Int(arguments[7]) { settings.vehiclesPerEvent = vehicles }

let service = try LastMileService.build(.init(databasePath: db, createsDatabase: false))
// The live state alone: twenty independent replays kept alive, resident memory before and after.
let beforeStates = residentBytes()
let states = try (0..<20).map { _ in try service.liveState(date: date) }
let stateBytes = (residentBytes() - beforeStates) / states.count
let start = states[0]
let stops = start.vehicles.reduce(0) { $0 + $1.remaining.count }
print("day \(date): \(start.vehicles.count) vehicles, \(stops) stops, \(start.openOrders.count) open; live state ≈ \(megabytes(stateBytes)) resident each")

let beforeRoads = residentBytes()
let clock = ContinuousClock(), loopStarted = clock.now
let roads = try map == "sample-town" ? RoadNetworks.sampleTown() : RoadNetworks.load(map: map)
let loop = try LiveLoop(service: service, date: date, roads: roads.car, settings: settings, clock: ContinuousClock())
let afterLoop = residentBytes()
print("roads and loop (graphs, hierarchy, snapper, the day's matrix) in \(loopStarted.duration(to: clock.now)): \(megabytes(afterLoop - beforeRoads)); iterations \(settings.iterations), \(settings.vehiclesPerEvent) vehicles per event, cap \(settings.millisecondCap.map { "\($0) ms" } ?? "none")")

var random = RandomLiveEvents(seed: 42, prefix: "bench-\(UUID().uuidString.prefix(8))")
var latencies: [String: [Double]] = [:]
var changed = 0, considered = 0, applied = 0, firstLatency = 0.0
while applied < eventCount {
    let state = await loop.state
    let event = random.next(for: state)
    guard (try? state.apply(event)) != nil else { continue }
    let acknowledgement = try await loop.submit(event)
    let milliseconds = Double(acknowledgement.latency.components.attoseconds) / 1e15 + Double(acknowledgement.latency.components.seconds) * 1000
    if applied == 0 { firstLatency = milliseconds } else { latencies[LiveEventWire(event).type, default: []].append(milliseconds) }
    changed += acknowledgement.reroute?.changedStops ?? 0
    considered += acknowledgement.reroute?.stops ?? 0
    applied += 1
}
let afterEvents = residentBytes()
print("first event (fills the travel cache): \(String(format: "%.0f", firstLatency)) ms; resident after \(applied) events: +\(megabytes(afterEvents - afterLoop)) over the loop")

func percentile(_ sorted: [Double], _ p: Double) -> Double { sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))] }
print("| event type | events | p50 ms | p95 ms | p99 ms |")
print("|---|---:|---:|---:|---:|")
let all = latencies.values.flatMap { $0 }.sorted()
for (type, values) in latencies.sorted(by: { $0.key < $1.key }) + [("all", all)] {
    let sorted = values.sorted()
    print(String(format: "| %@ | %d | %.1f | %.1f | %.1f |", type, sorted.count, percentile(sorted, 0.5), percentile(sorted, 0.95), percentile(sorted, 0.99)))
}
let logged = try service.store.liveEvents(date: date, planVersion: start.planVersion)
let payload = logged.suffix(applied).reduce(0) { $0 + $1.json.utf8.count + ($1.reroute?.utf8.count ?? 0) }
print(String(format: "stability: %.2f %% of remaining stops changed vehicle or place per reroute", 100 * Double(changed) / Double(max(1, considered))))
print("event log: \(payload / applied) B of JSON per event (event + reroute), \(megabytes(payload * 10_000 / applied)) per 10,000 events")
