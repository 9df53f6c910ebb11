import Foundation
import Testing

@testable import DuizhaoServer

/// An actor on `AnnotationThread` runs every call on that one thread, in order.
@Suite struct AnnotationThreadTests {
    actor Recorder {
        let thread = AnnotationThread()
        nonisolated var unownedExecutor: UnownedSerialExecutor { thread.asUnownedSerialExecutor() }
        var calls: [(Int, Bool)] = []

        /// Whether this call runs on the executor's thread.
        func record(_ number: Int) -> Bool {
            let onThread = thread.isCurrent
            calls.append((number, onThread))
            return onThread
        }
    }

    @Test func everyCallRunsOnTheOneThreadInOrder() async {
        let recorder = Recorder()
        var onThread = Set<Bool>()
        for number in 0..<50 {
            onThread.insert(await recorder.record(number))
        }
        await withTaskGroup(of: Bool.self) { group in
            for number in 50..<100 { group.addTask { await recorder.record(number) } }
            for await answer in group { onThread.insert(answer) }
        }
        #expect(onThread == [true])
        #expect(!recorder.thread.isCurrent)
        #expect(await recorder.calls.prefix(50).map(\.0) == Array(0..<50))
        #expect(await recorder.calls.count == 100)
    }
}
