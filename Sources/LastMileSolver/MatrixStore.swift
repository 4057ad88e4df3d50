/// Every time, distance and cost matrix of a solve, end to end in one flat array: 4 bytes per entry while
/// every entry fits, else 8. The hot loops read two entries per job and place that miss the cache on large
/// days; half the bytes keep more of them in it (a 2,000-stop day's matrix is 16 MB instead of 32).
struct MatrixStore: Sendable {
    private var narrow: [Int32] = []
    private var wide: [Int64] = []
    /// Whether entries are stored in 4 bytes.
    private(set) var isNarrow = true

    /// The number of entries.
    var count: Int { isNarrow ? narrow.count : wide.count }

    @inline(__always) subscript(_ index: Int) -> Int64 { isNarrow ? Int64(narrow[index]) : wide[index] }

    /// Appends `matrix`'s entries; the first entry that does not fit in 4 bytes widens every entry.
    mutating func append(contentsOf matrix: [Int64]) {
        if isNarrow, matrix.allSatisfy({ Int64(Int32.min) <= $0 && $0 <= Int64(Int32.max) }) {
            narrow.append(contentsOf: matrix.lazy.map { Int32($0) })
            return
        }
        if isNarrow {
            wide = narrow.map(Int64.init)
            narrow = []
            isNarrow = false
        }
        wide += matrix
    }
}
