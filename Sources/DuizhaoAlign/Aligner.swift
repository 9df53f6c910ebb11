import DuizhaoEmbedding
import DuizhaoGlossary
import DuizhaoText

/// Aligns a Chinese text and its English translation (or the reverse) sentence by sentence.
///
/// Two passes, as Bertalign and Vecalign do: a cheap search with one-to-one beads inside a
/// band around the diagonal where cumulative lengths agree, then the full search (1-1 up to
/// 1-5, 2-3 and skips) inside a narrow band around the first pass's path. Time and memory grow
/// linearly with the documents.
///
/// Not thread-safe: give each thread its own.
public final class SentenceAligner {
    public let parameters: AlignmentParameters
    let extractor: FeatureExtractor
    let embedder: (any SentenceEmbedding)?

    /// An aligner over loaded glossaries (nil: numbers, Latin tokens, names and length only).
    /// - Parameter embedder: the sentence-embedding model, whose similarity of a bead's two
    ///   sides is weighed beside the words' (`AlignmentParameters.meaning`); nil for none.
    /// - Throws: `ICUError` when ICU's transforms are missing.
    public init(
        glossaries: GlossarySet?, parameters: AlignmentParameters = AlignmentParameters(), embedder: (any SentenceEmbedding)? = nil
    ) throws(ICUError) {
        self.parameters = parameters
        self.embedder = embedder
        extractor = try FeatureExtractor(glossaries: glossaries, englishRenderings: false)
    }

    /// Aligns `source` with `target`, given as sentences.
    /// - Parameters:
    ///   - evidence: whether to say, bead by bead, which words, numbers and names link them.
    ///   - progress: told each phase as it starts ("reading the sentences", "first pass", …).
    /// - Throws: `ICUError` when ICU fails, `EmbeddingError` when the model does.
    public func align(
        source: [String], target: [String], evidence: Bool = false, progress: ((String) -> Void)? = nil
    ) throws -> Alignment {
        let sourceLanguage = DocumentLanguage(sentences: source)
        let targetLanguage = DocumentLanguage(sentences: target)
        var warnings: [String] = []
        if source.isEmpty { warnings.append("the source has no sentences") }
        if target.isEmpty { warnings.append("the target has no sentences") }
        let swapped = Self.chineseIsTarget(sourceLanguage, targetLanguage)
        if !source.isEmpty && !target.isEmpty {
            if sourceLanguage == targetLanguage && sourceLanguage != .unknown {
                let name = sourceLanguage == .chinese ? "Chinese" : "English"
                warnings.append("both texts look \(name); one of them should be the translation")
            } else if sourceLanguage == .unknown || targetLanguage == .unknown {
                warnings.append("the \(sourceLanguage == .unknown ? "source" : "target") has no letters to judge its language by")
            }
        }
        let zhSentences = swapped ? target : source
        let enSentences = swapped ? source : target
        // Chinese first: the English side reads names against the syllables it has seen.
        progress?("reading \(zhSentences.count) + \(enSentences.count) sentences")
        let zh = try extractor.chinese(zhSentences)
        let en = try extractor.english(enSentences)
        // Embedding costs far more than the rest of the alignment: only where meaning has a weight.
        let embeddings = parameters.meaning != 0 ? try windowEmbeddings(zhSentences, enSentences, progress: progress) : nil
        let scorer = BeadScorer(zh: zh, en: en, featureCount: extractor.table.count, parameters: parameters, embeddings: embeddings)
        let n = zhSentences.count
        let m = enSentences.count

        var pairs: [(Range<Int>, Range<Int>)]
        if n == 0 || m == 0 {
            pairs = (0..<n).map { ($0..<($0 + 1), 0..<0) } + (0..<m).map { (0..<0, $0..<($0 + 1)) }
        } else {
            let secondBand = firstPass(scorer, progress: progress)
            progress?("second pass")
            pairs = BandedSearch.run(band: secondBand, shapes: BeadShape.all, chinese: n, english: m, value: scorer.value)
        }

        var beads: [Bead] = []
        beads.reserveCapacity(pairs.count)
        for (z, e) in pairs {
            let score = Double(scorer.similarity(z, e))
            let links = evidence ? self.evidence(z, e, zh, en, zhSentences, enSentences) : nil
            beads.append(swapped ? Bead(source: e, target: z, score: score, evidence: links) : Bead(source: z, target: e, score: score, evidence: links))
        }
        let confidence = n == 0 || m == 0 ? 0 : documentConfidence(pairs, scorer)
        if n > 0 && m > 0 && confidence < 0.3 {
            warnings.append("the texts look unrelated (confidence \(String(format2: confidence))); check that one translates the other")
        }
        return Alignment(
            beads: beads, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, confidence: confidence,
            lengthRatio: Double(scorer.ratio), warnings: warnings)
    }

    /// Whether the Chinese side is the target: the side that looks more Chinese, the source when
    /// both look alike.
    static func chineseIsTarget(_ source: DocumentLanguage, _ target: DocumentLanguage) -> Bool {
        switch (source, target) {
        case (.english, .chinese), (.unknown, .chinese), (.english, .unknown): return true
        default: return false
        }
    }

    /// Both sides' embeddings of every window of 1…`WindowEmbeddings.size` sentences, or nil
    /// without the model or without sentences.
    func windowEmbeddings(
        _ zhSentences: [String], _ enSentences: [String], progress: ((String) -> Void)?
    ) throws -> (zh: WindowEmbeddings, en: WindowEmbeddings)? {
        guard let embedder, !zhSentences.isEmpty, !enSentences.isEmpty else { return nil }
        progress?("embedding \(zhSentences.count) + \(enSentences.count) sentences, alone and in windows")
        let zhWindows = WindowEmbeddings.texts(zhSentences, separator: "")
        let enWindows = WindowEmbeddings.texts(enSentences, separator: " ")
        return (
            WindowEmbeddings(matrix: try embedder.embed(zhWindows, prefix: .query), sentences: zhSentences.count),
            WindowEmbeddings(matrix: try embedder.embed(enWindows, prefix: .query), sentences: enSentences.count)
        )
    }

    /// The first pass (one-to-one beads and skips around the length diagonal), which also sets
    /// the scorer's length variance; returns the band around its path that the second searches.
    func firstPass(_ scorer: BeadScorer, progress: ((String) -> Void)?) -> Band {
        let n = scorer.zh.sentenceCount
        let m = scorer.en.sentenceCount
        // Where the translation drifts from the length diagonal (a passage left out, a
        // different density of sentences), the path runs along the band's edge: then the
        // band is widened around the path found, and the pass repeated.
        var width = parameters.band
        progress?("first pass")
        var firstBand = Band.lengthDiagonal(zh: scorer.zh.lengths, en: scorer.en.lengths, width: width)
        var first = BandedSearch.run(band: firstBand, shapes: BeadShape.firstPass, chinese: n, english: m, value: scorer.value)
        // At most 16 times the first width, and about 20 million cells, so that time and
        // memory stay linear in the documents.
        let widest = max(parameters.band, min(parameters.band * 16, 10_000_000 / n))
        while width < widest && firstBand.isTouched(by: first, english: m) {
            width = min(width * 2, widest)
            progress?("first pass, band widened to ±\(width)")
            var path: [(Int, Int)] = [(0, 0)]
            for (z, e) in first { path.append((z.upperBound, e.upperBound)) }
            firstBand = Band.around(path: path, chinese: n, english: m, width: width)
            first = BandedSearch.run(band: firstBand, shapes: BeadShape.firstPass, chinese: n, english: m, value: scorer.value)
        }
        scorer.variance = estimateVariance(first, scorer)
        var path: [(Int, Int)] = [(0, 0)]
        for (z, e) in first { path.append((z.upperBound, e.upperBound)) }
        return Band.around(path: path, chinese: n, english: m, width: parameters.window)
    }

    /// The variance of the length difference per character among the one-to-one beads of the
    /// first pass, the largest tenth left out as likely errors.
    private func estimateVariance(_ beads: [(Range<Int>, Range<Int>)], _ scorer: BeadScorer) -> Float {
        var values: [Float] = []
        for (z, e) in beads where z.count == 1 && e.count == 1 {
            let lz = scorer.zh.lengths[z.lowerBound] * scorer.ratio
            let le = scorer.en.lengths[e.lowerBound]
            guard lz + le > 0 else { continue }
            values.append((le - lz) * (le - lz) / ((lz + le) / 2))
        }
        guard values.count >= 10 else { return scorer.variance }
        values.sort()
        let kept = values.prefix(Int(Double(values.count) * 0.9))
        let mean = kept.reduce(0, +) / Float(kept.count)
        return max(mean, 1)
    }

    /// How far the aligned beads' overlap stands above that of sentences paired at random
    /// offsets: near 1 for a translation, near 0 for unrelated texts.
    private func documentConfidence(_ pairs: [(Range<Int>, Range<Int>)], _ scorer: BeadScorer) -> Double {
        var aligned: Float = 0
        var alignedCount = 0
        var shifted: Float = 0
        var shiftedCount = 0
        let m = scorer.en.sentenceCount
        for (z, e) in pairs where !z.isEmpty && !e.isEmpty {
            aligned += scorer.similarity(z, e)
            alignedCount += 1
            // The same Chinese sentences against English a fixed distance away.
            for offset in [7, 19] {
                let start = (e.lowerBound + offset) % m
                let end = min(start + e.count, m)
                shifted += scorer.similarity(z, start..<end)
                shiftedCount += 1
            }
        }
        guard alignedCount > 0 else { return 0 }
        let alignedMean = aligned / Float(alignedCount)
        let shiftedMean = shifted / Float(max(shiftedCount, 1))
        let skipped = pairs.filter { $0.0.isEmpty || $0.1.isEmpty }.count
        let coverage = 1 - Double(skipped) / Double(pairs.count)
        // On mac-dev, translations lift the overlap 0.23 to 0.37 above chance, unrelated
        // chapters 0.03 to 0.05 (the search finds some overlap anywhere): 0.04 counts as
        // nothing, 0.20 as full confidence.
        let lift = (Double(alignedMean - shiftedMean) - 0.04) / 0.16
        return max(0, min(1, lift)) * coverage
    }

    /// The tokens of one side that the other covers, as `chinese=english` strings by kind.
    private func evidence(
        _ z: Range<Int>, _ e: Range<Int>, _ zh: SideFeatures, _ en: SideFeatures, _ zhText: [String], _ enText: [String]
    ) -> BeadEvidence {
        var result = BeadEvidence()
        guard !z.isEmpty && !e.isEmpty else { return result }
        func surface(_ side: SideFeatures, _ texts: [String], _ sentence: Int, _ token: Int) -> String {
            let range = side.tokenRange[token]
            let bytes = Array(texts[sentence].utf8)
            guard range.upperBound <= bytes.count else { return "" }
            return String(decoding: bytes[Int(range.lowerBound)..<Int(range.upperBound)], as: UTF8.self)
        }
        var seen = Set<String>()
        for j in e {
            for t in Int(en.tokenStart[j])..<Int(en.tokenStart[j + 1]) {
                let alternatives = Set(en.alternatives[Int(en.alternativeStart[t])..<Int(en.alternativeStart[t + 1])])
                let syllables = Array(en.syllables[Int(en.syllableStart[t])..<Int(en.syllableStart[t + 1])])
                search: for i in z {
                    for u in Int(zh.tokenStart[i])..<Int(zh.tokenStart[i + 1]) {
                        let zhAlternatives = zh.alternatives[Int(zh.alternativeStart[u])..<Int(zh.alternativeStart[u + 1])]
                        if let shared = zhAlternatives.first(where: { alternatives.contains($0) }) {
                            let link = surface(zh, zhText, i, u) + "=" + surface(en, enText, j, t)
                            if seen.insert(link).inserted {
                                if extractor.table.names[Int(shared)].hasPrefix("#") {
                                    result.numbers.append(link)
                                } else {
                                    result.terms.append(link)
                                }
                            }
                            break search
                        }
                    }
                }
                if !syllables.isEmpty {
                    // A name: the Chinese characters whose syllables spell it, in order.
                    var names: [String] = []
                    for i in z {
                        for u in Int(zh.tokenStart[i])..<Int(zh.tokenStart[i + 1]) {
                            let own = zh.syllables[Int(zh.syllableStart[u])..<Int(zh.syllableStart[u + 1])]
                            if !own.isEmpty && own.allSatisfy({ syllables.contains($0) }) { names.append(surface(zh, zhText, i, u)) }
                        }
                    }
                    let word = surface(en, enText, j, t)
                    if !names.isEmpty && !result.terms.contains(where: { $0.hasSuffix("=" + word) }) {
                        let link = names.prefix(4).joined() + "=" + word
                        if seen.insert(link).inserted { result.names.append(link) }
                    }
                }
            }
        }
        return result
    }
}

extension String {
    /// A number with two decimals, without Foundation's locale-dependent formatting.
    init(format2 value: Double) {
        let hundredths = Int((value * 100).rounded())
        let fraction = abs(hundredths % 100)
        self = "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
