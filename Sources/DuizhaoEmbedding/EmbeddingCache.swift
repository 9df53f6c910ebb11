import Crypto
import Foundation

/// Embeddings kept on disk between runs, keyed by the model's digest, the prefix and the text's
/// digest, bounded in size.
///
/// Each run that embeds something new writes one pack file (atomically) into the folder of its
/// model's digest: a header, the entries' keys, then each vector with a checksum of its key and
/// values. Opening reads the headers and key blocks only; a vector is read when it is asked for,
/// and one whose checksum fails (a truncated or damaged file) is not returned, so it is computed
/// again. Past `limit` bytes in all, the packs least recently used are removed; past
/// `maximumPacks` packs of one model, its small ones are merged into one, so that a cache used by
/// many short runs does not open thousands of files.
public final class EmbeddingCache {
    /// A text's key: SHA-256 of its prefix and UTF-8 bytes.
    public struct Key: Hashable, Sendable {
        var bytes: SIMD32<UInt8>

        /// The key of `text` embedded with `prefix`.
        public init(text: String, prefix: EmbeddingPrefix) {
            var hasher = SHA256()
            hasher.update(data: [prefix.rawValue])
            hasher.update(data: Data(text.utf8))
            var value = SIMD32<UInt8>()
            for (i, byte) in hasher.finalize().enumerated() { value[i] = byte }
            bytes = value
        }

        init(bytes: SIMD32<UInt8>) {
            self.bytes = bytes
        }
    }

    /// The default bound: 1 GiB, about 680,000 sentences of 384 dimensions.
    public static let defaultLimit = 1 << 30
    /// How many packs a model's folder may hold before its small ones are merged.
    public static let maximumPacks = 32
    /// Packs under this size are merged; larger ones are left as they are.
    static let smallPack = 8 << 20
    static let magic = Array("DZE1".utf8)
    static let headerSize = 16
    static let keySize = 32

    public let directory: String
    public let dimension: Int
    public let limit: Int
    private var packs: [Data] = []
    private var packURLs: [URL] = []
    private var used = Set<Int>()
    private var index: [Key: (pack: Int, offset: Int)] = [:]
    /// Vectors found damaged, since opening.
    public private(set) var damaged = 0

    /// Opens the cache of the model with `modelDigest` under `root` (created when missing; an
    /// unreadable folder gives an empty cache that writes nothing).
    public init(root: String, modelDigest: String, dimension: Int, limit: Int = EmbeddingCache.defaultLimit) {
        directory = root + "/embeddings/" + String(modelDigest.prefix(16))
        self.dimension = dimension
        self.limit = limit
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names.sorted() where name.hasSuffix(".pack") {
            let url = URL(fileURLWithPath: directory + "/" + name)
            guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else { continue }
            guard let count = Self.entryCount(data, dimension: dimension) else { continue }
            let pack = packs.count
            packs.append(data)
            packURLs.append(url)
            let vectorsStart = Self.headerSize + count * Self.keySize
            data.withUnsafeBytes { bytes in
                for i in 0..<count {
                    let key = Key(bytes: bytes.loadUnaligned(fromByteOffset: Self.headerSize + i * Self.keySize, as: SIMD32<UInt8>.self))
                    index[key] = (pack, vectorsStart + i * entrySize)
                }
            }
        }
    }

    /// Bytes of one stored vector: its floats and an 8-byte checksum.
    private var entrySize: Int { dimension * 4 + 8 }

    /// Entries a pack's header promises, or nil when it is not a pack of this dimension. The
    /// key block must be whole; vectors are checked one by one when read.
    private static func entryCount(_ data: Data, dimension: Int) -> Int? {
        guard data.count >= headerSize, data.prefix(4).elementsEqual(magic) else { return nil }
        let (storedDimension, count) = data.withUnsafeBytes { bytes in
            (Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 4, as: UInt32.self))),
             Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt32.self))))
        }
        guard storedDimension == dimension, headerSize + count * keySize <= data.count else { return nil }
        return count
    }

    /// How many embeddings the cache knows.
    public var count: Int { index.count }

    /// The stored embedding for `key`, or nil when there is none or it is damaged.
    public func vector(for key: Key) -> [Float]? {
        guard let (pack, offset) = index[key] else { return nil }
        let data = packs[pack]
        guard offset + entrySize <= data.count else {
            damaged += 1
            index[key] = nil
            return nil
        }
        let (values, stored, computed) = data.withUnsafeBytes { bytes -> ([Float], UInt64, UInt64) in
            let values = (0..<dimension).map { Float(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 4 * $0, as: UInt32.self))) }
            let stored = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 4 * dimension, as: UInt64.self))
            return (values, stored, Self.checksum(key, UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + 4 * dimension)])))
        }
        guard stored == computed, values.allSatisfy(\.isFinite) else {
            damaged += 1
            index[key] = nil
            return nil
        }
        used.insert(pack)
        return values
    }

    /// FNV-1a over the key and the vector's bytes.
    private static func checksum(_ key: Key, _ vector: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in 0..<keySize {
            hash = (hash ^ UInt64(key.bytes[i])) &* 0x100_0000_01b3
        }
        for byte in vector {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }

    /// Writes `entries` as a new pack, marks the packs read from as used, and removes the least
    /// recently used packs past the limit. Failures to write are ignored: a cache is an aid.
    public func store(_ entries: [(key: Key, vector: [Float])]) {
        let now = Date()
        for pack in used {
            try? FileManager.default.setAttributes([.modificationDate: now], ofItemAtPath: packURLs[pack].path)
        }
        used.removeAll()
        let fresh = entries.filter { $0.vector.count == dimension && index[$0.key] == nil }
        guard !fresh.isEmpty else { return }
        let packed = fresh.map { entry -> (Key, [UInt8]) in
            // One array of the vector's bytes, not one per float.
            let vectorBytes = entry.vector.map(\.bitPattern.littleEndian).withUnsafeBytes { Array($0) }
            let sum = vectorBytes.withUnsafeBytes { Self.checksum(entry.key, $0) }
            return (entry.key, vectorBytes + withUnsafeBytes(of: sum.littleEndian) { Array($0) })
        }
        guard write(packed, date: now) != nil else { return }
        compact()
        evict()
    }

    /// Writes entries (each key with its vector and checksum, as stored) as a new pack,
    /// atomically; returns its URL, nil when it cannot be written.
    @discardableResult
    private func write(_ entries: [(Key, [UInt8])], date: Date) -> URL? {
        var data = Data(capacity: Self.headerSize + entries.count * (Self.keySize + entrySize))
        data.append(contentsOf: Self.magic)
        for value in [UInt32(dimension), UInt32(entries.count), 0] {
            withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
        }
        for (key, _) in entries {
            withUnsafeBytes(of: key.bytes) { data.append(contentsOf: $0) }
        }
        for (_, stored) in entries {
            data.append(contentsOf: stored)
        }
        let name = String(format: "%020llu-%d-%d.pack", UInt64(date.timeIntervalSince1970 * 1e9), getpid(), Int.random(in: 0..<1_000_000))
        let url = URL(fileURLWithPath: directory + "/" + name)
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
            try? FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: url.path)
            return url
        } catch {
            return nil
        }
    }

    /// Past `maximumPacks` packs in this model's folder, merges the small ones into one pack (its
    /// date the newest of theirs), keeping only vectors whose checksums hold, then removes them.
    private func compact() {
        let keys: [URLResourceKey] = [.fileSizeKey, .contentModificationDateKey]
        let folder = URL(fileURLWithPath: directory)
        let files = ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: keys)) ?? [])
            .filter { $0.pathExtension == "pack" }
        guard files.count > Self.maximumPacks else { return }
        var small: [(url: URL, date: Date)] = []
        for url in files {
            let values = try? url.resourceValues(forKeys: Set(keys))
            if (values?.fileSize ?? Int.max) < Self.smallPack { small.append((url, values?.contentModificationDate ?? .distantPast)) }
        }
        guard small.count >= 2 else { return }
        var merged: [(Key, [UInt8])] = []
        var seen = Set<Key>()
        for (url, _) in small.sorted(by: { $0.url.path < $1.url.path }) {
            guard let data = try? Data(contentsOf: url), let count = Self.entryCount(data, dimension: dimension) else { continue }
            let vectorsStart = Self.headerSize + count * Self.keySize
            data.withUnsafeBytes { bytes in
                for i in 0..<count {
                    let offset = vectorsStart + i * entrySize
                    guard offset + entrySize <= bytes.count else { break }
                    let key = Key(bytes: bytes.loadUnaligned(fromByteOffset: Self.headerSize + i * Self.keySize, as: SIMD32<UInt8>.self))
                    let vector = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + 4 * dimension)])
                    let stored = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 4 * dimension, as: UInt64.self))
                    guard stored == Self.checksum(key, vector), seen.insert(key).inserted else { continue }
                    merged.append((key, Array(bytes[offset..<(offset + entrySize)])))
                }
            }
        }
        let newest = small.map(\.date).max() ?? Date()
        guard write(merged, date: newest) != nil else { return }
        for (url, _) in small { try? FileManager.default.removeItem(at: url) }
    }

    /// Removes the least recently used packs, of every model, until all fit in `limit`.
    private func evict() {
        let root = URL(fileURLWithPath: directory).deletingLastPathComponent()
        var files: [(url: URL, size: Int, date: Date)] = []
        let keys: [URLResourceKey] = [.fileSizeKey, .contentModificationDateKey]
        for model in (try? FileManager.default.contentsOfDirectory(at: root, includingPropertiesForKeys: nil)) ?? [] {
            for url in (try? FileManager.default.contentsOfDirectory(at: model, includingPropertiesForKeys: keys)) ?? []
            where url.pathExtension == "pack" {
                let values = try? url.resourceValues(forKeys: Set(keys))
                files.append((url, values?.fileSize ?? 0, values?.contentModificationDate ?? .distantPast))
            }
        }
        var total = files.reduce(0) { $0 + $1.size }
        for file in files.sorted(by: { $0.date != $1.date ? $0.date < $1.date : $0.url.path < $1.url.path }) where total > limit {
            try? FileManager.default.removeItem(at: file.url)
            total -= file.size
        }
    }
}
