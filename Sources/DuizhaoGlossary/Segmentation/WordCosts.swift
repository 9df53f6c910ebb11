import DuizhaoText
import Foundation

/// What each Chinese term of a matcher costs the segmenter, from how often it occurs.
///
/// A word that occurs with probability p costs `scale × −ln p`: the cheapest path is then the
/// likeliest sequence of words (a unigram model), which reads 研究 生命 where counting words
/// alone cannot tell it from 研究生 命. On the SIGHAN 2005 test sets this, with a length term
/// (`LatticeCost.weighedLength`), takes F1 from 0.8925 to 0.9112 (PKU) and 0.8751 to 0.8818
/// (MSR), counts from jieba's list (docs/BENCHMARKS.md).
///
/// The counts go to the matcher's patterns, so that a word counted in one script costs the same
/// in the other (both normalize to one pattern, and their counts add up). A term the list does
/// not name costs as a word seen once.
struct WordCosts: Sendable, Equatable {
    /// Per pattern of the matcher: the cost of that term as a word.
    let patternCosts: [Int32]
    /// The cost of a term or character the list does not name.
    let unknown: Int32

    /// One nat of improbability costs this much: with jieba's 60 million counts a common
    /// character (的, 中) costs about 520, a word seen a thousand times 1,100, one seen once 1,800: the
    /// range of the rules' fixed costs (`LatticeCost`: 800 for a number, 1,000 for a word).
    static let scale = 100.0

    /// The highest cost there can be: a word seen once in 2⁴⁸ (`WordFrequencies` counts are
    /// below that, and so, in practice, are their sums).
    static let highest: Int32 = 4_000

    init(patternCosts: [Int32], unknown: Int32) {
        self.patternCosts = patternCosts
        self.unknown = unknown
    }

    /// The costs of `matcher`'s Chinese terms from `frequencies`.
    /// - Throws: `ICUError` when ICU fails to normalize a word.
    init(frequencies: WordFrequencies, matcher: TermMatcher) throws(ICUError) {
        let normalizer = try MatchNormalizer()
        var counts = Array(repeating: 0, count: matcher.patterns.count)
        for (word, count) in frequencies.counts where word.unicodeScalars.contains(where: { ChineseCharacters.isIdeograph($0.value) }) {
            guard let pattern = matcher.trie.value(of: try normalizer.key(word)), matcher.patterns[Int(pattern)].isChinese else { continue }
            // Saturating: many words may fold into one pattern (中 with any variation selectors).
            counts[Int(pattern)] = WordFrequencies.saturatingSum(counts[Int(pattern)], count)
        }
        let total = Double(max(frequencies.total, 1))
        // At least 1: a word listed as all of the text would otherwise be free.
        func cost(_ count: Int) -> Int32 { min(Self.highest, max(1, Int32((Self.scale * log(total / Double(max(count, 1)))).rounded()))) }
        patternCosts = counts.map(cost)
        unknown = cost(1)
    }
}
