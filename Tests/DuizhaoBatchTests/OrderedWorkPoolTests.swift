import DuizhaoBatch
import Foundation
import Testing

/// Counts live objects across threads, and the most alive at once.
final class LiveCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var live = 0
    private(set) var most = 0

    func add(_ delta: Int) {
        lock.lock()
        live += delta
        most = max(most, live)
        lock.unlock()
    }
}

/// An input that counts itself while it exists.
final class TrackedInput: Sendable {
    let index: Int
    let counter: LiveCounter

    init(_ index: Int, counter: LiveCounter) {
        self.index = index
        self.counter = counter
        counter.add(1)
    }

    deinit { counter.add(-1) }
}

struct PoolFailure: Error {}

@Suite struct OrderedWorkPoolTests {
    @Test func resultsComeInInputOrderWhenLaterOnesFinishFirst() throws {
        // Each even input waits until the odd one after it has finished: completion order is 1, 0, 3, 2, …
        let count = 40
        let released = (0..<count).map { _ in DispatchSemaphore(value: 0) }
        let finished = LockedList()
        let pool = OrderedWorkPool<Int, Int>(workers: 2, window: 4)
        var delivered: [Int] = []
        var inputs = (0..<count).makeIterator()
        try pool.run(
            next: { inputs.next() },
            makeWorker: { _ in
                { index in
                    if index % 2 == 0 { released[index].wait() }
                    finished.append(index)
                    if index % 2 == 1 { released[index - 1].signal() }
                    return index * 10
                }
            },
            deliver: { delivered.append($0) })
        #expect(delivered == (0..<count).map { $0 * 10 })
        #expect(finished.items.prefix(2) == [1, 0], "the second input finished first")
    }

    @Test(arguments: [(1, 1), (2, 4), (4, 8)])
    func inputsHeldAtOnceNeverExceedTheWindow(workers: Int, window: Int) throws {
        let counter = LiveCounter()
        let pool = OrderedWorkPool<TrackedInput, TrackedInput>(workers: workers, window: window)
        var next = 0
        var delivered = 0
        try pool.run(
            next: {
                guard next < 1_000 else { return nil }
                defer { next += 1 }
                return TrackedInput(next, counter: counter)
            },
            makeWorker: { _ in { $0 } },
            deliver: { input in
                #expect(input.index == delivered)
                delivered += 1
            })
        #expect(delivered == 1_000)
        #expect(pool.mostInputsHeld <= window)
        // Inputs alive at once, wherever they are: read, queued, running, or done and waiting.
        #expect(counter.most <= window)
        #expect(counter.most >= 1)
    }

    @Test func aFailingDeliveryStopsTheRunAndDropsWhatHasNotStarted() throws {
        let started = LiveCounter()
        let pool = OrderedWorkPool<Int, Int>(workers: 2, window: 4)
        var inputs = (0..<1_000).makeIterator()
        var delivered = 0
        #expect(throws: PoolFailure.self) {
            try pool.run(
                next: { inputs.next() },
                makeWorker: { _ in
                    { index in
                        started.add(1)
                        return index
                    }
                },
                deliver: { _ in
                    delivered += 1
                    if delivered == 5 { throw PoolFailure() }
                })
        }
        #expect(delivered == 5)
        // At most the window's worth past the failing one was ever read.
        #expect(started.most <= 5 + 4)
    }
}

/// A list appended to from several threads.
final class LockedList: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [Int] = []

    func append(_ item: Int) {
        lock.lock()
        list.append(item)
        lock.unlock()
    }

    var items: [Int] {
        lock.lock()
        defer { lock.unlock() }
        return list
    }
}
