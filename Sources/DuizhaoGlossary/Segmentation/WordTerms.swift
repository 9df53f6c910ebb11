import DuizhaoText

/// The terms of a text for glossing: longest-leftmost matches, except where one cuts across
/// the words the segmenter reads.
///
/// Longest-leftmost matching reads 中国人民 as 中国人 民 ("Chinese person", "the people") and
/// 研究生命 as 研究生 命; the segmenter, weighing the whole sentence, reads 中国 人民 and
/// 研究 生命. A longest match that starts and ends where the segmenter's words do is kept, even
/// when the segmenter splits it further (发展中国家 "developing country", which the segmenter,
/// after the segmentation standards, reads 发展 中国 家): a compound's own gloss says more. One
/// that cuts a word gives way, over the words it touches, to those words that are terms; a word
/// that is none keeps the longest matches inside it (two characters the rules joined), unless
/// it is a number or date the rules read (二○○一年, 三十一日), whose digits need no gloss.
///
/// Not thread-safe (it owns a segmenter): give each thread its own.
public final class WordTerms {
    private let matcher: TermMatcher
    private let segmenter: GlossarySegmenter

    /// Finds the terms of `glossaries`, segmenting as `GlossarySegmenter(glossaries:)` does.
    /// - Throws: `ICUError` when ICU's word break or transforms cannot be opened.
    public init(glossaries: GlossarySet) throws(ICUError) {
        matcher = glossaries.matcher
        segmenter = try GlossarySegmenter(glossaries: glossaries)
    }

    /// The terms of `text`, in order, none overlapping.
    /// - Throws: `ICUError` when ICU fails.
    public func matches(in text: String) throws(ICUError) -> [TermMatch] {
        // Piece by piece, cut at line ends as the segmenter cuts, so that a large text's
        // tokens are never all held at once.
        var matches: [TermMatch] = []
        for piece in TextChunks.ranges(in: text, limit: GlossarySegmenter.chunkSize, at: .lines) {
            let pieceText = String(text[text.range(utf8Offsets: piece)])
            for match in try self.matches(inPiece: pieceText) {
                let range = match.utf8Range.lowerBound + piece.lowerBound..<match.utf8Range.upperBound + piece.lowerBound
                matches.append(TermMatch(range: text.range(utf8Offsets: range), utf8Range: range, entries: match.entries, isChinese: match.isChinese, isRole: match.isRole))
            }
        }
        return matches
    }

    private func matches(inPiece text: String) throws(ICUError) -> [TermMatch] {
        let longest = try matcher.matches(in: text)
        guard !longest.isEmpty else { return [] }
        // The segmenter's words as UTF-8 ranges, in order.
        var words: [Range<Int>] = []
        var offset = 0
        for token in try segmenter.tokens(in: text) {
            let end = offset + text.utf8[token.range].count
            words.append(offset..<end)
            offset = end
        }
        /// The index of the word holding byte `offset`.
        func word(at offset: Int) -> Int {
            var low = 0
            var high = words.count - 1
            while low < high {
                let middle = (low + high) / 2
                if words[middle].upperBound <= offset { low = middle + 1 } else { high = middle }
            }
            return low
        }
        /// The terms of the word `range` read alone: the word itself if it is a term, else the
        /// longest matches inside it (none in a number).
        func terms(ofWord range: Range<Int>) throws(ICUError) -> [TermMatch] {
            let word = text[text.range(utf8Offsets: range)]
            let found = try matcher.matches(in: String(word))
            let isTerm = found.count == 1 && found[0].utf8Range == 0..<word.utf8.count
            if !isTerm && Self.isNumber(word) { return [] }
            return found.map { match in
                let bytes = match.utf8Range.lowerBound + range.lowerBound..<match.utf8Range.upperBound + range.lowerBound
                return TermMatch(range: text.range(utf8Offsets: bytes), utf8Range: bytes, entries: match.entries, isChinese: match.isChinese, isRole: match.isRole)
            }
        }
        var matches: [TermMatch] = []
        // Everything before `covered`, always a word boundary, is decided.
        var covered = 0
        for match in longest where match.utf8Range.upperBound > covered {
            let start = max(match.utf8Range.lowerBound, covered)
            let first = word(at: start)
            let last = word(at: match.utf8Range.upperBound - 1)
            if start == match.utf8Range.lowerBound && words[first].lowerBound == start && words[last].upperBound == match.utf8Range.upperBound {
                matches.append(match)
            } else {
                // The match cuts a word (or was cut by the words before): the words it touches,
                // each read alone.
                for word in words[first...last] { matches += try terms(ofWord: word) }
            }
            covered = words[last].upperBound
        }
        return matches
    }

    /// Whether a word is a number or date as the segmentation rules form them: numerals and
    /// digits, with 第, 点, 分之 or a date unit.
    private static func isNumber(_ word: Substring) -> Bool {
        var hasDigit = false
        for scalar in word.unicodeScalars {
            let value = scalar.value
            if ChineseCharacters.isNumeral(value) || ChineseCharacters.isArabicDigit(value) {
                hasDigit = true
            } else if !ChineseCharacters.chineseDateUnits.contains(value) && !"第点分之".unicodeScalars.contains(scalar) {
                return false
            }
        }
        return hasDigit
    }
}
