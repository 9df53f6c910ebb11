import Foundation

/// A span of source sentences scored for one claim: by its words, and by everything else.
struct ScoredSpan {
    var span: Range<Int>
    /// The words' evidence (`SpanScorer.evidence`).
    var words: Double
    /// Numbers, citations, titles and the span's length.
    var bonus: Double

    /// Whether a span scoring `x` ranks before one scoring `y`: the higher score first, then
    /// the earlier span, then the shorter one, so that every ranking is deterministic.
    static func ranks(_ x: Double, _ p: Range<Int>, before y: Double, _ q: Range<Int>) -> Bool {
        x != y ? x > y : (p.lowerBound != q.lowerBound ? p.lowerBound < q.lowerBound : p.count < q.count)
    }
}

/// The best word scores each source sentence reaches with any claim.
///
/// A sentence that scores well with many claims (a long one whose glosses cover much common
/// English) is weaker evidence for each of them: the mean of its best `depth` scores is taken off,
/// in part, as margin-based parallel-sentence mining does (Artetxe and Schwenk 2019).
struct HubScores {
    let depth: Int
    private var best: [Int: TopScores<Double>] = [:]

    init(depth: Int) {
        self.depth = depth
    }

    mutating func add(_ score: Double, to sentence: Int) {
        guard score > 0 else { return }
        best[sentence, default: TopScores(capacity: depth)].add(score, sentence)
    }

    /// The mean of the sentence's best `depth` scores, a missing one counting as 0.
    func mean(_ sentence: Int) -> Double {
        best[sentence]?.mean(depth, padding: 0) ?? 0
    }
}

/// Scores the words of a source span against a claim (`CoverageMarks`).
struct SpanScorer {
    let zh: SideFeatures
    let en: SideFeatures
    /// Per source sentence: what its tokens cost if the claim covers none (`ChanceWeights`).
    let sourceMiss: [Float]
    private var marks: CoverageMarks

    /// How much the source side's evidence counts beside the claim's.
    static let sourceWeight = 0.4

    /// - Parameters: zh, en: the sides, each token weighed by what its being covered gains.
    init(zh: SideFeatures, en: SideFeatures, sourceMiss: [Float], featureCount: Int) {
        self.zh = zh
        self.en = en
        self.sourceMiss = sourceMiss
        marks = CoverageMarks(featureCount: featureCount)
    }

    /// The log-likelihood ratio of `span` being claim `j`'s source against its being any
    /// sentence, per unit of what the claim could gain, and the share of the claim's weight the
    /// span covers.
    ///
    /// The claim's covered tokens gain, the span's covered tokens gain (weighed by
    /// `sourceWeight`), the span's uncovered tokens cost; divided by the claim's total gain
    /// plus one, so that a claim of two rare words covered both scores about as high as a long
    /// one covered whole, and a claim of one common word does not.
    mutating func evidence(_ span: Range<Int>, _ j: Int) -> (words: Double, claimShare: Double) {
        var miss: Float = 0
        for i in span { miss += sourceMiss[i] }
        let (zhCovered, _, enCovered, enTotal) = marks.coverage(zh, span, en, j..<(j + 1))
        let words = (Double(enCovered) + Self.sourceWeight * Double(zhCovered + miss)) / Double(enTotal + 1)
        return (words, Double(enCovered) / Double(enTotal + 1))
    }
}
