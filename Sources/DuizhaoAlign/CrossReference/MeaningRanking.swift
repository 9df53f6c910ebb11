import Foundation

/// How candidates are ranked, and their scores calibrated, when meaning is weighed.
///
/// Each candidate has a raw score: its words' evidence plus the weighed cosine and margin
/// (`CrossReferencer.marginWeight`, `cosineWeight`). Two things the raw score cannot see are
/// added before ranking:
/// - **Reciprocity** (competitive linking): a span whose every sentence is closer to this claim
///   than to any other claim of the article gains `reciprocalBonus`. A sentence that is every
///   claim's second best supports none of them as well as the one it is closest to.
/// - **Length**: each sentence beyond one costs `extraSentencePenalty`, as the mean embedding of
///   a longer span is close to more claims.
///
/// The ranking score is then calibrated by a logistic over three features: the score, how far
/// the candidate stands above its best rival that does not overlap it (`gap`: a claim that
/// several unrelated sentences match about as well is matched by chance), and how much the claim
/// says (`log(1 + its content tokens)`: "You go ahead." is close to many short sentences). All
/// constants are chosen and fitted on mac-dev by `Benchmarks/eval/calibrate_meaning.py`, on the
/// best candidates of claims checked against their own chapter and against another one, so
/// that a score reads as the chance that the link is right where some claims have no source
/// (docs/BENCHMARKS.md, with leave-one-chapter-out figures).
struct MeaningRanking {
    static let reciprocalBonus = 0.1
    static let extraSentencePenalty = 0.3
    /// The logistic's weights: score, gap, claim tokens (log), intercept.
    static let scoreWeight = 2.97
    static let gapWeight = 5.05
    static let claimTokensWeight = 1.16
    static let intercept = -5.24
    /// The gap of a candidate that has no rival, and the most a gap counts.
    static let largestGap = 1.0

    /// The ranking score of every candidate of every claim: `raw[j][c]` for candidate span
    /// `spans[j][c]` of claim `j`, over source sentences `0..<sentenceCount`.
    static func rankingScores(raw: [[Double]], spans: [[Range<Int>]], sentenceCount: Int) -> [[Double]] {
        // Each sentence's closest claim by its one-sentence candidates; ties to the first claim.
        var closest = [Int](repeating: -1, count: sentenceCount)
        var closestScore = [Double](repeating: -.infinity, count: sentenceCount)
        for (j, claimSpans) in spans.enumerated() {
            for (c, span) in claimSpans.enumerated() where span.count == 1 {
                let g = span.lowerBound
                if raw[j][c] > closestScore[g] {
                    closestScore[g] = raw[j][c]
                    closest[g] = j
                }
            }
        }
        return spans.enumerated().map { j, claimSpans in
            claimSpans.enumerated().map { c, span in
                let reciprocal = span.allSatisfy { closest[$0] == j || closest[$0] < 0 }
                return raw[j][c] + (reciprocal ? reciprocalBonus : 0) - extraSentencePenalty * Double(span.count - 1)
            }
        }
    }

    /// For each candidate: its score less the best score of the candidates that do not overlap
    /// it, at most `largestGap` (which a candidate without such a rival gets).
    static func gaps(scores: [Double], spans: [Range<Int>]) -> [Double] {
        let order = scores.indices.sorted { a, b in ScoredSpan.ranks(scores[a], spans[a], before: scores[b], spans[b]) }
        return scores.indices.map { c in
            guard let rival = order.first(where: { $0 != c && !spans[$0].overlaps(spans[c]) }) else { return largestGap }
            return min(largestGap, scores[c] - scores[rival])
        }
    }

    /// The calibrated score: the chance that the link is right.
    static func calibrate(score: Double, gap: Double, claimTokens: Int) -> Double {
        let x = scoreWeight * score + gapWeight * gap + claimTokensWeight * log(1 + Double(claimTokens)) + intercept
        return 1 / (1 + exp(-x))
    }
}
