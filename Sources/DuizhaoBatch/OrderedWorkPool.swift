import Foundation

/// Runs work on a fixed number of threads and hands the results back in input order, holding at
/// most `window` inputs at a time (queued, running, or done and waiting for those before them).
///
/// Inputs are pulled and results delivered on the calling thread; a worker never waits for
/// another. Memory is bounded by the window, not by the number of inputs: the caller reads the
/// next input only when fewer than `window` are held.
public final class OrderedWorkPool<Input: Sendable, Output: Sendable>: @unchecked Sendable {
    /// Threads that run the work.
    public let workers: Int
    /// Inputs held at once, at most.
    public let window: Int

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var queue: [(index: Int, input: Input)] = []
    private var results: [Int: Output] = [:]
    private var closed = false
    private var running = 0
    private var mostHeld = 0

    /// - Parameters:
    ///   - workers: threads, at least 1.
    ///   - window: inputs held at once, at least `workers`.
    public init(workers: Int, window: Int) {
        precondition(workers >= 1 && window >= workers, "at least one worker and a window as wide")
        self.workers = workers
        self.window = window
    }

    /// The most inputs held at once during the last `run`.
    public var mostInputsHeld: Int {
        condition.lock()
        defer { condition.unlock() }
        return mostHeld
    }

    /// Runs `next`'s inputs to its end.
    /// - Parameters:
    ///   - next: the next input, nil at the end; called on this thread.
    ///   - makeWorker: called once on each worker thread, with its number, for that thread's
    ///     function (which may hold state no other thread sees).
    ///   - deliver: each result, in input order, on this thread. When it throws, the inputs not
    ///     yet started are dropped, the running ones finish, and the error is rethrown.
    public func run(
        next: () throws -> Input?, makeWorker: @escaping @Sendable (Int) -> (Input) -> Output, deliver: (Output) throws -> Void
    ) throws {
        condition.lock()
        queue = []
        results = [:]
        closed = false
        mostHeld = 0
        running = workers
        condition.unlock()
        for number in 0..<workers {
            let thread = Thread { [self] in
                let work = makeWorker(number)
                workLoop(work)
            }
            // ICU and the cross-referencer recurse moderately; the main thread's size, not the
            // smaller default some platforms give other threads.
            thread.stackSize = 8 << 20
            thread.start()
        }
        var submitted = 0
        var delivered = 0
        do {
            /// Delivers the results that are ready, in order; waits for one when `waiting`.
            /// Called and returns with the lock held.
            func deliverReady(waiting: Bool) throws {
                var waited = !waiting
                while true {
                    if let output = results.removeValue(forKey: delivered) {
                        condition.unlock()
                        defer { condition.lock() }
                        try deliver(output)
                        delivered += 1
                        waited = true
                    } else if !waited {
                        condition.wait()
                    } else {
                        return
                    }
                }
            }
            condition.lock()
            defer { condition.unlock() }
            while true {
                try deliverReady(waiting: false)
                while submitted - delivered >= window { try deliverReady(waiting: true) }
                condition.unlock()
                let input: Input?
                do {
                    defer { condition.lock() }
                    input = try next()
                }
                guard let input else { break }
                queue.append((submitted, input))
                submitted += 1
                mostHeld = max(mostHeld, submitted - delivered)
                condition.signal()
            }
            closed = true
            condition.broadcast()
            while delivered < submitted { try deliverReady(waiting: true) }
            while running > 0 { condition.wait() }
        } catch {
            condition.lock()
            queue.removeAll()
            closed = true
            condition.broadcast()
            while running > 0 { condition.wait() }
            results = [:]
            condition.unlock()
            throw error
        }
    }

    private func workLoop(_ work: (Input) -> Output) {
        condition.lock()
        while true {
            while queue.isEmpty && !closed { condition.wait() }
            guard !queue.isEmpty else { break }
            // At most `window` long: removing from the front costs little.
            let (index, input) = queue.removeFirst()
            condition.unlock()
            let output = work(input)
            condition.lock()
            results[index] = output
            condition.broadcast()
        }
        running -= 1
        condition.broadcast()
        condition.unlock()
    }
}
