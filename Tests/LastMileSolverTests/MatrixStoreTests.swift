import Testing

@testable import LastMileSolver

/// The matrix store keeps 4-byte entries while they fit and widens every entry, earlier ones included, at the
/// first that does not: every entry reads back as appended.
@Suite struct MatrixStoreTests {
    @Test func narrowWhileEveryEntryFits() {
        var store = MatrixStore()
        let first: [Int64] = [0, 1, -5, Int64(Int32.max), Int64(Int32.min)]
        store.append(contentsOf: first)
        store.append(contentsOf: [7, 8])
        #expect(store.isNarrow)
        #expect(store.count == 7)
        #expect((0..<store.count).map { store[$0] } == first + [7, 8])
    }

    @Test func oneWideEntryWidensEveryEntry() {
        var store = MatrixStore()
        store.append(contentsOf: [3, -4, 5])
        let wide: [Int64] = [Int64(Int32.max) + 1, 9, Int64.max]
        store.append(contentsOf: wide)
        store.append(contentsOf: [11])
        #expect(!store.isNarrow)
        #expect((0..<store.count).map { store[$0] } == [3, -4, 5] + wide + [11])
    }
}
