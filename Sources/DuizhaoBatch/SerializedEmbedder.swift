import DuizhaoEmbedding
import Foundation

/// One embedder shared by a batch's threads, one call at a time.
///
/// The engine spreads each call over the cores itself and is not to be entered twice at once,
/// and `SentenceEmbedder`'s cache is not thread-safe: so every call takes one lock, and the
/// threads take turns with whole batches of texts.
public final class SerializedEmbedder: SentenceEmbedding, @unchecked Sendable {
    // Only touched with `lock` held.
    private let embedder: any SentenceEmbedding
    private let lock = NSLock()
    public let dimension: Int
    public let modelDigest: String

    /// Wraps `embedder`, which no one else may call while this one is in use.
    public init(_ embedder: any SentenceEmbedding) {
        self.embedder = embedder
        dimension = embedder.dimension
        modelDigest = embedder.modelDigest
    }

    public func embed(_ texts: [String], prefix: EmbeddingPrefix) throws(EmbeddingError) -> EmbeddingMatrix {
        lock.lock()
        defer { lock.unlock() }
        return try embedder.embed(texts, prefix: prefix)
    }
}
