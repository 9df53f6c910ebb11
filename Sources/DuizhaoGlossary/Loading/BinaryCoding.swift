/// Appends little-endian integers and length-prefixed strings to a byte buffer.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func write(_ value: Int32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: UInt8) { bytes.append(value) }

    mutating func write(_ string: String) {
        write(Int32(string.utf8.count))
        bytes.append(contentsOf: string.utf8)
    }

    /// nil is written as length -1.
    mutating func write(_ string: String?) {
        guard let string else { return write(Int32(-1)) }
        write(string)
    }

    mutating func write(_ strings: [String]) {
        write(Int32(strings.count))
        for string in strings { write(string) }
    }

    mutating func write(_ count: Int) {
        write(Int32(count))
    }

    /// Raw bytes, after their count (written separately).
    mutating func write(_ raw: [UInt8]) {
        bytes.append(contentsOf: raw)
    }

    /// Zero bytes up to a multiple of `alignment`.
    mutating func align(to alignment: Int) {
        while bytes.count % alignment != 0 { bytes.append(0) }
    }

    /// A column for `BinaryReader.readColumn`: its count, then its values at a multiple of 4
    /// bytes, so that they are read in place.
    mutating func writeColumn(_ values: [Int32]) {
        align(to: 4)
        write(values)
    }

    /// A string table for `BinaryReader.readFlatStrings`.
    mutating func writeFlatStrings(_ table: StringTableBuilder) {
        writeColumn(table.starts)
        write(table.bytes.count)
        write(table.bytes)
    }

    /// Bytes laid out to be read in place (`BinaryReader.readSection`): their count, then the
    /// bytes at a multiple of 16.
    mutating func writeSection(_ section: UnsafeRawBufferPointer) {
        write(Int32(section.count))
        align(to: 16)
        bytes.append(contentsOf: section)
    }

    mutating func write(_ values: [Int32]) {
        write(Int32(values.count))
        values.withUnsafeBytes { raw in
            if Int32(littleEndian: 1) == 1 {
                bytes.append(contentsOf: raw)
            } else {
                for value in values { write(value) }
            }
        }
    }
}

/// Reads what `BinaryWriter` wrote, checking every length against what is left, so that a
/// truncated or damaged file is reported (nil), never a crash.
struct BinaryReader {
    private let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0
    /// What keeps `bytes` alive, for views read in place (`readColumn`).
    private let owner: FrozenBytes?

    init(_ bytes: UnsafeRawBufferPointer, owner: FrozenBytes? = nil) {
        self.bytes = bytes
        self.owner = owner
    }

    /// Skips to a multiple of `alignment` (from the start of `bytes`, which is aligned to 16).
    mutating func align(to alignment: Int) {
        offset = min(bytes.count, (offset + alignment - 1) / alignment * alignment)
    }

    /// A column `BinaryWriter.writeColumn` wrote, read in place; nil when truncated.
    mutating func readColumn() -> Int32Column? {
        guard let owner, Int32(littleEndian: 1) == 1 else { return nil }
        align(to: 4)
        guard let count = readInt32(), count >= 0, offset + Int(count) * 4 <= bytes.count else { return nil }
        let start = bytes.baseAddress.map { $0 + offset } ?? UnsafeRawPointer(bitPattern: 4)!
        guard Int(bitPattern: start) % 4 == 0 else { return nil }
        offset += Int(count) * 4
        let values = start.bindMemory(to: Int32.self, capacity: Int(count))
        return Int32Column(owner: owner, values: UnsafeBufferPointer(start: values, count: Int(count)))
    }

    /// A string table `BinaryWriter.writeFlatStrings` wrote, read in place; nil when damaged.
    mutating func readFlatStrings() -> FlatStrings? {
        guard let starts = readColumn(), !starts.isEmpty, let count = readInt32(), count >= 0, offset + Int(count) <= bytes.count,
            starts.ascends(from: 0, to: Int(count))
        else { return nil }
        defer { offset += Int(count) }
        return FlatStrings(starts: starts, bytes: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + Int(count))]))
    }

    /// Bytes `BinaryWriter.writeSection` wrote: where they are in `bytes`; nil when truncated.
    mutating func readSection() -> Range<Int>? {
        guard let count = readInt32(), count >= 0 else { return nil }
        align(to: 16)
        guard offset + Int(count) <= bytes.count else { return nil }
        defer { offset += Int(count) }
        return offset..<(offset + Int(count))
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func readInt32() -> Int32? {
        guard offset + 4 <= bytes.count else { return nil }
        let value = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
        offset += 4
        return Int32(littleEndian: value)
    }

    mutating func readUInt64() -> UInt64? {
        guard offset + 8 <= bytes.count else { return nil }
        let value = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        offset += 8
        return UInt64(littleEndian: value)
    }

    mutating func readUInt8() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// A string, or `.some(nil)` for a written nil; nil when the data is damaged.
    mutating func readOptionalString() -> String?? {
        guard let length = readInt32() else { return nil }
        if length == -1 { return .some(nil) }
        guard length >= 0, offset + Int(length) <= bytes.count else { return nil }
        let string = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + Int(length))]), as: UTF8.self)
        offset += Int(length)
        return .some(string)
    }

    mutating func readString() -> String? {
        guard case .some(.some(let string)) = readOptionalString() else { return nil }
        return string
    }

    mutating func readStrings() -> [String]? {
        guard let count = readInt32(), count >= 0, Int(count) <= bytes.count - offset else { return nil }
        var strings: [String] = []
        strings.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let string = readString() else { return nil }
            strings.append(string)
        }
        return strings
    }

    /// Raw bytes after their count.
    mutating func readBytes() -> [UInt8]? {
        guard let count = readInt32(), count >= 0, offset + Int(count) <= bytes.count else { return nil }
        defer { offset += Int(count) }
        return Array(UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + Int(count))]))
    }

    mutating func readInt32s() -> [Int32]? {
        guard let count = readInt32(), count >= 0, offset + Int(count) * 4 <= bytes.count else { return nil }
        let values = [Int32](unsafeUninitializedCapacity: Int(count)) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + Int(count) * 4)]))
            initialized = Int(count)
        }
        offset += Int(count) * 4
        return Int32(littleEndian: 1) == 1 ? values : values.map { Int32(littleEndian: $0) }
    }
}

/// FNV-1a, 64 bits: a stable hash of file contents for cache keys (Swift's `Hasher` is seeded
/// per process, so it cannot name a file that another run must find).
struct FNV1a {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        var hash = value
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        value = hash
    }

    mutating func combine(_ string: String) {
        var copy = string + "\u{0}"
        copy.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
    }
}
