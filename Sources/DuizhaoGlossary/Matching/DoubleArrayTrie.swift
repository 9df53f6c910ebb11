/// A double-array trie over UTF-8 bytes: one array read per byte when walking.
///
/// State `s` moves on byte `c` to `t = base[s] + c` when `check[t] == s`; `value[s]` is the
/// key's value when a key ends at `s`, else -1. Built once from sorted keys; immutable after.
struct DoubleArrayTrie: Sendable {
    private(set) var base: [Int32]
    private(set) var check: [Int32]
    private(set) var value: [Int32]

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
                        guard next < count, check[Int(next)] == state else { return }
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
            guard next < Int32(check.count), check[Int(next)] == state else { return nil }
            state = next
        }
        return value[Int(state)] >= 0 ? value[Int(state)] : nil
    }

    private struct Builder {
        var base: [Int32]
        var check: [Int32]
        var value: [Int32]
        /// Positions below this are all used; the search for a free base starts here.
        var firstFree = 1

        init(capacity: Int) {
            base = Array(repeating: 0, count: capacity)
            check = Array(repeating: -1, count: capacity)
            value = Array(repeating: -1, count: capacity)
            check[0] = 0  // the root
        }

        mutating func grow(to size: Int) {
            guard size > check.count else { return }
            let newCount = max(size, check.count * 3 / 2)
            base += Array(repeating: 0, count: newCount - base.count)
            check += Array(repeating: -1, count: newCount - check.count)
            value += Array(repeating: -1, count: newCount - value.count)
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
                    check[Int(chosen) + Int(child.byte)] = state
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
        }

        /// The smallest base at which every child's slot is free.
        mutating func findBase(for bytes: [UInt8]) -> Int32 {
            let first = Int(bytes[0])
            while firstFree < check.count && check[firstFree] >= 0 { firstFree += 1 }
            var position = max(firstFree, first + 1)
            while true {
                let candidate = position - first
                grow(to: candidate + 257)
                if check[position] < 0 && bytes.allSatisfy({ check[candidate + Int($0)] < 0 }) {
                    return Int32(candidate)
                }
                position += 1
                while position < check.count && check[position] >= 0 { position += 1 }
            }
        }
    }
}
