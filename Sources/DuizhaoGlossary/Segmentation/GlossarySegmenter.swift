import DuizhaoText

/// Word segmentation that never splits a glossary term or dictionary word.
///
/// Terms are found first (longest leftmost); ICU's word break segments what lies between, its
/// tokens cut where a term begins or ends. 周鸿祎, which ICU splits into three characters, stays
/// one token.
///
/// Not thread-safe (it owns an ICU iterator and a matcher): give each thread its own.
public final class GlossarySegmenter: WordTokenizer {
    private let matcher: TermMatcher
    private let words: WordSegmenter

    /// Creates a segmenter over the terms of `matcher`.
    /// - Throws: `ICUError` when ICU's word break cannot be opened.
    public init(matcher: TermMatcher) throws(ICUError) {
        self.matcher = matcher
        words = try WordSegmenter()
    }

    /// The tokens of `text`, in order; they partition it, as ICU's do.
    /// - Throws: `ICUError` when ICU fails.
    public func tokens(in text: String) throws(ICUError) -> [Token] {
        let terms = try matcher.matches(in: text)
        var tokens: [Token] = []
        tokens.reserveCapacity(text.utf8.count / 3)
        var nextTerm = 0
        // Where ICU's tokens may resume: the end of the last term emitted.
        var resume = text.startIndex
        try words.forEachToken(in: text) { token in
            let range = token.range
            while nextTerm < terms.count && terms[nextTerm].range.lowerBound < range.upperBound {
                let term = terms[nextTerm].range
                if range.lowerBound < term.lowerBound && resume < term.lowerBound {
                    tokens.append(Token(range: max(range.lowerBound, resume)..<term.lowerBound, kind: token.kind))
                }
                tokens.append(Token(range: term, kind: Self.kind(of: text[term], fallback: token.kind)))
                resume = term.upperBound
                nextTerm += 1
            }
            // What is left of ICU's token after the terms inside it, if anything.
            let lower = max(range.lowerBound, resume)
            if lower < range.upperBound {
                tokens.append(Token(range: lower..<range.upperBound, kind: token.kind))
                resume = range.upperBound
            }
        }
        return tokens
    }

    /// A term token is Han when it has Han in it (360集团), else whatever ICU said of its start.
    private static func kind(of term: Substring, fallback: TokenKind) -> TokenKind {
        if term.unicodeScalars.contains(where: { ScriptClass($0) == .han }) { return .han }
        if term.unicodeScalars.contains(where: { ScriptClass($0) == .latin }) { return .latin }
        return fallback
    }
}
