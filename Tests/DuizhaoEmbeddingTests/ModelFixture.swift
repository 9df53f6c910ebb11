import DuizhaoEmbedding
import Foundation

/// The installed model, when there is one, and small files made for the loader's tests.
enum ModelFixture {
    /// The model in `$DUIZHAO_MODEL` or the default folder; nil when none is installed (the
    /// tests that need it are then reported as skipped, with the reason).
    static let installation: ModelInstallation? = try? ModelInstallation.find(in: ModelInstallation.defaultDirectory())

    /// A loaded embedder over the installed model, without a cache.
    static func engine() throws -> EmbeddingEngine {
        guard let installation else { throw EmbeddingError.missingFile(path: ModelInstallation.defaultDirectory(), role: "model") }
        return try installation.load()
    }

    /// A fresh temporary folder.
    static func folder() -> String {
        let path = NSTemporaryDirectory() + "duizhao-embedding-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A structurally whole model image with no layers: the engine's layout, `dimension` wide.
    static func modelImage(dimension: Int = 384) -> Data {
        var data = Data("E5S1".utf8)
        func int32(_ value: Int) { withUnsafeBytes(of: Int32(value).littleEndian) { data.append(contentsOf: $0) } }
        func uint32(_ value: Int) { withUnsafeBytes(of: UInt32(value).littleEndian) { data.append(contentsOf: $0) } }
        func uint64(_ value: Int) { withUnsafeBytes(of: UInt64(value).littleEndian) { data.append(contentsOf: $0) } }
        uint32(1)  // version
        for value in [dimension, 0, dimension / 32, 4 * dimension, 2, 4, 2] { int32(value) }  // hidden, layers, heads, ff, vocab, positions, types
        withUnsafeBytes(of: Float(1e-12).bitPattern.littleEndian) { data.append(contentsOf: $0) }
        int32(32)  // quantization block
        int32(2)  // pieces
        for value in [0, 1, 1, 1] { int32(value) }  // bos, eos, pad, unk
        uint64(2)  // blob length
        for offset in [0, 1, 2] { uint32(offset) }
        for _ in 0..<2 { uint32(0) }  // scores
        data.append(contentsOf: Array("ab".utf8))
        int32(0)  // normalization records
        uint32(0)  // normalization bytes
        let names = ["emb.word", "emb.pos", "emb.type", "emb.ln.w", "emb.ln.b"]
        int32(names.count)
        let directoryEnd = data.count + names.reduce(0) { $0 + 2 + $1.utf8.count + 1 + 4 + 8 + 8 }
        for (i, name) in names.enumerated() {
            withUnsafeBytes(of: UInt16(name.utf8.count).littleEndian) { data.append(contentsOf: $0) }
            data.append(contentsOf: Array(name.utf8))
            data.append(0)
            uint32(4)
            uint64(directoryEnd + 16 * i)
            uint64(16)
        }
        data.append(Data(count: 16 * names.count))
        return data
    }
}
