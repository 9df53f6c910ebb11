import CDuizhaoModel
import Foundation

/// Which of the model's two prefixes a text is embedded with.
///
/// multilingual-e5 was trained with "query: " before questions and "passage: " before what
/// answers them; for symmetric tasks (a sentence and its translation) both sides take "query: ".
public enum EmbeddingPrefix: UInt8, Sendable, Hashable {
    case query = 1
    case passage = 0
}

/// The embedding engine and a model loaded into it; frees the model in `deinit`.
///
/// The engine parallelizes each batch over the machine's cores itself: call it from one thread
/// at a time (the type is not `Sendable`).
public final class EmbeddingEngine {
    /// The dimension Duizhao is built for: multilingual-e5-small's.
    public static let expectedDimension = 384

    private let engine: OpaquePointer
    private let model: UnsafeMutableRawPointer
    /// Floats per embedding.
    public let dimension: Int

    /// Opens the engine at `engine` (after its OpenMP `runtime`, when given) and loads `model`.
    /// - Throws: `EmbeddingError` naming the file and what is wrong with it: missing, not a
    ///   loadable library, without the engine's functions, a model file that is not whole, or a
    ///   model of another dimension.
    public init(runtime: String?, engine enginePath: String, model modelPath: String) throws(EmbeddingError) {
        for (path, role) in [(runtime, "OpenMP runtime"), (enginePath, "embedding engine")] {
            if let path, !FileManager.default.fileExists(atPath: path) { throw .missingFile(path: path, role: role) }
        }
        var status: Int32 = 0
        var message = [CChar](repeating: 0, count: 512)
        let opened = dz_engine_open(runtime, enginePath, &status, &message, Int32(message.count))
        guard let opened else {
            let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            switch status {
            case DZ_ENGINE_RUNTIME_UNLOADABLE: throw .notALibrary(path: runtime ?? "", reason: text)
            case DZ_ENGINE_SYMBOL_MISSING: throw .missingSymbol(path: enginePath, symbol: text)
            default: throw .notALibrary(path: enginePath, reason: text)
            }
        }
        // The engine trusts the model's offsets: check the file first.
        let file: ModelFile
        do {
            file = try ModelFile(checking: modelPath)
        } catch {
            dz_engine_close(opened)
            throw error
        }
        guard file.dimension == Self.expectedDimension else {
            dz_engine_close(opened)
            throw .wrongDimension(path: modelPath, found: file.dimension, expected: Self.expectedDimension)
        }
        guard let loaded = dz_engine_load_model(opened, modelPath) else {
            dz_engine_close(opened)
            throw .unreadableModel(path: modelPath, reason: "the engine refused it")
        }
        let dimension = Int(dz_engine_dimension(opened, loaded))
        guard dimension == Self.expectedDimension else {
            dz_engine_free_model(opened, loaded)
            dz_engine_close(opened)
            throw .wrongDimension(path: modelPath, found: dimension, expected: Self.expectedDimension)
        }
        self.engine = opened
        self.model = loaded
        self.dimension = dimension
    }

    deinit {
        dz_engine_free_model(engine, model)
        dz_engine_close(engine)
    }

    /// The L2-normalized embeddings of `texts`, `dimension` floats each, row after row.
    /// - Throws: `EmbeddingError.embeddingFailed` when the engine reports a failure.
    public func embed(_ texts: [String], prefix: EmbeddingPrefix) throws(EmbeddingError) -> [Float] {
        guard !texts.isEmpty else { return [] }
        var output = [Float](repeating: 0, count: texts.count * dimension)
        // Each text as a NUL-terminated copy; a NUL inside a text would end it early, so it is
        // read as a space (the tokenizer treats both as separators).
        let copies = texts.map { text -> UnsafeMutablePointer<CChar> in
            let bytes = Array(text.utf8).map { $0 == 0 ? 0x20 : $0 }
            let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
            for (i, byte) in bytes.enumerated() { pointer[i] = CChar(bitPattern: byte) }
            pointer[bytes.count] = 0
            return pointer
        }
        defer { copies.forEach { $0.deallocate() } }
        let pointers: [UnsafePointer<CChar>?] = copies.map { UnsafePointer($0) }
        let status = output.withUnsafeMutableBufferPointer { out in
            pointers.withUnsafeBufferPointer { list in
                dz_engine_embed_batch(engine, model, list.baseAddress, Int32(texts.count), Int32(prefix.rawValue), out.baseAddress)
            }
        }
        guard status == 0 else { throw .embeddingFailed(status: Int(status)) }
        return output
    }
}
