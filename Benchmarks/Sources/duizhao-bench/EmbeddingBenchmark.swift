import CEngineBaseline
import Glibc
import DuizhaoEmbedding

/// Duizhao's sentence embedding against the engine's own batch call, over the same sentences.
///
/// The baseline is C opening the engine with dlopen and calling e5_embed_batch in batches of the
/// size Duizhao uses; Duizhao's side is `SentenceEmbedder` without a cache: the copies of each
/// text, deduplication and the Swift wrapper. Both give the same vectors (checked).
struct EmbeddingBenchmark {
    var corpus: Corpus
    var options: BenchOptions

    func run() throws {
        let directory = options.model ?? ModelInstallation.defaultDirectory()
        guard let installation = try ModelInstallation.find(in: directory) else {
            throw EmbeddingError.missingFile(path: directory, role: "installed model")
        }
        // Distinct lines, so that deduplication saves Duizhao nothing the baseline pays for.
        var seen = Set<String>()
        var texts: [String] = []
        for line in corpus.text.split(separator: "\n") where !line.isEmpty && seen.insert(String(line)).inserted {
            texts.append(String(line))
            if texts.count == options.sentences { break }
        }
        let embedder = try SentenceEmbedder(installation: installation, cacheRoot: nil)
        var baseline = VariantTimings(name: "engine's batch call (C)")
        var duizhao = VariantTimings(name: "SentenceEmbedder, no cache")
        var difference: Float = 0
        for _ in 0..<options.repetitions {
            var reference = [Float](repeating: 0, count: texts.count * embedder.dimension)
            let copies = texts.map { strdup($0) }
            defer { copies.forEach { free($0) } }
            let pointers: [UnsafePointer<CChar>?] = copies.map { UnsafePointer($0) }
            let seconds = pointers.withUnsafeBufferPointer { list in
                reference.withUnsafeMutableBufferPointer { out in
                    dz_baseline_embed(
                        installation.runtimePath, installation.enginePath, installation.modelPath, list.baseAddress, Int32(texts.count),
                        Int32(256), out.baseAddress)
                }
            }
            guard seconds >= 0 else { throw EmbeddingError.embeddingFailed(status: Int(seconds)) }
            baseline.seconds.append(seconds)
            let (matrix, ours) = try timed { () throws(EmbeddingError) in try embedder.embed(texts, prefix: .query) }
            duizhao.seconds.append(ours)
            difference = max(difference, zip(reference, matrix.values).map { abs($0 - $1) }.max() ?? 0)
        }
        let characters = texts.reduce(0) { $0 + $1.count }
        print("## Sentence embedding: \(texts.count) sentences, \(characters) characters")
        print()
        print("Corpus: \(corpus.description). Model: \(installation.manifest.model), \(directory).")
        print("Largest difference between the two sides' vectors: \(difference).")
        print()
        print("| variant | best s | median s | sentences/s (best) | throughput vs baseline |")
        print("|---|---|---|---|---|")
        for variant in [baseline, duizhao] {
            let rate = Double(texts.count) / variant.best
            let ratio = baseline.best / variant.best
            print(
                "| \(variant.name) | \(format(variant.best, decimals: 2)) | \(format(variant.median, decimals: 2)) | "
                    + "\(format(rate, decimals: 1)) | \(format(ratio, decimals: 3))× |")
        }
    }
}
