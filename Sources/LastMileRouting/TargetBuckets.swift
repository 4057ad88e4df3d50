/// The buckets of a many-to-many query: for every rank of the hierarchy, the targets whose downward search
/// reached it and the value (cost, or times per lane) from there to them, stored flat by rank (counting sort):
/// the entries of rank `r` are `first[r] ..< first[r + 1]`.
struct TargetBuckets<Value: Sendable>: Sendable {
    let first: [Int32]
    let target: [Int32]
    let value: [Value]

    /// Sorts `entries` into buckets by rank; `filler` only initialises the storage (every slot is written).
    init(entries: [(rank: Int32, target: Int32, value: Value)], rankCount: Int, filler: Value) {
        var first = [Int32](repeating: 0, count: rankCount + 1)
        for entry in entries { first[Int(entry.rank) + 1] += 1 }
        for r in 0..<rankCount { first[r + 1] += first[r] }
        var next = first
        var target = [Int32](repeating: 0, count: entries.count)
        var value = [Value](repeating: filler, count: entries.count)
        for entry in entries {
            let slot = Int(next[Int(entry.rank)])
            next[Int(entry.rank)] += 1
            target[slot] = entry.target
            value[slot] = entry.value
        }
        self.first = first
        self.target = target
        self.value = value
    }
}
