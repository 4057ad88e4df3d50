extension LocalSearchRun {
    /// Exchanges block A, positions `a1…a2` (one or two jobs) of route `ra`, with block B, positions `b1…b2`
    /// of route `rb` (zero to two jobs; empty, `b2 = b1 - 1`, means "insert before position `b1`"), A
    /// reversed when `reversed`: relocate (B empty) and swap (1-1, 2-1, 2-2) in one move, PyVRP's
    /// `Exchange<N, M>`. Works within a route when the blocks do not overlap.
    ///
    /// Written into `move`; false (and `move` undefined) when the move is not defined or changes nothing, or a
    /// block holds a shipment half (halves do not move; see ``LocalSearch``).
    @inline(__always)
    func exchange(_ ra: Int, _ a1: Int, _ a2: Int, reversed: Bool, with rb: Int, _ b1: Int, _ b2: Int, into move: inout Move) -> Bool {
        let (na, nb) = (segments[ra].count, segments[rb].count)
        guard a1 >= 1, a2 <= na, b1 >= 1, b2 <= nb, b1 <= nb + 1,
            !segments[ra].holdsShipmentHalf(a1, a2), !segments[rb].holdsShipmentHalf(b1, b2)
        else { return false }
        if ra != rb {
            move.reset(ra, rb)
            move.plans.0.append(ra, 1, a1 - 1)
            move.plans.0.append(rb, b1, b2)
            move.plans.0.append(ra, a2 + 1, na)
            move.plans.1.append(rb, 1, b1 - 1)
            move.plans.1.append(ra, a1, a2, reversed: reversed)
            move.plans.1.append(rb, b2 + 1, nb)
            return true
        }
        let unchanged = b1 > b2 && !reversed && (b1 == a1 || b1 == a2 + 1)
        if unchanged { return false }
        move.reset(ra, ra)
        if a2 < b1 {
            move.plans.0.append(ra, 1, a1 - 1)
            move.plans.0.append(ra, b1, b2)
            move.plans.0.append(ra, a2 + 1, b1 - 1)
            move.plans.0.append(ra, a1, a2, reversed: reversed)
            move.plans.0.append(ra, b2 + 1, na)
        } else if b2 < a1 {
            move.plans.0.append(ra, 1, b1 - 1)
            move.plans.0.append(ra, a1, a2, reversed: reversed)
            move.plans.0.append(ra, b2 + 1, a1 - 1)
            move.plans.0.append(ra, b1, b2)
            move.plans.0.append(ra, a2 + 1, na)
        } else {
            return false
        }
        return true
    }
}
