extension LocalSearchRun {
    /// 2-opt within route `r`: reverses positions `i + 1…j` (`i < j`), so that the job at `i` is followed by
    /// the job at `j`. Written into `move`; false when that changes nothing or the reversed run holds a shipment half.
    @inline(__always)
    func twoOpt(_ r: Int, _ i: Int, _ j: Int, into move: inout Move) -> Bool {
        guard j > i + 1, !segments[r].holdsShipmentHalf(i + 1, j) else { return false }
        move.reset(r, r)
        move.plans.0.append(r, 1, i)
        move.plans.0.append(r, i + 1, j, reversed: true)
        move.plans.0.append(r, j + 1, segments[r].count)
        return true
    }
}
