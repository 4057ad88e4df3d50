/// Whole-array assignments that keep the array's own buffer: the annealing rewrites a candidate's routes
/// thousands of times a second, and a fresh buffer per assignment (`a = b` followed by a write, or
/// `a = Array(repeating:count:)`) is an allocation, a copy and a release each time.
extension Array {
    /// Makes the array equal to `other`, in its own buffer when that is uniquely referenced and large enough.
    @inline(__always)
    mutating func assignInPlace(_ other: [Element]) {
        removeAll(keepingCapacity: true)
        append(contentsOf: other)
    }

    /// Makes the array `count` copies of `value`, in its own buffer as ``assignInPlace(_:)``.
    @inline(__always)
    mutating func assignInPlace(repeating value: Element, count: Int) {
        removeAll(keepingCapacity: true)
        append(contentsOf: repeatElement(value, count: count))
    }
}
