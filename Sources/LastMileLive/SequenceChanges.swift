/// The stability measure: which stops of a set of sequences changed vehicle or place in their sequence.
///
/// A stop keeps its place when it stays on its vehicle and follows the same stop among those that stayed on
/// that vehicle (or is first, as before): inserting a new stop or moving one stop away changes no other
/// stop's place, reversing three stops changes them all.
enum SequenceChanges {
    /// The stops of `before` (`before[v]`: vehicle `v`'s sequence) that changed vehicle, left every sequence, or
    /// follow another stop in `after`; in `before` order.
    static func changed<ID: Hashable>(from before: [[ID]], to after: [[ID]]) -> [ID] {
        var vehicleAfter: [ID: Int] = [:]
        for (v, sequence) in after.enumerated() { for stop in sequence { vehicleAfter[stop] = v } }
        var changed: [ID] = []
        for (v, sequence) in before.enumerated() {
            let kept = sequence.filter { vehicleAfter[$0] == v }
            let keptSet = Set(kept)
            var previous: [ID: ID?] = [:]
            for (k, stop) in kept.enumerated() { previous[stop] = k > 0 ? kept[k - 1] : nil }
            let order = v < after.count ? after[v].filter { keptSet.contains($0) } : []
            var moved: Set<ID> = []
            for (k, stop) in order.enumerated() where previous[stop]! != (k > 0 ? order[k - 1] : nil) { moved.insert(stop) }
            changed += sequence.filter { vehicleAfter[$0] != v || moved.contains($0) }
        }
        return changed
    }
}
