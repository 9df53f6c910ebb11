/// A double-array trie over UTF-8 bytes: one array read per byte when walking.
///
/// State `s` moves on byte `c` to `t = base[s] + c` when `check[t] == s`; `value[s]` is the
/// key's value when a key ends at `s`, else -1. Built once from sorted keys; immutable after.
struct DoubleArrayTrie: Sendable {
    private(set) var base: [Int32]
    private(set) var check: [Int32]
    private(set) var value: [Int32]

    /// A trie from its arrays (read back from the compiled cache); nil when they are inconsistent.
    init?(base: [Int32], check: [Int32], value: [Int32]) {
        guard !base.isEmpty, base.count == check.count, check.count == value.count else { return nil }
        self.base = base
        self.check = check
        self.value = value
    }

    /// Builds the trie.
    /// - Parameter keys: byte strings with their values; duplicates keep the first value.
    init(keys: [([UInt8], Int32)]) {
        let sorted = keys.enumerated().sorted { lhs, rhs in
            lhs.element.0.lexicographicallyPrecedes(rhs.element.0) || (lhs.element.0 == rhs.element.0 && lhs.offset < rhs.offset)
        }.map(\.element)
        var unique: [([UInt8], Int32)] = []
        unique.reserveCapacity(sorted.count)
        for key in sorted where !key.0.isEmpty && unique.last?.0 != key.0 { unique.append(key) }

        var builder = Builder(capacity: max(1024, unique.reduce(0) { $0 + $1.0.count } / 2))
        builder.build(unique)
        base = builder.base
        check = builder.check
        value = builder.value
    }

    /// Calls `body` with the end offset and value of every key that starts at `start` in `bytes`,
    /// shortest first.
    @inline(__always)
    func forEachPrefix(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ body: (_ end: Int, _ value: Int32) -> Void) {
        base.withUnsafeBufferPointer { base in
            check.withUnsafeBufferPointer { check in
                value.withUnsafeBufferPointer { value in
                    var state: Int32 = 0
                    var i = start
                    let count = Int32(check.count)
                    while i < bytes.count {
                        let next = base[Int(state)] &+ Int32(bytes[i])
                        guard next >= 0, next < count, check[Int(next)] == state else { return }
                        state = next
                        i += 1
                        if value[Int(state)] >= 0 { body(i, value[Int(state)]) }
                    }
                }
            }
        }
    }

    /// The value of exactly `key`, or nil.
    func value(of key: some Sequence<UInt8>) -> Int32? {
        var state: Int32 = 0
        for byte in key {
            let next = base[Int(state)] &+ Int32(byte)
            guard next >= 0, next < Int32(check.count), check[Int(next)] == state else { return nil }
            state = next
        }
        return value[Int(state)] >= 0 ? value[Int(state)] : nil
    }

    private struct Builder {
        var base: [Int32]
        var check: [Int32]
        var value: [Int32]
        /// A doubly linked list of the free cells, so that the search for a base visits free
        /// cells only (scanning used ones made building quadratic).
        var nextFree: [Int32]
        var previousFree: [Int32]
        /// The first free cell worth trying; free cells before it have been given up.
        var searchStart: Int32

        init(capacity: Int) {
            base = []
            check = []
            value = []
            nextFree = []
            previousFree = []
            searchStart = 1
            grow(to: capacity)
            take(0)  // the root
            check[0] = 0
        }

        mutating func grow(to size: Int) {
            let oldCount = check.count
            guard size > oldCount else { return }
            let newCount = max(size, oldCount * 3 / 2)
            base += repeatElement(0, count: newCount - oldCount)
            check += repeatElement(-1, count: newCount - oldCount)
            value += repeatElement(-1, count: newCount - oldCount)
            // New cells join the end of the free list, in order; -1 ends it.
            for i in oldCount..<newCount {
                nextFree.append(i + 1 < newCount ? Int32(i + 1) : -1)
                previousFree.append(Int32(i - 1))
            }
            if oldCount > 0 {
                // The old list's tail is the last free cell before the new ones.
                if let tail = lastFree(before: oldCount) {
                    nextFree[tail] = Int32(oldCount)
                    previousFree[oldCount] = Int32(tail)
                } else {
                    previousFree[oldCount] = -1
                    if searchStart < 0 || check[Int(searchStart)] >= 0 { searchStart = Int32(oldCount) }
                }
            } else {
                previousFree[0] = -1
            }
        }

        private func lastFree(before end: Int) -> Int? {
            (1..<end).last { check[$0] == -1 }
        }

        /// Marks cell `i` used, unlinking it from the free list.
        mutating func take(_ i: Int) {
            let previous = previousFree[i]
            let next = nextFree[i]
            if previous >= 0 { nextFree[Int(previous)] = next }
            if next >= 0 { previousFree[Int(next)] = previous }
            if Int32(i) == searchStart { searchStart = next }
            check[i] = -2  // used, parent set by the caller
        }

        mutating func build(_ keys: [([UInt8], Int32)]) {
            // An explicit stack of (state, depth, key range) instead of recursion.
            var stack: [(state: Int32, depth: Int, range: Range<Int>)] = [(0, 0, 0..<keys.count)]
            var children: [(byte: UInt8, range: Range<Int>)] = []
            while let (state, depth, range) = stack.popLast() {
                var lower = range.lowerBound
                if lower < range.upperBound && keys[lower].0.count == depth {
                    value[Int(state)] = keys[lower].1
                    lower += 1
                }
                children.removeAll(keepingCapacity: true)
                var i = lower
                while i < range.upperBound {
                    let byte = keys[i].0[depth]
                    var j = i + 1
                    while j < range.upperBound && keys[j].0[depth] == byte { j += 1 }
                    children.append((byte, i..<j))
                    i = j
                }
                guard !children.isEmpty else { continue }
                let chosen = findBase(for: children.map(\.byte))
                base[Int(state)] = chosen
                for child in children {
                    let cell = Int(chosen) + Int(child.byte)
                    take(cell)
                    check[cell] = state
                }
                for child in children.reversed() {
                    stack.append((chosen + Int32(child.byte), depth + 1, child.range))
                }
            }
            // Trim the unused tail.
            let used = (check.lastIndex { $0 >= 0 } ?? 0) + 1
            base.removeSubrange(used...)
            check.removeSubrange(used...)
            value.removeSubrange(used...)
            for i in check.indices where check[i] < 0 { check[i] = -1 }
        }

        /// A base at which every child's cell is free, found by walking the free list.
        mutating func findBase(for bytes: [UInt8]) -> Int32 {
            let first = Int(bytes[0])
            if searchStart < 0 { grow(to: check.count + 257) }
            var cell = Int(searchStart)
            var visited = 0
            while true {
                let candidate = cell - first
                if candidate >= 1 {
                    grow(to: candidate + 257)
                    if bytes.allSatisfy({ check[candidate + Int($0)] == -1 }) {
                        // Holes that many searches walk past and none can use are given up, so
                        // that the next search starts here (darts' 95%-full rule, by count).
                        if visited > 32 { searchStart = Int32(cell) }
                        return Int32(candidate)
                    }
                }
                visited += 1
                var next = nextFree[cell]
                if next < 0 {
                    grow(to: check.count + 257)
                    next = nextFree[cell]
                }
                cell = Int(next)
            }
        }
    }
}
