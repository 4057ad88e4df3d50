/// Positions on a Hilbert curve, for ordering nodes so that neighbours on the map are neighbours in memory.
enum HilbertCurve {
    /// The distance along a Hilbert curve of order 16 (a 65,536 × 65,536 grid) of cell `(x, y)`.
    static func index(x: UInt32, y: UInt32) -> UInt64 {
        var x = x & 0xFFFF
        var y = y & 0xFFFF
        var distance: UInt64 = 0
        var side: UInt32 = 1 << 15
        while side > 0 {
            let rx: UInt32 = (x & side) > 0 ? 1 : 0
            let ry: UInt32 = (y & side) > 0 ? 1 : 0
            distance += UInt64(side) * UInt64(side) * UInt64((3 * rx) ^ ry)
            if ry == 0 {
                if rx == 1 {
                    x = 0xFFFF - x
                    y = 0xFFFF - y
                }
                swap(&x, &y)
            }
            side >>= 1
        }
        return distance
    }
}
