extension LocalSearchRun {
    /// Tries the moves that start a new route with `u` in an empty vehicle interchangeable with its own (as
    /// HGS and PyVRP do for empty routes): relocate `u`, relocate `u` and its successor, and the 2-opt* cuts
    /// that give the new vehicle `u` and the rest of its route, or the rest after `u`. Applies the first that
    /// lowers the objective. The new route pays its vehicle's fixed cost, so under the hierarchical objective
    /// none improves; without fixed costs a long route splits here, which neither the neighbour moves (every
    /// neighbour is in a used route) nor SWAP* can do. Only a twin of `u`'s vehicle: into unlike vehicles the
    /// cuts are summarised job by job and confirmed against their shifts and breaks, which made a day of 400
    /// orders over 20 unlike vehicles 60 times slower, and ruin and recreate opens those already.
    mutating func improveIntoEmptyRoute(_ u: Int, _ state: inout SearchState) -> Bool {
        let ru = Int(state.routeOf[u])
        guard let re = emptyTwin(of: ru) else { return false }
        let (pu, nu) = (positionOf[u], segments[ru].count)
        var move = Move()
        for kind in 0..<4 {
            let defined: Bool
            switch kind {
            case 0: defined = exchange(ru, pu, pu, reversed: false, with: re, 1, 0, into: &move)
            case 1: defined = pu < nu && exchange(ru, pu, pu + 1, reversed: false, with: re, 1, 0, into: &move)
            case 2: defined = pu > 1 && twoOptStar(ru, pu - 1, re, 1, into: &move)
            default: defined = pu < nu && twoOptStar(ru, pu, re, 1, into: &move)
            }
            guard defined, isImproving(&move, state) else { continue }
            apply(move, &state)
            return true
        }
        return false
    }

    /// The first empty vehicle interchangeable with vehicle `r`, if any; the table behind it is rebuilt once
    /// per applied move (``updates``).
    mutating func emptyTwin(of r: Int) -> Int? {
        if emptyTwinsUpdate != updates {
            emptyTwinsUpdate = updates
            for k in emptyTwins.indices { emptyTwins[k] = -1 }
            for e in segments.indices.reversed() where segments[e].count == 0 { emptyTwins[search.vehicleGroup[e]] = e }
        }
        let twin = emptyTwins[search.vehicleGroup[r]]
        return twin >= 0 ? twin : nil
    }
}
