import DuizhaoEmbedding

/// Every bead the aligner's second pass weighs, with the terms of its value, and both sides'
/// window embeddings: for experiments with the bead value outside Swift
/// (`Benchmarks/eval/align_fusion.py`), the search redone there over the same band.
public struct AlignmentCandidates: Sendable {
    /// One bead the second pass could choose: Chinese sentences `chinese`, English `english`.
    public struct Candidate: Sendable {
        public let chinese: Range<Int>
        public let english: Range<Int>
        /// The translation overlap, 0 to 1 (`BeadScorer.similarity`).
        public let overlap: Float
        public let lengthLogProbability: Float
        public let cues: Float
        /// The cost of the bead's shape.
        public let penalty: Float
        /// What the search maximises with the given parameters.
        public let value: Float
    }

    /// Whether the Chinese side is the target (sentence numbers below are the Chinese side's
    /// and the English side's, whichever was the source).
    public let chineseIsTarget: Bool
    public let chineseCount: Int
    public let englishCount: Int
    public let candidates: [Candidate]
    /// Each side's embeddings of its windows of 1…3 sentences, in `WindowEmbeddings` row order
    /// (all single sentences, then pairs, then threes); nil without the model.
    public let chineseWindows: EmbeddingMatrix?
    public let englishWindows: EmbeddingMatrix?
}

extension SentenceAligner {
    /// The beads the second pass of `align(source:target:)` weighs, and the embeddings (with the
    /// model, whatever the meaning weight).
    /// - Throws: `ICUError` when ICU fails, `EmbeddingError` when the model does.
    public func candidates(source: [String], target: [String]) throws -> AlignmentCandidates {
        let swapped = Self.chineseIsTarget(DocumentLanguage(sentences: source), DocumentLanguage(sentences: target))
        let zhSentences = swapped ? target : source
        let enSentences = swapped ? source : target
        let zh = try extractor.chinese(zhSentences)
        let en = try extractor.english(enSentences)
        let embeddings = try windowEmbeddings(zhSentences, enSentences, progress: nil)
        let scorer = BeadScorer(
            zh: zh, en: en, featureCount: extractor.table.count, parameters: parameters,
            embeddings: parameters.meaning != 0 ? embeddings : nil)
        let n = zhSentences.count
        let m = enSentences.count
        var result: [AlignmentCandidates.Candidate] = []
        if n > 0 && m > 0 {
            let band = firstPass(scorer, progress: nil)
            for i in 0...n {
                for j in band.lower[i]...band.upper[i] {
                    for shape in BeadShape.all {
                        let pi = i - shape.chinese
                        let pj = j - shape.english
                        guard pi >= 0, pj >= 0, pj >= band.lower[pi], pj <= band.upper[pi] else { continue }
                        let z = pi..<i
                        let e = pj..<j
                        let paired = !z.isEmpty && !e.isEmpty
                        result.append(
                            .init(
                                chinese: z, english: e, overlap: scorer.similarity(z, e),
                                lengthLogProbability: paired ? scorer.lengthLogProbability(z, e) : 0,
                                cues: paired ? scorer.cueAgreement(z, e) : 0, penalty: scorer.penalty(shape),
                                value: scorer.value(z, e)))
                    }
                }
            }
        }
        return AlignmentCandidates(
            chineseIsTarget: swapped, chineseCount: n, englishCount: m, candidates: result,
            chineseWindows: embeddings?.zh.matrix, englishWindows: embeddings?.en.matrix)
    }
}
