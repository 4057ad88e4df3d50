/// Job positions `first…last` of route `route` (empty when `first > last`), read backwards when `reversed`.
/// Stored in 32-bit fields: a move holds ten pieces and is copied while it is evaluated.
struct RoutePiece {
    private var storedRoute: Int32
    private var storedFirst: Int32
    private var storedLast: Int32
    let reversed: Bool

    init(route: Int, first: Int, last: Int, reversed: Bool) {
        storedRoute = Int32(route)
        storedFirst = Int32(first)
        storedLast = Int32(last)
        self.reversed = reversed
    }

    var route: Int { Int(storedRoute) }
    var first: Int { Int(storedFirst) }
    var last: Int { Int(storedLast) }
    var length: Int { max(0, last - first + 1) }
}

/// A route's jobs after a move: up to five pieces of the current routes, in order. Fixed size, so that
/// evaluating a move allocates nothing.
struct RoutePlan {
    private(set) var pieces = InlineArray<5, RoutePiece>(repeating: RoutePiece(route: 0, first: 1, last: 0, reversed: false))
    private(set) var count = 0

    /// Appends positions `first…last` of `route` (nothing when empty).
    @inline(__always)
    mutating func append(_ route: Int, _ first: Int, _ last: Int, reversed: Bool = false) {
        guard first <= last else { return }
        pieces[count] = RoutePiece(route: route, first: first, last: last, reversed: reversed)
        count += 1
    }

    /// Drops every piece (the stored ones are overwritten by the next appends).
    @inline(__always)
    mutating func removeAll() { count = 0 }

    var jobCount: Int {
        var total = 0
        for k in 0..<count { total += pieces[k].length }
        return total
    }
}

/// A candidate change of one or two routes: each `plans[k]` becomes the jobs of `routes[k]`.
///
/// About 200 bytes, so the granular moves are written into one `Move` in place
/// (``LocalSearchRun/exchange(_:_:_:reversed:with:_:_:into:)`` and the others) rather than returned: returned,
/// each move tried was copied (9 % of the local search's time on Solomon RC203).
struct Move {
    var routes: (Int, Int)
    var plans: (RoutePlan, RoutePlan)
    /// Whether the second route is a different one (else only `routes.0` changes).
    var twoRoutes: Bool
}

extension Move {
    /// No change, to be written into.
    init() {
        self.init(routes: (0, 0), plans: (RoutePlan(), RoutePlan()), twoRoutes: false)
    }

    /// Starts a change of `first` (and `second` when different), with empty plans.
    @inline(__always)
    mutating func reset(_ first: Int, _ second: Int) {
        routes = (first, second)
        twoRoutes = first != second
        plans.0.removeAll()
        plans.1.removeAll()
    }
}
