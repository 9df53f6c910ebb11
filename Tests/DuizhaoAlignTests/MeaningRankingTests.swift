import Foundation
import Testing

@testable import DuizhaoAlign

@Suite struct MeaningRankingTests {
    @Test func aSentenceClosestToAnotherClaimGivesNoReciprocalBonus() {
        // Sentence 0 is closer to claim 1 (0.9) than to claim 0 (0.8); sentence 1 only to claim 0.
        let spans: [[Range<Int>]] = [[0..<1, 1..<2], [0..<1]]
        let raw = [[0.8, 0.5], [0.9]]
        let scores = MeaningRanking.rankingScores(raw: raw, spans: spans, sentenceCount: 2)
        #expect(scores[0][0] == 0.8)
        #expect(scores[0][1] == 0.5 + MeaningRanking.reciprocalBonus)
        #expect(scores[1][0] == 0.9 + MeaningRanking.reciprocalBonus)
    }

    @Test func eachSentenceBeyondOneCostsThePenalty() {
        let scores = MeaningRanking.rankingScores(raw: [[1.0, 1.0]], spans: [[0..<1, 0..<3]], sentenceCount: 3)
        #expect(scores[0][0] == 1.0 + MeaningRanking.reciprocalBonus)
        #expect(abs(scores[0][1] - (1.0 + MeaningRanking.reciprocalBonus - 2 * MeaningRanking.extraSentencePenalty)) < 1e-12)
    }

    @Test func aGapIsMeasuredAgainstTheBestRivalThatDoesNotOverlap() {
        // The span 0..<2 overlaps the best candidate 1..<2, so the best one's rival is 3..<4.
        let gaps = MeaningRanking.gaps(scores: [0.9, 0.8, 0.5], spans: [1..<2, 0..<2, 3..<4])
        #expect(abs(gaps[0] - 0.4) < 1e-12)
        #expect(abs(gaps[1] - 0.3) < 1e-12)
        #expect(abs(gaps[2] - -0.4) < 1e-12)
        #expect(MeaningRanking.gaps(scores: [0.2], spans: [0..<1]) == [MeaningRanking.largestGap])
        #expect(MeaningRanking.gaps(scores: [3.0, 0.1], spans: [0..<1, 1..<2])[0] == MeaningRanking.largestGap)
    }

    @Test func theCalibratedScoreGrowsWithScoreGapAndWhatTheClaimSays() {
        let base = MeaningRanking.calibrate(score: 1.0, gap: 0.1, claimTokens: 4)
        #expect(base > 0 && base < 1)
        #expect(MeaningRanking.calibrate(score: 1.2, gap: 0.1, claimTokens: 4) > base)
        #expect(MeaningRanking.calibrate(score: 1.0, gap: 0.3, claimTokens: 4) > base)
        #expect(MeaningRanking.calibrate(score: 1.0, gap: 0.1, claimTokens: 8) > base)
    }
}
