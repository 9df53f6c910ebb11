import Synchronization

/// A mutual-exclusion lock for guarding non-Sendable state, such as an ICU handle.
final class Lock: Sendable {
    private let mutex = Mutex<Void>(())

    /// Runs `body` while holding the lock.
    func withLock<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        try mutex.withLock { _ throws(E) -> T in try body() }
    }
}
