import LastMileCore
import LastMileGraph
import LastMileRouting
import Synchronization

/// The routing engines of traffic situations on loaded roads: each (date, 15-minute slice, profile) is
/// customized on the shared hierarchy on first use and kept, the `capacity` most recently used, so that queries
/// departing in the same slice share one customization (a Porto customization costs about as much as a
/// 100×100 table). Safe to share between requests; two requests that miss the same slice at once both
/// customize it and the second result replaces the first (equal by construction).
public final class SliceEngines: Sendable {
    public let roads: LoadedRoads
    /// The most customizations kept (each holds one metric and one set of shortcut costs of the graph).
    public let capacity: Int
    /// Least recently used first.
    private let cache: Mutex<[(key: Key, engine: RoutingEngine)]>

    private struct Key: Equatable {
        var date: CivilDate
        var slice: Int
        var profile: TrafficProfile
    }

    public init(roads: LoadedRoads, capacity: Int = 8) {
        precondition(capacity >= 1, "the cache must hold at least one engine")
        self.roads = roads
        self.capacity = capacity
        cache = Mutex([])
    }

    /// The engine of the 15-minute slice containing `minuteOfDay` (0…1440) of `date` under `profile` (no
    /// closures or weather).
    public func engine(date: CivilDate, minuteOfDay: Int, profile: TrafficProfile) -> RoutingEngine {
        let key = Key(date: date, slice: RoadConditions.slice(ofMinute: minuteOfDay), profile: profile)
        let cached: RoutingEngine? = cache.withLock { entries in
            guard let hit = entries.firstIndex(where: { $0.key == key }) else { return nil }
            let entry = entries.remove(at: hit)
            entries.append(entry)
            return entry.engine
        }
        if let cached { return cached }
        let metric = RoadConditions(date: date, profile: profile).day(on: roads.queries.graph).metric(slice: key.slice)
        let engine = RoutingEngine(hierarchy: roads.hierarchy, metric: metric)
        cache.withLock { entries in
            entries.removeAll { $0.key == key }
            entries.append((key, engine))
            if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
        }
        return engine
    }
}
