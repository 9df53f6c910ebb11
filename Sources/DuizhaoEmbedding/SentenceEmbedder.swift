/// Embeddings of many texts, row after row: `count` rows of `dimension` floats.
public struct EmbeddingMatrix: Sendable {
    public let dimension: Int
    public private(set) var values: [Float]

    public init(dimension: Int, values: [Float]) {
        precondition(dimension > 0 && values.count % dimension == 0, "a matrix of whole rows")
        self.dimension = dimension
        self.values = values
    }

    public var count: Int { values.count / dimension }

    /// The cosine of rows `i` and `j` of two matrices of unit-length rows: their dot product.
    @inline(__always)
    public func dot(_ i: Int, _ other: EmbeddingMatrix, _ j: Int) -> Float {
        values.withUnsafeBufferPointer { a in
            other.values.withUnsafeBufferPointer { b in
                var sum: Float = 0
                let x = a.baseAddress! + i * dimension
                let y = b.baseAddress! + j * dimension
                for k in 0..<dimension { sum += x[k] * y[k] }
                return sum
            }
        }
    }
}

/// What turns sentences into embeddings: the model, or a stand-in in tests.
public protocol SentenceEmbedding: AnyObject {
    /// Floats per embedding.
    var dimension: Int { get }
    /// A digest of the model: two embedders with the same digest give the same embeddings.
    var modelDigest: String { get }
    /// The unit-length embeddings of `texts`, in order.
    func embed(_ texts: [String], prefix: EmbeddingPrefix) throws(EmbeddingError) -> EmbeddingMatrix
}

/// The installed model, through the on-disk cache.
///
/// Texts already embedded (in this run or an earlier one) are taken from the cache; the rest go
/// to the engine in batches, once each however often they occur.
public final class SentenceEmbedder: SentenceEmbedding {
    public let engine: EmbeddingEngine
    public let cache: EmbeddingCache?
    public let modelDigest: String
    public var dimension: Int { engine.dimension }
    /// Texts sent to the engine since this embedder was made (the rest came from the cache).
    public private(set) var computed = 0

    /// How many texts go to the engine in one call: enough for its threads to share, few enough
    /// that a very long input does not hold every copy at once.
    static let batchSize = 256

    public init(engine: EmbeddingEngine, modelDigest: String, cache: EmbeddingCache?) {
        self.engine = engine
        self.modelDigest = modelDigest
        self.cache = cache
    }

    /// Loads an installation, with a cache under `cacheRoot` (nil: none).
    public convenience init(installation: ModelInstallation, cacheRoot: String?, cacheLimit: Int = EmbeddingCache.defaultLimit) throws(EmbeddingError) {
        let engine = try installation.load()
        let cache = cacheRoot.map {
            EmbeddingCache(root: $0, modelDigest: installation.manifest.digest, dimension: engine.dimension, limit: cacheLimit)
        }
        self.init(engine: engine, modelDigest: installation.manifest.digest, cache: cache)
    }

    public func embed(_ texts: [String], prefix: EmbeddingPrefix) throws(EmbeddingError) -> EmbeddingMatrix {
        let dimension = engine.dimension
        var values = [Float](repeating: 0, count: texts.count * dimension)
        // Each distinct text once: where its rows go, and whether the cache has it.
        var positions: [String: [Int]] = [:]
        var order: [String] = []
        for (i, text) in texts.enumerated() {
            if positions[text] == nil { order.append(text) }
            positions[text, default: []].append(i)
        }
        func place(_ vector: ArraySlice<Float>, for text: String) {
            for row in positions[text] ?? [] {
                values.replaceSubrange((row * dimension)..<((row + 1) * dimension), with: vector)
            }
        }
        var missing: [(text: String, key: EmbeddingCache.Key)] = []
        for text in order {
            let key = EmbeddingCache.Key(text: text, prefix: prefix)
            if let vector = cache?.vector(for: key) {
                place(vector[...], for: text)
            } else {
                missing.append((text, key))
            }
        }
        var fresh: [(key: EmbeddingCache.Key, vector: [Float])] = []
        var start = 0
        while start < missing.count {
            let batch = missing[start..<min(missing.count, start + Self.batchSize)]
            let output = try engine.embed(batch.map(\.text), prefix: prefix)
            for (offset, item) in batch.enumerated() {
                let vector = output[(offset * dimension)..<((offset + 1) * dimension)]
                place(vector, for: item.text)
                fresh.append((item.key, Array(vector)))
            }
            computed += batch.count
            start += batch.count
        }
        cache?.store(fresh)
        return EmbeddingMatrix(dimension: dimension, values: values)
    }
}
