import DuizhaoText

/// Finds every term of a `TermMatcher` at every place in a text (overlapping), in UTF-8 offsets,
/// at the speed the segmenter needs.
///
/// It walks the matcher's own trie with the matcher's rules (terms start on a scalar, English
/// terms on a word start and end on a word end or an English plural or possessive, all-capitals
/// terms match only capitals), so it finds what `TermMatcher.matches(in:overlapping: true)`
/// finds, less the one-character dictionary words, which the lattice has no use for (the tests
/// hold the two to that); people's roles, which `matches` finds only when asked, are no words. What differs is the bookkeeping: the normalized form of each character is
/// looked up in a flat table rather than hashed, and a match is two offsets and a flag rather
/// than string indices and an array of entries. Segmenting needs every match at every character,
/// and that made the matcher's own loop the slowest part of segmentation.
///
/// Not thread-safe (its tables grow as it reads): give each thread its own.
final class TermScanner {
    /// The matcher's trie, one cell per state, with what the scanner needs of the pattern that
    /// ends there (see `Cell`).
    private let cells: [Cell]
    /// Whether patterns have costs from a frequency list.
    private let hasCosts: Bool
    private let normalizer: MatchNormalizer
    /// The tables of `Table`, kept between texts.
    private var bmp: [UInt32]
    private var astral: [UInt32: UInt32] = [:]
    private var pool: [UInt8] = [0]
    private var identity = Array(repeating: UInt64(0), count: 0x10000 / 64)
    private var normalized: [UInt8] = []
    /// For each normalized byte, the original offset of the scalar it came from, then the length.
    private var origins: [Int32] = []

    /// A scanner for the terms of `matcher`.
    /// - Parameters:
    ///   - matcher: the compiled terms.
    ///   - termBase: the entries the terms belong to, which tell glossary terms from dictionary
    ///     words; without it, glossary entries are known by rank (see the body).
    ///   - wordCosts: the terms' costs from a frequency list, or nil.
    /// - Throws: `ICUError` when ICU's transforms cannot be opened.
    init(matcher: TermMatcher, termBase: TermBase?, wordCosts: WordCosts? = nil) throws(ICUError) {
        precondition(wordCosts.map { $0.patternCosts.count == matcher.patterns.count } ?? true, "costs of another matcher")
        let isGlossary: (Int32) -> Bool
        if let termBase {
            isGlossary = { termBase.entries.layer(at: Int($0)) != .dictionary }
        } else {
            // Dictionary entries give no English terms, and entries are ranked by layer: so every
            // entry ranked at or before the last one with an English term is a glossary entry.
            let lastEnglish = matcher.patterns.lazy.filter { !$0.isChinese }.compactMap(\.entries.last).max() ?? -1
            isGlossary = { $0 <= lastEnglish }
        }
        let patterns = matcher.patterns.indices.map { index in
            let pattern = matcher.patterns[index]
            // A role is no word: the segmenter reads its own words (360集团 创办人).
            guard !pattern.isRole else { return Int32(-1) }
            var flags: Int32 = pattern.requiresCapitals ? Cell.requiresCapitals : 0
            if let first = pattern.entries.first, isGlossary(first) { flags |= Cell.glossary }
            return Cell.pattern(flags: flags, cost: wordCosts?.patternCosts[index] ?? 0)
        }
        let trie = matcher.trie
        cells = trie.base.indices.map { state in
            let value = trie.value[state]
            return Cell(base: trie.base[state], check: trie.check[state], pattern: value >= 0 ? patterns[Int(value)] : -1)
        }
        hasCosts = wordCosts != nil
        normalizer = try MatchNormalizer()
        bmp = Array(repeating: 0, count: 0x10000)
    }

    /// Every term in `text` but one-character dictionary words, sorted by start.
    /// - Throws: `ICUError` when ICU fails.
    func terms(in text: UTF8Text) throws(ICUError) -> [LatticeTerm] {
        var terms: [LatticeTerm] = []
        var characterCosts: [Int32] = []
        try self.terms(in: text, into: &terms, characterCosts: &characterCosts)
        return terms
    }

    /// Every term in `text` but one-character dictionary words, sorted by start, in `terms`
    /// (emptied first; its storage is reused).
    ///
    /// With word costs, each dictionary word carries its cost, and `characterCosts` (else left
    /// empty) gets, at the offset of each character that is a one-character dictionary word,
    /// that word's cost, 0 elsewhere; it has one element per byte of `text`, and one more.
    /// - Throws: `ICUError` when ICU fails.
    func terms(in text: UTF8Text, into terms: inout [LatticeTerm], characterCosts: inout [Int32]) throws(ICUError) {
        try normalize(text)
        terms.removeAll(keepingCapacity: true)
        characterCosts.removeAll(keepingCapacity: true)
        if hasCosts { characterCosts.append(contentsOf: repeatElement(0, count: text.count + 1)) }
        // The trie's walk is written out here, with its arrays opened once per text rather than
        // once per character: this loop runs at every character of every text segmented.
        characterCosts.withUnsafeMutableBufferPointer { characterCosts in
            cells.withUnsafeBufferPointer { cells in
                origins.withUnsafeBufferPointer { origins in
                    normalized.withUnsafeBufferPointer { bytes in
                        let states = Int32(cells.count)
                        var start = 0
                        while start < bytes.count {
                            defer { start += 1 }
                            let lead = bytes[start]
                            // Terms start on a scalar; English terms only on a word start.
                            if lead & 0xC0 == 0x80 { continue }
                            if EnglishTermBoundary.isWordByte(lead) && start > 0 && EnglishTermBoundary.isWordByte(bytes[start - 1]) { continue }
                            let firstEnd = start + Self.width(lead)
                            var state: Int32 = 0
                            var cell = cells[0]
                            var i = start
                            while i < bytes.count {
                                let next = cell.base &+ Int32(bytes[i])
                                guard next >= 0, next < states else { break }
                                cell = cells[Int(next)]
                                guard cell.check == state else { break }
                                state = next
                                i += 1
                                let pattern = cell.pattern
                                guard pattern >= 0, let end = EnglishTermBoundary.acceptedEnd(i, in: bytes) else { continue }
                                let flag = pattern & 3
                                let cost = pattern >> 2
                                // A one-character dictionary word adds nothing to the
                                // lattice, which steps over every character anyway; only its
                                // cost is kept, for that step.
                                if end == firstEnd && flag & Cell.glossary == 0 {
                                    if cost > 0 { characterCosts[Int(origins[start])] = cost }
                                    continue
                                }
                                // Capitals are asked of the term itself, not of an
                                // English ending after it (TSMCs).
                                if flag & Cell.requiresCapitals != 0 && Self.hasLowercase(text, Self.originalRange(start..<i, origins)) { continue }
                                let original = Self.originalRange(start..<end, origins)
                                // Not inside a character: before a combining mark or selector
                                // (their UTF-8 leads with CC or more).
                                if original.upperBound < text.count && text.bytes[original.upperBound] >= 0xCC
                                    && WordLattice.extendsCharacter(text.scalar(at: original.upperBound))
                                { continue }
                                terms.append(
                                    LatticeTerm(start: original.lowerBound, end: original.upperBound, isGlossary: flag & Cell.glossary != 0, cost: cost))
                            }
                        }
                    }
                }
            }
        }
    }

    /// Fills `normalized` and `origins` as `MatchNormalizer.normalize` would.
    ///
    /// The buffers and tables are moved into locals for the loop: a class's stored arrays would
    /// be checked for exclusive access at every append.
    private func normalize(_ text: UTF8Text) throws(ICUError) {
        var normalized = self.normalized
        var origins = self.origins
        var table = Table(bmp: bmp, astral: astral, pool: pool, identity: identity)
        self.normalized = []
        self.origins = []
        bmp = []
        identity = []
        defer {
            self.normalized = normalized
            self.origins = origins
            bmp = table.bmp
            astral = table.astral
            pool = table.pool
            identity = table.identity
        }
        normalized.removeAll(keepingCapacity: true)
        origins.removeAll(keepingCapacity: true)
        // Written through pointers into arrays sized beforehand (appends cost more than the
        // rest of the loop): the text's length and one longest expansion, grown when the
        // expansions of NFKC need more.
        var written = 0
        var offset = 0
        var lastWasSpace = false
        while true {
            let room = written + (text.count - offset) + Table.longest + 1
            if normalized.count < room {
                normalized.append(contentsOf: repeatElement(0, count: room - normalized.count))
                origins.append(contentsOf: repeatElement(0, count: room + 1 - origins.count))
            }
            let pass: Result<Bool, ICUError> = normalized.withUnsafeMutableBufferPointer { out in
                origins.withUnsafeMutableBufferPointer { map in
                    Result { () throws(ICUError) -> Bool in
                        // The byte and space writes are spelled out at each place: local helper
                        // functions for them made segmentation 5–8 % slower (measured with
                        // duizhao-bench glossary --segmentation-only).
                        while offset < text.count {
                            if written + Table.longest > out.count { return false }
                            let lead = text.bytes[offset]
                            if lead < 0x80 {
                                if lead == 0x20 || (0x09...0x0D).contains(lead) {
                                    if !lastWasSpace {
                                        out[written] = 0x20
                                        map[written] = Int32(offset)
                                        written += 1
                                    }
                                    lastWasSpace = true
                                } else {
                                    out[written] = lead >= 0x41 && lead <= 0x5A ? lead | 0x20 : lead
                                    map[written] = Int32(offset)
                                    written += 1
                                    lastWasSpace = false
                                }
                                offset += 1
                                continue
                            }
                            let width = text.width(at: offset)
                            let value = text.scalar(at: offset)
                            if width < 4 && table.isIdentity(value) {
                                for k in offset..<(offset + width) {
                                    out[written] = text.bytes[k]
                                    map[written] = Int32(offset)
                                    written += 1
                                }
                                lastWasSpace = false
                                offset += width
                                continue
                            }
                            let entry = try table.entry(value, normalizer)
                            if entry == Table.whitespace {
                                if !lastWasSpace {
                                    out[written] = 0x20
                                    map[written] = Int32(offset)
                                    written += 1
                                }
                                lastWasSpace = true
                            } else {
                                let start = Int(entry >> 8)
                                for k in start..<(start + Int(entry & 0xFF)) {
                                    out[written] = table.pool[k]
                                    map[written] = Int32(offset)
                                    written += 1
                                }
                                lastWasSpace = false
                            }
                            offset += width
                        }
                        map[written] = Int32(offset)
                        return true
                    }
                }
            }
            if try pass.get() { break }
        }
        normalized.removeLast(normalized.count - written)
        origins.removeLast(origins.count - written - 1)
    }

    /// One state of the trie: its three arrays' entries side by side, 12 bytes, so that
    /// a step of the walk mostly reads one cache line where three arrays cost three misses (the
    /// trie of CC-CEDICT is megabytes; the walk runs at every character). In place of the
    /// pattern's index, what the scanner needs of it, which would be another miss to look up.
    private struct Cell {
        var base: Int32
        var check: Int32
        /// -1 when no pattern ends here; else the pattern's cost from a frequency list (0
        /// without one) shifted left by 2, then the flags `glossary` and `requiresCapitals`.
        var pattern: Int32

        static let glossary: Int32 = 1
        static let requiresCapitals: Int32 = 2

        static func pattern(flags: Int32, cost: Int32) -> Int32 { cost << 2 | flags }
    }

    /// The normalized forms of the scalars seen so far.
    private struct Table {
        /// For each BMP scalar: its normalized UTF-8 in `pool` as offset << 8 | length, or
        /// `whitespace`; 0 when not yet seen.
        var bmp: [UInt32]
        var astral: [UInt32: UInt32]
        var pool: [UInt8]
        /// One bit per BMP scalar: seen, and normalized to itself (most Chinese characters, in
        /// Simplified text). 8 KB that stay in the first-level cache, where `bmp`'s 256 KB do not.
        var identity: [UInt64]

        static let whitespace: UInt32 = 0xFFFF_FFFF
        /// The most bytes one scalar's entry holds.
        static let longest = 0xFF

        /// The entry of a non-ASCII scalar, computed by the matcher's normalizer the first time.
        /// Whether `value` (below U+10000) is known to normalize to itself.
        @inline(__always)
        func isIdentity(_ value: UInt32) -> Bool {
            identity[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0
        }

        @inline(__always)
        mutating func entry(_ value: UInt32, _ normalizer: MatchNormalizer) throws(ICUError) -> UInt32 {
            if value < 0x10000 {
                let entry = bmp[Int(value)]
                if entry != 0 { return entry }
            } else if let entry = astral[value] {
                return entry
            }
            let entry: UInt32
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            if scalar.properties.isWhitespace {
                entry = Self.whitespace
            } else {
                let bytes = try normalizer.normalize(String(scalar)).bytes
                entry = UInt32(pool.count) << 8 | UInt32(min(bytes.count, 0xFF))
                pool.append(contentsOf: bytes.prefix(0xFF))
                if value < 0x10000 && bytes.elementsEqual(String(scalar).utf8) { identity[Int(value >> 6)] |= 1 << UInt64(value & 63) }
            }
            if value < 0x10000 { bmp[Int(value)] = entry } else { astral[value] = entry }
            return entry
        }
    }

    /// The original byte range that normalized bytes `range` came from (see
    /// `MatchNormalizer.Result.originalRange`).
    @inline(__always)
    private static func originalRange(_ range: Range<Int>, _ origins: UnsafeBufferPointer<Int32>) -> Range<Int> {
        let start = Int(origins[range.lowerBound])
        var end = range.upperBound
        let last = origins[range.upperBound - 1]
        while end < origins.count - 1 && origins[end] == last { end += 1 }
        return start..<Int(origins[end])
    }

    private static func hasLowercase(_ text: UTF8Text, _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            let value = text.scalar(at: i)
            if value < 0x80 {
                if value >= 0x61 && value <= 0x7A { return true }
            } else if Unicode.Scalar(value)?.properties.isLowercase ?? false {
                return true
            }
            i = text.after(i)
        }
        return false
    }

    /// The length of the UTF-8 sequence that `lead` starts.
    @inline(__always)
    private static func width(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }
}
