import Foundation

/// Bytes that never change nor move while held: a compiled cache mapped from its file, or a
/// copy of bytes built in memory. Views into them (`Int32Column`, `FlatStrings`) keep them alive.
///
/// A mapped file is only ever replaced whole (written beside and renamed) or removed, which
/// leaves a mapping of the old file as it was: another process refreshing or evicting the cache
/// does not disturb one reading it.
final class FrozenBytes: @unchecked Sendable {
    let buffer: UnsafeRawBufferPointer
    private let isMapped: Bool

    /// A copy of `bytes`, aligned as a mapping is, so that views find their integers aligned.
    init(copying bytes: [UInt8]) {
        let memory = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { memory.copyMemory(from: $0.baseAddress ?? UnsafeRawPointer(memory), byteCount: $0.count) }
        buffer = UnsafeRawBufferPointer(start: memory, count: bytes.count)
        isMapped = false
    }

    /// The file at `path` mapped read-only; nil when it cannot be opened or is empty.
    /// - Parameter touch: whether to mark the file as used now (its modification time), which
    ///   is how the cache's eviction tells the sets in use.
    init?(mapping path: String, touch: Bool = false) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size > 0 else { return nil }
        let size = Int(status.st_size)
        guard let memory = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), memory != MAP_FAILED else { return nil }
        if touch { _ = futimens(descriptor, nil) }
        buffer = UnsafeRawBufferPointer(start: memory, count: size)
        isMapped = true
    }

    deinit {
        guard let start = buffer.baseAddress else { return }
        if isMapped {
            munmap(UnsafeMutableRawPointer(mutating: start), buffer.count)
        } else {
            UnsafeMutableRawPointer(mutating: start).deallocate()
        }
    }
}

/// Int32s in frozen bytes (little-endian hosts, as every cache is written on one).
struct Int32Column: RandomAccessCollection, @unchecked Sendable {
    let owner: FrozenBytes
    let values: UnsafeBufferPointer<Int32>

    var startIndex: Int { 0 }
    var endIndex: Int { values.count }

    @inline(__always)
    subscript(position: Int) -> Int32 { values[position] }

    /// Whether every value is at least `low` and below `end`.
    func all(from low: Int32, below end: Int) -> Bool {
        let end = Int64(end)
        var ok = true
        for value in values { ok = ok && value >= low && Int64(value) < end }
        return ok
    }

    /// Whether the values never decrease, start at `first` and end at `last`.
    func ascends(from first: Int32, to last: Int) -> Bool {
        guard let head = values.first, head == first, Int(values[values.count - 1]) == last else { return false }
        var ok = true
        var previous = head
        for value in values {
            ok = ok && value >= previous
            previous = value
        }
        return ok
    }
}

/// Strings stored back to back: string `i` is `bytes[starts[i]..<starts[i + 1]]`, in UTF-8.
/// They become Swift `String`s only when asked for.
struct FlatStrings: @unchecked Sendable {
    let starts: Int32Column
    let bytes: UnsafeRawBufferPointer

    var count: Int { starts.count - 1 }

    /// The UTF-8 of string `id`.
    @inline(__always)
    func utf8(_ id: Int32) -> UnsafeRawBufferPointer {
        let start = Int(starts[Int(id)])
        return UnsafeRawBufferPointer(rebasing: bytes[start..<Int(starts[Int(id) + 1])])
    }

    /// String `id`.
    func string(_ id: Int32) -> String { String(decoding: utf8(id), as: UTF8.self) }

    /// String `id`, or nil for -1.
    func optionalString(_ id: Int32) -> String? { id < 0 ? nil : string(id) }

    /// memcmp order of string `id` against `probe`.
    @inline(__always)
    func compare(_ id: Int32, _ probe: UnsafeRawBufferPointer) -> Int32 {
        let own = utf8(id)
        let common = min(own.count, probe.count)
        let order = common == 0 ? 0 : memcmp(own.baseAddress!, probe.baseAddress!, common)
        return order != 0 ? order : Int32(own.count) - Int32(probe.count)
    }

    /// Whether string `id` starts with `probe`.
    func hasPrefix(_ id: Int32, _ probe: UnsafeRawBufferPointer) -> Bool {
        let own = utf8(id)
        return own.count >= probe.count && (probe.isEmpty || memcmp(own.baseAddress!, probe.baseAddress!, probe.count) == 0)
    }
}

/// Strings laid out back to back as they are added, each once, for `FlatStrings`.
struct StringTableBuilder {
    var bytes: [UInt8] = []
    var starts: [Int32] = [0]
    private var ids: [String: Int32] = [:]

    mutating func add(_ text: String) -> Int32 {
        if let known = ids[text] { return known }
        let id = Int32(starts.count - 1)
        bytes.append(contentsOf: text.utf8)
        starts.append(Int32(bytes.count))
        ids[text] = id
        return id
    }

    /// -1 for nil.
    mutating func add(_ text: String?) -> Int32 { text.map { add($0) } ?? -1 }
}
