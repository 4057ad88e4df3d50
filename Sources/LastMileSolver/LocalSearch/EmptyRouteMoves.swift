extension LocalSearchRun {
    /// Tries the moves that start a new route with `u`, into the first empty vehicle of each group of
    /// interchangeable vehicles (as HGS and PyVRP do): relocate `u`, relocate `u` and its successor, and the
    /// 2-opt* cuts that give the new vehicle `u` and the rest of its route, or the rest after `u`. Applies
    /// the first that lowers the objective. The new route pays its vehicle's fixed cost, so under the
    /// hierarchical objective none improves; without fixed costs a long route splits here, which neither
    /// the neighbour moves (every neighbour is in a used route) nor SWAP* can do.
    mutating func improveIntoEmptyRoute(_ u: Int, _ state: inout SearchState) -> Bool {
        let ru = Int(state.routeOf[u])
        let (pu, nu) = (positionOf[u], segments[ru].count)
        for re in firstEmptyRoutes(state) {
            for kind in 0..<4 {
                let move: Move?
                switch kind {
                case 0: move = exchange(ru, pu, pu, reversed: false, with: re, 1, 0)
                case 1: move = pu < nu ? exchange(ru, pu, pu + 1, reversed: false, with: re, 1, 0) : nil
                case 2: move = pu > 1 ? twoOptStar(ru, pu - 1, re, 1) : nil
                default: move = pu < nu ? twoOptStar(ru, pu, re, 1) : nil
                }
                guard let move, isImproving(move, state) else { continue }
                apply(move, &state)
                return true
            }
        }
        return false
    }

    /// The first empty route of each group of interchangeable vehicles, in vehicle order; recomputed once per
    /// applied move (``updates``).
    mutating func firstEmptyRoutes(_ state: SearchState) -> [Int] {
        if emptyRoutesUpdate != updates {
            emptyRoutesUpdate = updates
            emptyRoutes.removeAll(keepingCapacity: true)
            for r in state.routes.indices where segments[r].count == 0 && !emptyRoutes.contains(where: { search.vehicleGroup[$0] == search.vehicleGroup[r] }) {
                emptyRoutes.append(r)
            }
        }
        return emptyRoutes
    }
}
