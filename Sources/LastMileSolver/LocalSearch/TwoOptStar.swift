extension LocalSearchRun {
    /// 2-opt* between routes `ra` and `rb`: route `ra` keeps its jobs up to position `i` and continues with
    /// the jobs of `rb` from position `j` (so the job at `i` is followed by the one at `j`); route `rb` keeps
    /// its jobs before `j` and continues with the rest of `ra`. Written into `move`; false when a cut would split a shipment.
    @inline(__always)
    func twoOptStar(_ ra: Int, _ i: Int, _ rb: Int, _ j: Int, into move: inout Move) -> Bool {
        guard ra != rb, segments[ra].openShipments[i] == 0, segments[rb].openShipments[j - 1] == 0 else { return false }
        move.reset(ra, rb)
        move.plans.0.append(ra, 1, i)
        move.plans.0.append(rb, j, segments[rb].count)
        move.plans.1.append(rb, 1, j - 1)
        move.plans.1.append(ra, i + 1, segments[ra].count)
        return true
    }
}
