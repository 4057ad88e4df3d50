/// SWAP*'s three best places of each job in each route, kept for as long as the route stays as it was: across
/// the descents of one search chain (the solver keeps one per chain and passes it to each search).
///
/// A job's places in a route depend on that route's jobs and the prices only, not on the job's own route.
/// Each entry is stamped with its route's ``key(of:prices:)``, so it is used again wherever the same route
/// comes back with the same prices: in the next descent when the candidate left that route alone, in the
/// descents of fleet minimisation, and within one descent when only the other route of a pair changed.
/// Each route's entries are allocated the first time it is a target.
///
/// Per chain, not shared: a class so that every search of the chain fills the same entries in place.
final class SwapStarInsertions {
    /// `places[r][job]`, computed for the route whose key was `keys[r][job]` (0 = never).
    private var places: [[ThreeBest]] = []
    private var keys: [[UInt64]] = []

    init() {}

    /// `job`'s entry for route `r` when computed while the route's key was `key`.
    func places(of job: Int, in r: Int, key: UInt64, routes: Int, jobs: Int) -> ThreeBest? {
        if places.isEmpty {
            places = [[ThreeBest]](repeating: [], count: routes)
            keys = [[UInt64]](repeating: [], count: routes)
        }
        if places[r].isEmpty {
            places[r] = [ThreeBest](repeating: ThreeBest(), count: jobs)
            keys[r] = [UInt64](repeating: 0, count: jobs)
        }
        return keys[r][job] == key ? places[r][job] : nil
    }

    /// Stores `job`'s entry for route `r`, computed while the route's key was `key`.
    func store(_ entry: ThreeBest, of job: Int, in r: Int, key: UInt64) {
        places[r][job] = entry
        keys[r][job] = key
    }

    /// A route's key: FNV-1a over its jobs in order and the prices of infeasibility (none: 0), never 0. Two
    /// routes with one key are taken as equal; a collision (odds about 2⁻⁶⁴ per pair) could only misplace
    /// SWAP*'s estimate, which is checked exactly before any move is made.
    static func key(of jobs: [Int32], prices: Penalties?) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ value: UInt64) {
            hash ^= value
            hash &*= 0x0000_0100_0000_01b3
        }
        mix(UInt64(jobs.count))
        for job in jobs { mix(UInt64(UInt32(bitPattern: job))) }
        if let prices {
            mix(UInt64(bitPattern: prices.timeWarp))
            for weight in prices.load { mix(UInt64(bitPattern: weight)) }
        }
        return max(hash, 1)
    }
}
