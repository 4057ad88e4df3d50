extension LocalSearchRun {
    /// 2-opt within route `r`: reverses positions `i + 1…j` (`i < j`), so that the job at `i` is followed by
    /// the job at `j`. `nil` when that changes nothing or the reversed run holds a shipment half.
    @inline(__always)
    func twoOpt(_ r: Int, _ i: Int, _ j: Int) -> Move? {
        guard j > i + 1, !segments[r].holdsShipmentHalf(i + 1, j) else { return nil }
        var plan = RoutePlan()
        plan.append(r, 1, i)
        plan.append(r, i + 1, j, reversed: true)
        plan.append(r, j + 1, segments[r].count)
        return Move(routes: (r, r), plans: (plan, RoutePlan()), twoRoutes: false)
    }
}
