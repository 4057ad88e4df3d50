import Foundation

/// Runs `body` for every index in `0..<count`, each on a thread of its own, all at the same time, and returns
/// the results in index order.
///
/// For items that wait for each other (search chains meeting to share solutions): ``parallelMap(count:maxThreads:_:)``
/// runs at most one item per free worker of the shared pool, so on a busy or small machine it runs items one
/// after another, and an item waiting for another that has not started would wait forever. The operating
/// system shares the cores among these threads instead.
public func threadPerItemMap<T: Sendable>(count: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
    let slots = ResultSlots<T>(count: count)
    let finished = DispatchGroup()
    for index in 0..<count {
        finished.enter()
        Thread {
            slots.store(.success(body(index)), at: index)
            finished.leave()
        }.start()
    }
    finished.wait()
    // Every slot holds a success: `body` cannot throw.
    return (try? slots.collect()) ?? []
}
