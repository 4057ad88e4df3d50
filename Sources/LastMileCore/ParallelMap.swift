import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs `body` for every index in `0..<count` on all cores and returns the results in index order.
///
/// Work is handed out one index at a time, so uneven items balance across threads. The result does not
/// depend on scheduling. If any call throws, the error of the lowest failing index is rethrown.
///
/// - Parameters:
///   - count: the number of items.
///   - maxThreads: at most this many threads (default: the number of active cores).
///   - body: the work for one index; must be safe to call concurrently.
public func parallelMap<T: Sendable>(
    count: Int,
    maxThreads: Int = ProcessorCount.active,
    _ body: @Sendable (Int) throws -> T
) throws -> [T] {
    guard count > 0 else { return [] }
    let threads = max(1, min(maxThreads, count))
    let slots = ResultSlots<T>(count: count)
    let next = Atomic<Int>(0)
    if threads == 1 {
        for index in 0..<count { slots.store(Result { try body(index) }, at: index) }
    } else {
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < count else { break }
                slots.store(Result { try body(index) }, at: index)
            }
        }
    }
    return try slots.collect()
}

/// The number of cores this process may use.
public enum ProcessorCount {
    public static var active: Int {
        #if os(Linux)
            return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
            return max(1, sysconf(_SC_NPROCESSORS_ONLN))
        #endif
    }
}

/// Write-once result slots, one per index. Each index is written by exactly one thread and read only after
/// every writer has finished (`concurrentPerform` returned, or the threads were joined), which is what makes
/// the unchecked `Sendable` sound.
final class ResultSlots<T>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Result<T, any Error>?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    func store(_ result: Result<T, any Error>, at index: Int) { buffer[index] = result }

    func collect() throws -> [T] {
        try buffer.map { slot in
            guard let slot else { preconditionFailure("a slot was left unfilled") }
            return try slot.get()
        }
    }
}
