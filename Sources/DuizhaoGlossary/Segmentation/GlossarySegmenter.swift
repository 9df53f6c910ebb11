import DuizhaoText

/// Word segmentation of mixed Chinese/English text that never splits a glossary term and reads
/// the rest with the dictionary, ICU and a few rules of Chinese word formation.
///
/// For each stretch of text it finds every dictionary and glossary term (overlapping) and ICU's
/// word break, and takes the segmentation with the fewest words among the dictionary's words,
/// the rules' words (numbers and dates, 这次, ——) and single characters; ties go to the path
/// that agrees with ICU's own segmentation (see `LatticeCost`). Fewest
/// words over the whole sentence reads 大 开发 where greedy longest matching reads 大开 发.
/// With a word-frequency list loaded (`WordCosts`), words cost by how rare they are rather than
/// one each: the likeliest sequence of words wins, ties are few, and ICU reads only what lies
/// between runs of Chinese characters (its Chinese dictionary pass was most of the time).
/// ICU's tokens outside Han (English words, numbers, spaces) are kept as they are.
///
/// Then four passes merge what no dictionary lists: a surname with a two-character given name
/// (周鸿祎, when no glossary has it), a run of transliteration characters (卡斯帕罗夫), a bound
/// suffix with its word (保护价), and two single characters neither of which is a function word
/// (微信, where ICU and the dictionary see 微 信).
///
/// A glossary term (from a user or shipped glossary, when the term base is given) is never cut:
/// no segmentation may end a word inside it. Tokens partition the text, as ICU's do.
///
/// Not thread-safe (it owns an ICU iterator, a matcher and work buffers): give each thread its own.
public final class GlossarySegmenter: WordTokenizer {
    private let scanner: TermScanner
    private let words: WordSegmenter
    private let lattice = WordLattice()
    /// Work buffers of `tokens(in:)`, kept between chunks and texts: ICU's tokens of the chunks
    /// of a group, the terms and the path of a chunk.
    private var icu: [ICUTokens] = []
    private var terms: [LatticeTerm] = []
    private var characterCosts: [Int32] = []
    private var path: [LatticeWord] = []
    /// With a frequency list, the cost of a character it does not name; nil without one, when
    /// ICU reads Chinese too.
    private let unknownCost: Int32?
    private var hasWordCosts: Bool { unknownCost != nil }

    /// Text is segmented in chunks of about this many bytes, cut at line ends, so that the
    /// overlapping matches of a large file are never all held at once.
    static let chunkSize = 32 * 1024

    /// ICU reads this many bytes of chunks (or one chunk, if longer) before the rest of the
    /// work goes over them.
    static let groupSize = 2 * 1024 * 1024

    /// Creates a segmenter over the terms of `matcher`.
    /// - Parameters:
    ///   - matcher: finds the glossary and dictionary terms.
    ///   - termBase: the term base `matcher` was built from, which tells glossary terms (kept
    ///     whole) from dictionary words (kept when they make the best path). Without it the
    ///     glossary entries are known as those ranked at or before the last entry with an English
    ///     term (dictionary entries have none, and entries are ranked by layer); a Chinese-only
    ///     glossary entry ranked after all of those is then read as a dictionary word.
    /// - Throws: `ICUError` when ICU's word break cannot be opened.
    public convenience init(matcher: TermMatcher, termBase: TermBase? = nil) throws(ICUError) {
        try self.init(matcher: matcher, termBase: termBase, wordCosts: nil)
    }

    /// Creates a segmenter over the terms of `matcher` that weighs words by `frequencies`.
    /// - Throws: `ICUError` when ICU's word break or transforms cannot be opened.
    public convenience init(matcher: TermMatcher, termBase: TermBase?, frequencies: WordFrequencies) throws(ICUError) {
        try self.init(matcher: matcher, termBase: termBase, wordCosts: WordCosts(frequencies: frequencies, matcher: matcher))
    }

    init(matcher: TermMatcher, termBase: TermBase?, wordCosts: WordCosts?) throws(ICUError) {
        scanner = try TermScanner(matcher: matcher, termBase: termBase, wordCosts: wordCosts)
        unknownCost = wordCosts?.unknown
        words = try WordSegmenter()
    }

    /// Creates a segmenter over loaded glossaries, keeping their glossary terms whole, and
    /// weighing words by their frequency when a frequency list was loaded with them.
    /// - Throws: `ICUError` when ICU's word break cannot be opened.
    public convenience init(glossaries: GlossarySet) throws(ICUError) {
        try self.init(matcher: glossaries.matcher, termBase: glossaries.termBase, wordCosts: glossaries.wordCosts)
    }

    /// The tokens of `text`, in order; they partition it, as ICU's do.
    /// - Throws: `ICUError` when ICU fails.
    public func tokens(in text: String) throws(ICUError) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(text.utf8.count / 3)
        // In chunks, so that the lattice stays small; cut where no term can span.
        let chunks = TextChunks.ranges(in: text, limit: Self.chunkSize, at: .lines)
        // withUTF8 needs a mutable string; the copy shares storage unless `text` was bridged.
        var storage = text
        var icu = self.icu
        self.icu = []
        defer { self.icu = icu }
        let result: Result<Void, ICUError> = storage.withUTF8 { bytes in
            Result { () throws(ICUError) in
                var start = text.startIndex
                var first = 0
                while first < chunks.count {
                    // ICU goes over a group of chunks before the lattice reads any of them: ICU's
                    // dictionary and the term trie then each stay in cache for a longer stretch,
                    // where alternating chunk by chunk each evicted the other.
                    var last = first
                    var size = 0
                    while last < chunks.count && (last == first || size + chunks[last].count <= Self.groupSize) {
                        size += chunks[last].count
                        last += 1
                    }
                    while icu.count < last - first { icu.append(ICUTokens()) }
                    for index in first..<last {
                        var tokens = icu[index - first]
                        icu[index - first] = ICUTokens()
                        tokens.ends.removeAll(keepingCapacity: true)
                        tokens.kinds.removeAll(keepingCapacity: true)
                        try icuTokens(of: UnsafeBufferPointer(rebasing: bytes[chunks[index]]), into: &tokens)
                        icu[index - first] = tokens
                    }
                    for index in first..<last {
                        let range = chunks[index]
                        try segment(UnsafeBufferPointer(rebasing: bytes[range]), icu[index - first], of: text, at: start, into: &tokens)
                        start = text.utf8.index(start, offsetBy: range.count)
                    }
                    first = last
                }
            }
        }
        try result.get()
        return tokens
    }

    /// ICU's tokens of a chunk: where each ends, and its kind.
    private struct ICUTokens {
        var ends: [Int] = []
        var kinds: [TokenKind] = []
    }

    /// ICU's tokens of a chunk; with word costs, of what lies between runs of Chinese
    /// characters, each run one token of kind `.han`.
    ///
    /// ICU's word break reads Chinese with a dictionary of its own, most of its time on Chinese
    /// text; the lattice uses what it finds only to break ties (`LatticeCost.agreesWithICU`),
    /// which word costs leave few of. Without costs ICU's ties are worth about half a point of
    /// F1 on SIGHAN; with them, less than 0.001 (docs/BENCHMARKS.md).
    private func icuTokens(of chunk: UnsafeBufferPointer<UInt8>, into tokens: inout ICUTokens) throws(ICUError) {
        func icu(_ range: Range<Int>) throws(ICUError) {
            try words.forEachTokenEnd(inUTF8: UnsafeBufferPointer(rebasing: chunk[range])) { end, kind in
                tokens.ends.append(range.lowerBound + end)
                tokens.kinds.append(kind)
            }
        }
        guard hasWordCosts else { return try icu(0..<chunk.count) }
        let text = UTF8Text(bytes: chunk)
        var pending = 0
        var index = 0
        while index < text.count {
            // Chinese characters (and 〇) are U+3007 and up: their UTF-8 leads with E3 or more.
            guard text.bytes[index] >= 0xE3, Self.isRunCharacter(text.scalar(at: index)) else {
                index = text.after(index)
                continue
            }
            var end = text.after(index)
            // A mark, selector or format character stays with the character before it, as in
            // ICU's tokens.
            while end < text.count, case let value = text.scalar(at: end),
                Self.isRunCharacter(value) || WordLattice.extendsCharacter(value) || Self.isFormat(value)
            {
                end = text.after(end)
            }
            if pending < index { try icu(pending..<index) }
            tokens.ends.append(end)
            tokens.kinds.append(.han)
            pending = end
            index = end
        }
        if pending < text.count { try icu(pending..<text.count) }
    }

    /// A format character (soft hyphen, word joiner, direction marks), which ICU's word break
    /// keeps with the character before it.
    private static func isFormat(_ value: UInt32) -> Bool {
        value >= 0xAD && Unicode.Scalar(value)?.properties.generalCategory == .format
    }

    @inline(__always)
    private static func isRunCharacter(_ value: UInt32) -> Bool {
        ChineseCharacters.isIdeograph(value) || value == 0x3007
    }

    /// Segments the chunk `bytes` of `text`, which starts at `chunkStart`, appending its tokens.
    private func segment(
        _ bytes: UnsafeBufferPointer<UInt8>, _ icu: ICUTokens, of text: String, at chunkStart: String.Index,
        into tokens: inout [Token]
    ) throws(ICUError) {
        // The work buffers are kept between chunks, and moved into locals while in use: a
        // class's stored arrays would be checked for exclusive access at every append.
        var terms = self.terms
        var characterCosts = self.characterCosts
        var path = self.path
        self.terms = []
        self.characterCosts = []
        self.path = []
        defer {
            self.terms = terms
            self.characterCosts = characterCosts
            self.path = path
        }
        let icuEnds = icu.ends
        let icuKinds = icu.kinds
        let utf8 = UTF8Text(bytes: bytes)
        try scanner.terms(in: utf8, into: &terms, characterCosts: &characterCosts)
        lattice.bestPath(
            utf8, icuEnds: icuEnds, icuKinds: icuKinds, terms: terms, characterCosts: characterCosts, unknownCost: unknownCost ?? 0,
            into: &path)
        WordMerging.mergeNames(&path)
        WordMerging.mergeTransliterations(&path)
        WordMerging.mergeBoundSuffixes(&path, utf8)
        WordMerging.mergeUnknownPairs(&path)
        appendTokens(path, utf8, icuEnds: icuEnds, icuKinds: icuKinds, text: text, chunkStart: chunkStart, to: &tokens)
    }

    /// Turns the words of a chunk into tokens of `text`, each with its kind.
    private func appendTokens(
        _ path: [LatticeWord], _ utf8: UTF8Text, icuEnds: [Int], icuKinds: [TokenKind], text: String,
        chunkStart: String.Index, to tokens: inout [Token]
    ) {
        var index = chunkStart
        var offset = 0
        var icu = 0
        var icuStart = 0
        for word in path {
            while icu < icuEnds.count - 1 && icuEnds[icu] <= word.start {
                icuStart = icuEnds[icu]
                icu += 1
            }
            let end = text.utf8.index(index, offsetBy: word.end - offset)
            let kind: TokenKind
            if containsHan(utf8, word.start..<word.end) {
                kind = .han
            } else if icuStart == word.start && icuEnds[icu] == word.end {
                kind = icuKinds[icu]
            } else if word.origin == .number {
                kind = .number
            } else if containsLatin(utf8, word.start..<word.end) {
                kind = .latin
            } else {
                kind = icuKinds[icu]
            }
            tokens.append(Token(range: index..<end, kind: kind))
            index = end
            offset = word.end
        }
    }

    private func containsHan(_ text: UTF8Text, _ range: Range<Int>) -> Bool {
        for i in range {
            // Han (with 〇) is U+3007 and up, whose UTF-8 leads with E3 or more; continuation
            // bytes are below that, so most bytes answer without decoding.
            guard text.bytes[i] >= 0xE3 else { continue }
            let value = text.scalar(at: i)
            if ChineseCharacters.isIdeograph(value) || value == 0x3007 { return true }
        }
        return false
    }

    private func containsLatin(_ text: UTF8Text, _ range: Range<Int>) -> Bool {
        for i in range {
            let byte = text.bytes[i]
            if byte < 0x80 {
                if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A { return true }
            } else if byte >= 0xC0, Unicode.Scalar(text.scalar(at: i)).map({ ScriptClass($0) == .latin }) ?? false {
                return true
            }
        }
        return false
    }
}
