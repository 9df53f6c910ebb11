import DuizhaoEmbedding
import DuizhaoGlossary
import DuizhaoText
import Foundation

/// How `CrossReferencer` ranks and keeps links.
public struct CrossReferenceOptions: Sendable, Hashable {
    /// The calibrated score (0–1) a link needs; a claim whose best link scores below it is
    /// unsupported. 0.4 by default, a trade-off measured on mac-dev (docs/BENCHMARKS.md): 80%
    /// of the best candidates for claims whose source is there reach it, 42% of those for claims
    /// checked against an unrelated chapter. On the samples, claims a source states score 0.65
    /// and more, the claim no source states 0.32.
    public var threshold: Double = 0.4
    /// At most this many links per claim.
    public var maximumLinks: Int = 3
    /// How many source sentences, found through the index, are scored for each claim.
    public var candidates: Int = 40
    /// With the embedding model: up to this many source sentences, every one is embedded and
    /// compared with every claim (its closest become candidates too); past it only each claim's
    /// best few candidates by their words are embedded, so that time grows with the claims, not
    /// with the sources (5,000 sentences embed in about two minutes on two cores).
    public var meaningFullLimit: Int = 5_000

    public init(threshold: Double = 0.4, maximumLinks: Int = 3, candidates: Int = 40, meaningFullLimit: Int = 5_000) {
        self.threshold = threshold
        self.maximumLinks = maximumLinks
        self.candidates = candidates
        self.meaningFullLimit = meaningFullLimit
    }
}

/// A span of a source linked to a claim, with what links them and where they disagree.
public struct ClaimLink: Sendable, Hashable {
    /// The source document (an index into `CrossReference.sources`).
    public var source: Int
    /// The sentences of that document the span covers (0-based, one to three adjacent ones).
    public var sentences: Range<Int>
    /// Calibrated support, from 0 to 1.
    public var score: Double
    /// Whether the claim cites this source with a marker of its own.
    public var cited: Bool
    /// Words linked through the glossaries and the dictionary, `en=zh`.
    public var terms: [String]
    /// Numbers with the same value, `en=zh`.
    public var numbers: [String]
    /// Names linked through pinyin, `en=zh`.
    public var names: [String]
    public var discrepancies: [Discrepancy]
    /// The cosine of the claim's and the span's sentence embeddings, when the model was used.
    public var similarity: Double? = nil
}

/// A claim with its links, best first.
public struct ClaimResult: Sendable, Hashable {
    public var claim: Claim
    /// The links that reach the threshold, best first; empty for an unsupported claim.
    public var links: [ClaimLink]
    /// The best candidate found, even below the threshold (nil when no source shares anything).
    public var bestCandidate: ClaimLink?
    public var isSupported: Bool { !links.isEmpty }
}

/// The outcome of cross-referencing an article's claims with its sources.
public struct CrossReference: Sendable {
    public var sources: [SourceDocument]
    public var claims: [ClaimResult]
    /// Reference labels and the source each names.
    public var referenceSources: [String: Int]
    public var threshold: Double
}

/// Links an article's claims to the source sentences that support them.
///
/// Every source sentence is turned into features once (`FeatureExtractor`: glossary and
/// dictionary words as English lemmas, numbers, Latin tokens, pinyin syllables) and put into
/// an inverted index from feature to sentences. For each claim, the sentences sharing the most
/// inverse-document-frequency weight are candidates; each candidate and the spans of two or
/// three adjacent sentences around it are scored by their words (`SpanScorer.evidence`): a
/// log-likelihood ratio of the span being the claim's source rather than any sentence, each
/// token weighed by how often the other side covers it by chance (`ChanceWeights`), per unit
/// of what the claim could gain. Less 0.07 per sentence beyond one and 0.1 for a title (the
/// body usually says it too), plus 0.08 for each number (up to two; not years nor dates) of
/// the same kind and unit on both sides, plus 0.12 for a source the claim cites (0.06 for one
/// its paragraph cites), less 0.3 of the mean of the sentence's five best word scores with any
/// claim (`HubScores`: a sentence that matches every claim a little supports none of them).
///
/// The raw score is calibrated by a logistic, `1 / (1 + exp(-3 (raw - 0.28)))`, fitted by
/// logistic regression to whether the best candidate was right, on the English sentences of
/// `../shared/eval/align/mac-dev` matched against their shuffled chapters: a score reads
/// roughly as the chance that the link is right. The default threshold 0.4 is a raw 0.145.
/// Time grows with the claims times the candidates, not with the sources.
///
/// With a sentence-embedding model (`embedder`), meaning is weighed too (`MeaningScores`): the
/// cosine of claim and span, and its margin over both sides' nearest neighbours, are added to
/// the raw score, which `MeaningRanking` then ranks (reciprocity, span length) and calibrates
/// on claims with and without a source alike.
///
/// Not thread-safe: give each thread its own.
public final class CrossReferencer {
    public let options: CrossReferenceOptions
    private let extractor: FeatureExtractor
    let glossaries: GlossarySet?
    private let embedder: (any SentenceEmbedding)?
    private let quantityParser = QuantityParser()
    /// For one-character words: the English lemmas of their first sense (`isFirstSense`).
    private var firstSenses: [String: Set<String>] = [:]
    /// Per Chinese word of a source: the glossary entries it names as their role (`roleEntries`).
    var roleWords: [String: Set<Int32>] = [:]

    /// Logistic calibration constants: see the type's documentation.
    static let slope = 3.0
    static let midpoint = 0.28
    /// How many of a source sentence's best scores with claims make its hub score, and how much
    /// of that is taken off its scores (`HubScores`).
    static let hubDepth = 5
    static let hubWeight = 0.3

    /// How many of a claim's closest sentences in meaning become candidates.
    static let meaningCandidates = 10
    /// Past `CrossReferenceOptions.meaningFullLimit`: how many of each claim's best spans by their words are embedded
    /// and weighed by meaning too (the rest keep their words' score, calibrated alike).
    static let meaningPartialSpans = 3
    /// With the model: the weights of the margin and of the cosine (less its centre) added to the
    /// lexical raw score, chosen on mac-dev by `Benchmarks/eval/calibrate_meaning.py`
    /// (docs/BENCHMARKS.md). `MeaningRanking` ranks and calibrates the sum.
    static let marginWeight = 12.0
    static let cosineWeight = 2.0
    static let cosineCentre = 0.8

    /// Where every scored candidate is written, one line each (claim, first sentence, length,
    /// lexical raw score, cosine, margin, the claim's content tokens), when `DUIZHAO_CANDIDATES_DUMP` names a file: what
    /// `Benchmarks/eval/calibrate_meaning.py` fits the weights and the calibration on.
    static let candidatesDump: FileHandle? = ProcessInfo.processInfo.environment["DUIZHAO_CANDIDATES_DUMP"].flatMap { path in
        guard FileManager.default.createFile(atPath: path, contents: nil) else { return nil }
        return FileHandle(forWritingAtPath: path)
    }

    /// A cross-referencer over loaded glossaries (nil: numbers, Latin tokens and names only).
    /// - Throws: `ICUError` when ICU's transforms are missing.
    /// - Parameter embedder: the sentence-embedding model, whose similarities are weighed beside
    ///   the words' evidence; nil for lexical evidence alone.
    public init(
        glossaries: GlossarySet?, options: CrossReferenceOptions = CrossReferenceOptions(), embedder: (any SentenceEmbedding)? = nil
    ) throws(ICUError) {
        self.options = options
        self.glossaries = glossaries
        self.embedder = embedder
        extractor = try FeatureExtractor(glossaries: glossaries)
    }

    /// The calibrated score of a raw score.
    public static func calibrate(_ raw: Double) -> Double {
        1 / (1 + exp(-slope * (raw - midpoint)))
    }

    /// Links each claim to the spans of `sources` that support it.
    /// - Parameters:
    ///   - references: reference labels and the source (index into `sources`) each names.
    ///   - progress: told how many claims of how many have been scored, every 1,000 claims and
    ///     at the end.
    /// - Throws: `ICUError` when ICU fails, `EmbeddingError` when the model does.
    public func crossReference(
        claims: [Claim], sources: [SourceDocument], references: [String: Int], progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) throws -> CrossReference {
        // Flatten the sources' sentences.
        var owner: [Int] = []
        var local: [Int] = []
        var texts: [String] = []
        var documentStart: [Int] = []
        for (d, document) in sources.enumerated() {
            documentStart.append(texts.count)
            for (i, sentence) in document.sentences.enumerated() {
                owner.append(d)
                local.append(i)
                texts.append(sentence.text)
            }
        }
        documentStart.append(texts.count)
        let substantive = texts.map { $0.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil } }
        // Chinese first: the English side reads names against the syllables it has seen.
        let zh = try extractor.chinese(texts)
        let en = try extractor.english(claims.map(\.text))
        let featureCount = extractor.table.count
        let n = texts.count
        // The inverted indexes: feature to source sentences, and feature to claims.
        var postings = [[Int32]](repeating: [], count: featureCount)
        for g in 0..<n {
            for k in Int(zh.bagStart[g])..<Int(zh.bagStart[g + 1]) { postings[Int(zh.bag[k])].append(Int32(g)) }
        }
        var claimPostings = [[Int32]](repeating: [], count: featureCount)
        for j in 0..<claims.count {
            for k in Int(en.bagStart[j])..<Int(en.bagStart[j + 1]) { claimPostings[Int(en.bag[k])].append(Int32(j)) }
        }
        let cap = max(2000, n / 50)
        func idf(_ feature: Int32) -> Float {
            logf(Float(n + 1) / (Float(postings[Int(feature)].count) + 0.5))
        }
        let claimWeights = ChanceWeights(of: en, against: zh, postings: postings)
        let sourceWeights = ChanceWeights(of: zh, against: en, postings: claimPostings)
        var scorer = SpanScorer(
            zh: zh.reweighed(sourceWeights.gain), en: en.reweighed(claimWeights.gain), sourceMiss: sourceWeights.sentenceMiss,
            featureCount: featureCount)

        // Meaning: with few enough source sentences, all of them are compared with every claim.
        var meaning: MeaningScores?
        var claimEmbeddings: EmbeddingMatrix?
        if let embedder, !claims.isEmpty, n > 0 {
            claimEmbeddings = try embedder.embed(claims.map(\.text), prefix: .query)
            if n <= options.meaningFullLimit, let claimEmbeddings {
                meaning = MeaningScores(
                    claims: claimEmbeddings, allSentences: try embedder.embed(texts, prefix: .query), candidates: Self.meaningCandidates)
            }
        }

        // First pass: every candidate span of every claim, scored by its words.
        var accumulated = [Float](repeating: 0, count: n)
        var sourceQuantities: [Int: [Quantity]] = [:]
        func quantities(_ g: Int) -> [Quantity] {
            if let known = sourceQuantities[g] { return known }
            let value = quantityParser.quantities(in: texts[g])
            sourceQuantities[g] = value
            return value
        }
        var candidateSpans: [[ScoredSpan]] = []
        var claimCitations: [Set<Int>] = []
        var claimQuantityLists: [[Quantity]] = []
        var hubs = HubScores(depth: Self.hubDepth)
        for (j, claim) in claims.enumerated() {
            if j % 1000 == 0 && j > 0 { progress?(j, claims.count) }
            // Candidates: the sentences sharing the most weight with the claim.
            var touched: [Int32] = []
            for k in Int(en.bagStart[j])..<Int(en.bagStart[j + 1]) {
                let feature = en.bag[k]
                let list = postings[Int(feature)]
                guard !list.isEmpty, list.count <= cap else { continue }
                let weight = idf(feature)
                for g in list {
                    if accumulated[Int(g)] == 0 { touched.append(g) }
                    accumulated[Int(g)] += weight
                }
            }
            var cited = Set(claim.citations.compactMap { references[$0] })
            // A Chinese title or quotation in the claim cites the source that contains it.
            for quotation in Self.quotations(in: claim.text) {
                for (d, source) in sources.enumerated() where source.text.contains(quotation) || source.title.map({ quotation.contains($0) }) == true {
                    cited.insert(d)
                }
            }
            let paragraphCited = Set(claim.paragraphCitations.compactMap { references[$0] })
            var ranked = touched.map { (Int($0), accumulated[Int($0)]) }
            for g in touched { accumulated[Int(g)] = 0 }
            ranked.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            var candidates = ranked.prefix(options.candidates).map(\.0)
            // The sentences closest in meaning too, where the words found nothing or other ones.
            if let nearest = meaning?.nearest[j] {
                candidates += nearest.filter { !candidates.contains($0) }
            }
            // The cited sources' sentences are candidates too (the first 200 of each).
            for d in cited.union(paragraphCited).sorted() where d < sources.count {
                candidates += Array(documentStart[d]..<min(documentStart[d + 1], documentStart[d] + 200))
            }
            // A sentence of punctuation alone (a closing quotation mark cut off by the sentence
            // breaker) says nothing: it may end a span, never be one.
            candidates.removeAll { !substantive[$0] }
            let claimQuantities = quantityParser.quantities(in: claim.text)
            // Numbers of the same kind and unit on both sides (other than plain counts) point to
            // the same fact even when their values differ: "fewer than 200 people", 不到150人.
            func numberKinds(_ span: Range<Int>) -> Int {
                var count = 0
                for q in claimQuantities where q.kind != .year && q.kind != .date && (q.kind != .count || q.unit != nil) {
                    if span.contains(where: { g in quantities(g).contains { DiscrepancyFinder.compatible(q, $0) } }) { count += 1 }
                }
                return count
            }
            // Score every span of one to three adjacent sentences around each candidate.
            var seen = Set<Range<Int>>()
            var spans: [ScoredSpan] = []
            for g in candidates {
                let d = owner[g]
                let low = documentStart[d]
                let high = documentStart[d + 1]
                for length in 1...3 {
                    for start in (g - length + 1)...g where start >= low && start + length <= high {
                        let span = start..<(start + length)
                        guard seen.insert(span).inserted else { continue }
                        let (words, claimShare) = scorer.evidence(span, j)
                        var bonus = -0.07 * Double(length - 1)
                        if span.contains(where: { sources[d].sentences[local[$0]].isTitle }) { bonus -= 0.1 }
                        bonus += 0.08 * Double(min(2, numberKinds(span)))
                        if claimShare > 0.05 {
                            if cited.contains(d) { bonus += 0.12 } else if paragraphCited.contains(d) { bonus += 0.06 }
                        }
                        spans.append(ScoredSpan(span: span, words: words, bonus: bonus))
                        if length == 1 { hubs.add(words, to: start) }
                    }
                }
            }
            candidateSpans.append(spans)
            claimCitations.append(cited)
            claimQuantityLists.append(claimQuantities)
        }

        progress?(claims.count, claims.count)
        // Each candidate's score by its words, less what its sentences score with claims at large.
        let lexicalScores = candidateSpans.map { spans in
            spans.map { candidate in
                let hub = candidate.span.reduce(0.0) { $0 + hubs.mean($1) } / Double(candidate.span.count)
                return candidate.words - Self.hubWeight * hub + candidate.bonus
            }
        }
        // Many source sentences: only each claim's best few candidates by their words are embedded.
        if let embedder, let claimEmbeddings, meaning == nil {
            let considered = candidateSpans.indices.map { j -> [Int] in
                let spans = candidateSpans[j]
                let best = spans.indices.sorted { a, b in
                    ScoredSpan.ranks(lexicalScores[j][a], spans[a].span, before: lexicalScores[j][b], spans[b].span)
                }
                return Array(Set(best.prefix(Self.meaningPartialSpans).flatMap { Array(spans[$0].span) })).sorted()
            }
            let embedded = Array(Set(considered.joined())).sorted()
            meaning = MeaningScores(
                claims: claimEmbeddings, someSentences: try embedder.embed(embedded.map { texts[$0] }, prefix: .query), embedded: embedded,
                sentenceCount: n, considered: considered)
        }
        // Second pass: less what each sentence scores with claims at large, ranked, with evidence.
        // With meaning: the raw scores of all claims first, as a claim's ranking looks at the others'.
        let meaningScores = candidateSpans.indices.map { j in candidateSpans[j].map { meaning?.score($0.span, j) } }
        let raw = candidateSpans.indices.map { j in
            zip(lexicalScores[j], meaningScores[j]).map { lexical, meaningScore in
                meaningScore.map { lexical + Self.marginWeight * $0.margin + Self.cosineWeight * ($0.cosine - Self.cosineCentre) } ?? lexical
            }
        }
        let rankingScores = meaning == nil
            ? raw : MeaningRanking.rankingScores(raw: raw, spans: candidateSpans.map { $0.map(\.span) }, sentenceCount: n)
        var results: [ClaimResult] = []
        var sourceNames: [Int: [NamedTerm]] = [:]
        for (j, claim) in claims.enumerated() {
            let spans = candidateSpans[j].map(\.span)
            let claimTokens = Int(en.tokenStart[j + 1] - en.tokenStart[j])
            if let dump = Self.candidatesDump {
                for (c, span) in spans.enumerated() {
                    let scores: [Double] = [lexicalScores[j][c], meaningScores[j][c]?.cosine ?? .nan, meaningScores[j][c]?.margin ?? .nan]
                    let columns: [String] = [j, span.lowerBound, span.count].map(String.init) + scores.map { "\($0)" } + ["\(claimTokens)"]
                    dump.write(Data((columns.joined(separator: "\t") + "\n").utf8))
                }
            }
            let gaps = meaning == nil ? [] : MeaningRanking.gaps(scores: rankingScores[j], spans: spans)
            let scored = spans.indices.map { c -> (span: Range<Int>, score: Double, similarity: Double?) in
                guard meaning != nil else { return (spans[c], Self.calibrate(raw[j][c]), nil) }
                let score = MeaningRanking.calibrate(score: rankingScores[j][c], gap: gaps[c], claimTokens: claimTokens)
                return (spans[c], score, meaningScores[j][c]?.cosine)
            }
            let order = scored.sorted { a, b in ScoredSpan.ranks(a.score, a.span, before: b.score, b.span) }
            let cited = claimCitations[j]
            let claimQuantities = claimQuantityLists[j]
            var chosen: [(Range<Int>, Double, Double?)] = []
            for (span, score, similarity) in order {
                guard chosen.count < options.maximumLinks else { break }
                guard score >= options.threshold || chosen.isEmpty else { break }
                if let first = chosen.first, score < first.1 - 0.25 { break }
                if chosen.contains(where: { $0.0.overlaps(span) }) { continue }
                // A title repeats its document's body: no second link to it.
                if let first = chosen.first, owner[first.0.lowerBound] == owner[span.lowerBound], span.count == 1,
                    sources[owner[span.lowerBound]].sentences[local[span.lowerBound]].isTitle
                {
                    continue
                }
                chosen.append((span, score, similarity))
            }
            func names(_ g: Int) -> [NamedTerm] {
                if let known = sourceNames[g] { return known }
                let value = (try? self.names(in: texts[g], chinese: true)) ?? []
                sourceNames[g] = value
                return value
            }
            let claimNames = try self.names(in: claim.text, chinese: false)
            var links: [ClaimLink] = []
            for (span, score, similarity) in chosen {
                let d = owner[span.lowerBound]
                let evidence = self.evidence(span, j, zh, en, texts, claim.text)
                let sentences = span.map { g in (index: local[g], text: texts[g], quantities: quantities(g), names: names(g)) }
                let (numbers, discrepancies) = DiscrepancyFinder.compare(
                    claim: claim.text, claimQuantities: claimQuantities, claimNames: claimNames, sentences: sentences)
                links.append(
                    ClaimLink(
                        source: d, sentences: local[span.lowerBound]..<(local[span.lowerBound] + span.count), score: score, cited: cited.contains(d),
                        terms: evidence.terms, numbers: numbers, names: evidence.names, discrepancies: discrepancies,
                        similarity: similarity))
            }
            let best = links.first
            links.removeAll { $0.score < options.threshold }
            results.append(ClaimResult(claim: claim, links: links, bestCandidate: best))
        }
        return CrossReference(sources: sources, claims: results, referenceSources: references, threshold: options.threshold)
    }

    /// Runs of four Han characters or more in a claim (a title, a quotation), with the Chinese
    /// punctuation inside them.
    static func quotations(in text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var han = 0
        func close() {
            while let last = current.unicodeScalars.last, ScriptClass(last) != .han { current.unicodeScalars.removeLast() }
            if han >= 4 { result.append(current) }
            current = ""
            han = 0
        }
        for scalar in text.unicodeScalars {
            if ScriptClass(scalar) == .han {
                current.unicodeScalars.append(scalar)
                han += 1
            } else if !current.isEmpty && (0x3000...0x303F).contains(scalar.value) || !current.isEmpty && (0xFF01...0xFF1F).contains(scalar.value) {
                current.unicodeScalars.append(scalar)
            } else {
                close()
            }
        }
        close()
        return result
    }

    /// Whether feature `shared` is a sense `word` may be evidence in: any for words of two
    /// characters or more and for glossary entries; for a one-character dictionary word, only
    /// the first sense the dictionary gives (`GlossaryEntry.englishRendering`).
    private func isFirstSense(_ shared: Int32, of word: String) -> Bool {
        guard word.unicodeScalars.count == 1, word.unicodeScalars.allSatisfy({ ScriptClass($0) == .han }), let glossaries else { return true }
        let name = extractor.table.names[Int(shared)]
        if name.hasPrefix("e:") { return true }
        if let known = firstSenses[word] { return known.contains(name) }
        let range = word.startIndex..<word.endIndex
        let entries = ((try? glossaries.matcher.matches(in: word)) ?? []).filter { $0.isChinese && $0.range == range }
            .flatMap { $0.entries.map { glossaries.termBase.entries[Int($0)] } }
        var senses = Set<String>()
        for entry in entries where entry.origin.layer != .dictionary {
            for term in entry.englishTerms { senses.formUnion(extractor.glossLemmas(term)) }
        }
        if let first = GlossaryEntry.englishRendering(of: entries.filter { $0.origin.layer == .dictionary }) {
            senses.formUnion(extractor.glossLemmas(first))
        }
        firstSenses[word] = senses
        return senses.contains(name)
    }

    /// The claim's tokens the span covers, as `en=zh` strings by kind.
    private func evidence(
        _ span: Range<Int>, _ j: Int, _ zh: SideFeatures, _ en: SideFeatures, _ texts: [String], _ claim: String
    ) -> (terms: [String], names: [String]) {
        var terms: [String] = []
        var names: [String] = []
        var seen = Set<String>()
        let claimBytes = Array(claim.utf8)
        func surface(_ side: SideFeatures, _ bytes: [UInt8], _ token: Int) -> String {
            let range = side.tokenRange[token]
            guard Int(range.upperBound) <= bytes.count else { return "" }
            return String(decoding: bytes[Int(range.lowerBound)..<Int(range.upperBound)], as: UTF8.self)
        }
        let spanBytes = span.map { Array(texts[$0].utf8) }
        // ECDICT's renderings in the span: evidence shows the rendering (抓住), not the
        // one-character word of the sentence it covers (抓).
        let spanRenderings = span.map { extractor.renderingFeatures(in: texts[$0]) }
        for t in Int(en.tokenStart[j])..<Int(en.tokenStart[j + 1]) {
            let alternatives = Set(en.alternatives[Int(en.alternativeStart[t])..<Int(en.alternativeStart[t + 1])])
            let syllables = Array(en.syllables[Int(en.syllableStart[t])..<Int(en.syllableStart[t + 1])])
            let word = surface(en, claimBytes, t)
            var linked = false
            // A person's name in the span is better evidence than a role of theirs: roles only on a second pass.
            search: for withRoles in [false, true] {
                for (position, i) in span.enumerated() {
                    for u in Int(zh.tokenStart[i])..<Int(zh.tokenStart[i + 1]) {
                        let zhAlternatives = zh.alternatives[Int(zh.alternativeStart[u])..<Int(zh.alternativeStart[u + 1])]
                        let zhWord = surface(zh, spanBytes[position], u)
                        // The first pass found no word but roles: the second looks at roles alone.
                        guard withRoles != roleEntries(of: zhWord).isEmpty else { continue }
                        // A word of one character links only in its first sense: 一 is "one", not
                        // "Chinese" (from "radical in Chinese characters").
                        let candidates = zhAlternatives.filter { alternatives.contains($0) }
                        let tokenRange = Int(zh.tokenRange[u].lowerBound)..<Int(zh.tokenRange[u].upperBound)
                        // (A capitalised word inside the sentence is a name: see below.)
                        if !(en.tokenRange[t].lowerBound > 0 && (word.first?.isUppercase ?? false)),
                            let (piece, _) = spanRenderings[position].first(where: { piece, ids in
                            piece.overlaps(tokenRange) && (piece.count > 3 || piece == tokenRange) && ids.contains { alternatives.contains($0) }
                        }) {
                            if !word.allSatisfy(\.isNumber) {
                                let link = word + "=" + String(decoding: spanBytes[position][piece], as: UTF8.self)
                                if seen.insert(link).inserted { terms.append(link) }
                            }
                            linked = true
                            break search
                        }
                        if let shared = candidates.first(where: { isFirstSense($0, of: zhWord) }) {
                            // Numbers are compared as quantities, with their words.
                            let name = extractor.table.names[Int(shared)]
                            // A capitalised word inside the sentence is a name: linked through a
                            // dictionary gloss ("States" = 表示 "to state") it is chance, not evidence.
                            let capitalised = en.tokenRange[t].lowerBound > 0 && (word.first?.isUppercase ?? false)
                            if !name.hasPrefix("#") && !word.allSatisfy(\.isNumber) && (!capitalised || name.hasPrefix("e:")) {
                                let link = word + "=" + shownChinese(zhWord, feature: name, claimWord: word)
                                if seen.insert(link).inserted { terms.append(link) }
                            }
                            linked = true
                            break search
                        }
                    }
                }
            }
            if !linked && !syllables.isEmpty {
                var found: [String] = []
                for (position, i) in span.enumerated() {
                    for u in Int(zh.tokenStart[i])..<Int(zh.tokenStart[i + 1]) {
                        let own = zh.syllables[Int(zh.syllableStart[u])..<Int(zh.syllableStart[u + 1])]
                        if !own.isEmpty && own.allSatisfy({ syllables.contains($0) }) { found.append(surface(zh, spanBytes[position], u)) }
                    }
                }
                // The syllables' words together, when they stand so in the source; else the first.
                // One character alone (周 of 周二, "Tuesday") is a syllable, not a name.
                let joined = found.prefix(4).joined()
                let shown = span.contains { texts[$0].contains(joined) } ? joined : found.first ?? ""
                if shown.unicodeScalars.count >= 2 {
                    let link = word + "=" + shown
                    if seen.insert(link).inserted { names.append(link) }
                }
            }
        }
        // A glossary term matched as a whole ("Zhou Hongyi") also shows as its words: keep the whole.
        terms = terms.filter { term in
            let english = term.split(separator: "=", maxSplits: 1).first.map(String.init) ?? term
            return !terms.contains { $0 != term && $0.hasSuffix(term.dropFirst(english.count)) && $0.count > term.count && $0.contains(english) }
        }
        return (terms, names)
    }
}
