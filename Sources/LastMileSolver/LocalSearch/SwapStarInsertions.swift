/// SWAP*'s three best places of each job in each route, kept over one descent (``LocalSearchRun``).
///
/// A job's places in a route depend on that route and the prices only, not on the job's own route: an entry
/// stays valid until its route changes or the prices do, so a route pair where one route changed recomputes
/// one direction. Each route's entries are allocated the first time it is a target, so that a search that
/// touches few routes of a 2,000-stop plan allocates little.
struct SwapStarInsertions {
    /// `places[r][job]`, computed at update `computedAt[r][job]` (0 = never).
    private var places: [[ThreeBest]] = []
    private var computedAt: [[Int]] = []
    /// Entries computed before this update are stale: the prices changed.
    var pricedSince = 0

    /// `job`'s entry for route `r` when computed at update `validFrom` or later.
    mutating func places(of job: Int, in r: Int, validFrom: Int, routes: Int, jobs: Int) -> ThreeBest? {
        if places.isEmpty {
            places = [[ThreeBest]](repeating: [], count: routes)
            computedAt = [[Int]](repeating: [], count: routes)
        }
        if places[r].isEmpty {
            places[r] = [ThreeBest](repeating: ThreeBest(), count: jobs)
            computedAt[r] = [Int](repeating: 0, count: jobs)
        }
        return computedAt[r][job] >= max(validFrom, pricedSince, 1) ? places[r][job] : nil
    }

    /// Stores `job`'s entry for route `r`, computed at update `update`.
    mutating func store(_ entry: ThreeBest, of job: Int, in r: Int, at update: Int) {
        places[r][job] = entry
        computedAt[r][job] = update
    }
}
