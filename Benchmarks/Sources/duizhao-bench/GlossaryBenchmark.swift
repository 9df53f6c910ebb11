import CICUBaseline
import DuizhaoGlossary
import DuizhaoText
import Foundation

/// `duizhao-bench glossary`: loading the glossaries, looking terms up, and segmenting around them.
struct GlossaryBenchmark {
    var corpus: Corpus
    var repetitions: Int
    var dictionary: String?
    /// A word-frequency list; none when nil and `$DUIZHAO_FREQUENCIES` is unset.
    var frequencies: String?
    /// Times only the segmentation, for profiling it: the glossaries are loaded once, untimed.
    var segmentationOnly = false

    /// The repository's Glossaries/, found from this file's place in the checkout.
    static let glossaries = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Glossaries")

    func run() throws {
        let dictionaryPath = dictionary ?? ProcessInfo.processInfo.environment["DUIZHAO_DICTIONARY"]
        guard let dictionaryPath, FileManager.default.fileExists(atPath: dictionaryPath) else {
            throw GlossaryBenchError.noDictionary
        }
        let shipped = try FileManager.default.contentsOfDirectory(atPath: Self.glossaries.path)
            .filter { $0.hasSuffix(".tsv") }.sorted()
            .map { GlossarySource(path: Self.glossaries.appendingPathComponent($0).path, layer: .shipped, name: $0) }
        let sources = shipped + [GlossarySource(path: dictionaryPath, layer: .dictionary, name: "cedict_ts.u8")]
        let frequencies = frequencies ?? ProcessInfo.processInfo.environment["DUIZHAO_FREQUENCIES"].flatMap { $0.isEmpty ? nil : $0 }
        print("## duizhao-bench glossary\n")
        print("- glossaries: \(shipped.map(\.name).joined(separator: ", ")) and CC-CEDICT (\(dictionaryPath))")
        print("- word frequencies: \(frequencies ?? "none")")
        flushStandardOutput()

        if segmentationOnly {
            // A cache kept between runs, so that a run under a profiler does not rebuild it.
            let kept = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-bench-cache")
            try segmentation(try GlossarySet.load(sources, frequencies: frequencies, cacheDirectory: kept.path))
            return
        }

        // Loading: built from the sources (no cache), then read back from the compiled cache.
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-bench-cache-\(getpid())")
        defer { try? FileManager.default.removeItem(at: cache) }
        var built = VariantTimings(name: "build from the sources (no cache)")
        var cached = VariantTimings(name: "read from the compiled cache")
        var set: GlossarySet?
        for _ in 1...repetitions {
            let (_, seconds) = try timed { try GlossarySet.load(sources, frequencies: frequencies, cacheDirectory: nil) }
            built.seconds.append(seconds)
        }
        _ = try GlossarySet.load(sources, frequencies: frequencies, cacheDirectory: cache.path)  // writes the cache
        for _ in 1...repetitions {
            let (loaded, seconds) = try timed { try GlossarySet.load(sources, frequencies: frequencies, cacheDirectory: cache.path) }
            precondition(loaded.wasCached)
            cached.seconds.append(seconds)
            set = loaded
        }
        guard let set else { return }
        print("- entries: \(grouped(set.termBase.entries.count))\n")
        print("### Loading (goal: at most 0.3 s)\n")
        print("| how | best (s) | median (s) | all runs (s) |")
        print("|---|---:|---:|---|")
        for variant in [built, cached] { printRow(variant) }

        // Lookups: 10,000 queries in one process, by English, Chinese in both scripts and pinyin.
        let queries = Self.queries(from: set.termBase.entries, count: 10_000)
        let normalizer = try TextNormalizer()
        var lookups = VariantTimings(name: "10,000 lookups")
        var found = 0
        for _ in 1...repetitions {
            let (hits, seconds) = try timed { () throws(ICUError) -> Int in
                var hits = 0
                for query in queries where try !set.termBase.lookup(query, normalizer: normalizer, limit: 20).isEmpty { hits += 1 }
                return hits
            }
            lookups.seconds.append(seconds)
            found = hits
        }
        print("\n### Lookups (goal: 10,000 in under 1 s)\n")
        print("\(grouped(queries.count)) queries (English, Simplified, Traditional and toneless pinyin of entries spread over the term base), \(grouped(found)) found.\n")
        print("| best (s) | median (s) | µs per lookup (best) | all runs (s) |")
        print("|---:|---:|---:|---|")
        let runs = lookups.seconds.map { format($0, decimals: 3) }.joined(separator: ", ")
        print("| \(format(lookups.best, decimals: 3)) | \(format(lookups.median, decimals: 3)) | \(format(lookups.best * 1e6 / Double(queries.count), decimals: 1)) | \(runs) |")
        flushStandardOutput()
        try englishLayer(sources, frequencies: frequencies, repetitions: repetitions, without: cached)
        try segmentation(set)
    }

    /// ECDICT's English → Chinese layer: loading everything with it from the compiled cache,
    /// against the same without it (measured above), and English lookups across every layer.
    private func englishLayer(_ sources: [GlossarySource], frequencies: String?, repetitions: Int, without: VariantTimings) throws {
        let ecdict = GlossarySource(path: Self.glossaries.appendingPathComponent("ecdict/ecdict-frequent.tsv").path, layer: .englishDictionary, name: "ecdict-frequent.tsv")
        let all = sources + [ecdict]
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-bench-cache-en-\(getpid())")
        defer { try? FileManager.default.removeItem(at: cache) }
        _ = try GlossarySet.load(all, frequencies: frequencies, cacheDirectory: cache.path)
        var cached = VariantTimings(name: "with ECDICT, read from the compiled cache")
        var set: GlossarySet?
        for _ in 1...repetitions {
            let (loaded, seconds) = try timed { try GlossarySet.load(all, frequencies: frequencies, cacheDirectory: cache.path) }
            precondition(loaded.wasCached)
            cached.seconds.append(seconds)
            set = loaded
        }
        guard let set, let english = set.englishDictionary else { return }
        print("\n### With ECDICT (issue 13; goals: loading at most 0.15 s, an English lookup at most 50 ms)\n")
        let headwords = (0..<english.count).map(english.headword(at:))
        print("- ECDICT headwords: \(grouped(headwords.count)), renderings: \(grouped(headwords.reduce(0) { $0 + $1.renderings.count }))\n")
        print("| what | best (s) | median (s) | all runs (s) |")
        print("|---|---:|---:|---|")
        for variant in [without, cached] { printRow(variant, prefix: "load, ") }
        // English lookups: every 42nd headword, half of them as an inflected form where it has one.
        let step = max(1, headwords.count / 1_000)
        let queries = stride(from: 0, to: headwords.count, by: step).prefix(1_000).enumerated().map { index, position in
            let headword = headwords[position]
            return index % 2 == 1 ? headword.forms.first ?? headword.word : headword.word
        }
        let normalizer = try TextNormalizer()
        var lookups = VariantTimings(name: "1,000 English lookups")
        for _ in 1...repetitions {
            let (_, seconds) = try timed { () throws(ICUError) -> Int in
                var hits = 0
                for query in queries where try !set.lookup(query, normalizer: normalizer, limit: 20).isEmpty { hits += 1 }
                return hits
            }
            lookups.seconds.append(seconds)
        }
        printRow(lookups, suffix: " (ms each, best: \(format(lookups.best, decimals: 3)))")
        flushStandardOutput()
    }

    /// A table row: the variant's name, its best and median time and every run.
    private func printRow(_ variant: VariantTimings, prefix: String = "", suffix: String = "") {
        let runs = variant.seconds.map { format($0, decimals: 3) }.joined(separator: ", ")
        print("| \(prefix)\(variant.name)\(suffix) | \(format(variant.best, decimals: 3)) | \(format(variant.median, decimals: 3)) | \(runs) |")
    }

    /// Glossary-aware segmentation against raw ICU word break, in the same run.
    private func segmentation(_ set: GlossarySet) throws {
        let text = corpus.text
        print("\n### Glossary-aware word segmentation (goal: at least 0.7× raw ICU)\n")
        print("- corpus: \(corpus.description), \(grouped(corpus.byteCount)) bytes")
        let segmenter = try GlossarySegmenter(glossaries: set)
        _ = try segmenter.tokens(in: String(decoding: text.utf8.prefix(1_000_000), as: UTF8.self))  // warm-up
        var baseline = VariantTimings(name: "ICU C, UTF-8 UText (baseline)")
        var plain = VariantTimings(name: "Duizhao `WordSegmenter.tokens(in:)` (ICU alone)")
        var aware = VariantTimings(name: "Duizhao `GlossarySegmenter.tokens(in:)`")
        var tokenCount = 0
        var fingerprint: UInt64 = 0
        // CPU time too, which other work on a shared machine disturbs less than wall time.
        var cpu: [[Double]] = [[], [], []]
        func cpuTimed<R, E: Error>(_ variant: Int, _ body: () throws(E) -> R) throws(E) -> (R, Double) {
            let start = threadCPUSeconds()
            let (result, seconds) = try timed(body)
            cpu[variant].append(threadCPUSeconds() - start)
            return (result, seconds)
        }
        for _ in 1...repetitions {
            let (_, baseSeconds) = try cpuTimed(0) { () throws(BenchError) in
                try withUTF8Pointer(text) { pointer, count in baseline_words_utf8(pointer, Int64(count), "zh") }
            }
            baseline.seconds.append(baseSeconds)
            let (_, plainSeconds) = try cpuTimed(1) { () throws(ICUError) in try WordSegmenter().tokens(in: text) }
            plain.seconds.append(plainSeconds)
            let (tokens, awareSeconds) = try cpuTimed(2) { () throws(ICUError) in try segmenter.tokens(in: text) }
            aware.seconds.append(awareSeconds)
            tokenCount = tokens.count
            fingerprint = Self.fingerprint(tokens, in: text)
        }
        print("- glossary-aware tokens: \(grouped(tokenCount)), fingerprint \(String(fingerprint, radix: 16))\n")
        print(timingTable([baseline, plain, aware], bytes: corpus.byteCount, reference: baseline))
        let best = cpu.map { $0.min() ?? .nan }
        print("\nBest CPU time of this thread (s): baseline \(format(best[0], decimals: 3)), `WordSegmenter` \(format(best[1], decimals: 3)) (\(format(best[0] / best[1], decimals: 2))×), `GlossarySegmenter` \(format(best[2], decimals: 3)) (\(format(best[0] / best[2], decimals: 2))×).")
    }

    /// An FNV-1a hash of the tokens' UTF-8 offsets and kinds: equal fingerprints from two
    /// builds say that a change left the segmentation as it was.
    static func fingerprint(_ tokens: [Token], in text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ value: Int) {
            hash = (hash ^ UInt64(truncatingIfNeeded: value)) &* 0x0000_0100_0000_01B3
        }
        var offset = 0
        for token in tokens {
            let length = text.utf8.distance(from: token.range.lowerBound, to: token.range.upperBound)
            mix(offset)
            mix(length)
            mix(TokenKind.allCases.firstIndex(of: token.kind) ?? -1)
            offset += length
        }
        return hash
    }

    /// `count` queries from entries spread evenly over the term base, cycling through the forms.
    static func queries(from entries: GlossaryEntries, count: Int) -> [String] {
        var queries: [String] = []
        queries.reserveCapacity(count)
        let step = max(1, entries.count / count)
        var index = 0
        while queries.count < count {
            let entry = entries[(index * step) % entries.count]
            switch index % 4 {
            case 0: queries.append(entry.english.isEmpty ? entry.simplified : entry.english)
            case 1: queries.append(entry.simplified)
            case 2: queries.append(entry.traditional ?? entry.simplified)
            default: queries.append(Self.toneless(entry.pinyin ?? entry.english))
            }
            index += 1
        }
        return queries
    }

    /// Pinyin without tone marks, as a user would type it.
    static func toneless(_ pinyin: String) -> String {
        String(pinyin.decomposedStringWithCanonicalMapping.unicodeScalars.filter { !(0x300...0x36F).contains($0.value) }.map(Character.init))
    }
}

enum GlossaryBenchError: Error, CustomStringConvertible {
    case noDictionary

    var description: String {
        "no CC-CEDICT: pass --dictionary FILE or set DUIZHAO_DICTIONARY (see `duizhao dictionary install --help`)"
    }
}
