#if canImport(Glibc)
    import Glibc
#endif

/// Large lookup tables on 2 MB pages where the system allows it (Linux with transparent huge pages in
/// `madvise` or `always` mode): a table of hundreds of MB read at random addresses (a time-dependent travel
/// table during the search) otherwise spends most of each lookup walking page tables, since the 4 KB pages
/// that map it do not fit the TLB. Elsewhere, or when the kernel declines, a plain array.
enum HugePageArray {
    /// Tables smaller than this stay ordinary arrays (a few huge pages would not help).
    static let threshold = 64 << 20
    static let hugePage = 2 << 20

    /// `count` copies of `value`, the buffer advised to huge pages before any page is touched.
    static func make<Element: BitwiseCopyable>(repeating value: Element, count: Int) -> [Element] {
        guard count * MemoryLayout<Element>.stride >= threshold else { return [Element](repeating: value, count: count) }
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            #if canImport(Glibc)
                if let base = buffer.baseAddress {
                    let start = (Int(bitPattern: base) + hugePage - 1) & ~(hugePage - 1)
                    let end = (Int(bitPattern: base) + count * MemoryLayout<Element>.stride) & ~(hugePage - 1)
                    if end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) {
                        _ = madvise(pointer, end - start, MADV_HUGEPAGE)  // advice only: declined advice changes nothing
                    }
                }
            #endif
            buffer.initialize(repeating: value)
            initialized = count
        }
    }
}
