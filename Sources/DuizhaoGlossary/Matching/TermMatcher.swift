import DuizhaoText

/// A glossary or dictionary term found in a text.
public struct TermMatch: Sendable, Hashable {
    /// Where the term stands in the text.
    public var range: Range<String.Index>
    /// The same range in UTF-8 byte offsets.
    public var utf8Range: Range<Int>
    /// The entries the term belongs to, as indices into `TermBase.entries`, by precedence.
    public var entries: [Int32]
    /// Whether the matched form is Chinese (else English).
    public var isChinese: Bool
    /// Whether the matched form is a role of its entries (360集团创办人 for 周鸿祎), not a name.
    public var isRole: Bool

    public init(range: Range<String.Index>, utf8Range: Range<Int>, entries: [Int32], isChinese: Bool, isRole: Bool = false) {
        self.range = range
        self.utf8Range = utf8Range
        self.entries = entries
        self.isChinese = isChinese
        self.isRole = isRole
    }

    /// `matches` by where they start, the longer first where two start alike (a role before
    /// the name it begins with).
    public static func inTextOrder(_ matches: [TermMatch]) -> [TermMatch] {
        matches.sorted { a, b in
            a.utf8Range.lowerBound != b.utf8Range.lowerBound ? a.utf8Range.lowerBound < b.utf8Range.lowerBound : a.utf8Range.count > b.utf8Range.count
        }
    }
}

/// Finds every glossary and dictionary term of a term base in a text, in one pass over its
/// normalized form.
///
/// Chinese terms match in either script; English terms match case-insensitively on word
/// boundaries (also right next to Han: 我们用OpenAI的模型), with plural and possessive endings
/// (chips, Hongyi's); an all-capitals term (WHO) matches only capitals. Dictionary entries
/// contribute their Chinese forms only: their English glosses are definitions, not names.
/// A person's roles (`GlossaryEntry.roles`) match, when asked for, as terms of the person,
/// marked `isRole`, so that a source naming 360集团创办人 names 周鸿祎 (the cross-referencer
/// asks); glossing, marking and segmenting do not, and see the role's own words (360集团 创办人).
/// A role that is also another entry's term matches as that term, not as a role.
///
/// Not thread-safe (its normalizer caches): give each thread its own.
public final class TermMatcher {
    struct Pattern {
        var entries: [Int32]
        var requiresCapitals: Bool
        var isChinese: Bool
        /// Whether every entry holds this form as a role rather than as a term.
        var isRole = false
    }

    let trie: DoubleArrayTrie
    let patterns: [Pattern]
    private let normalizer: MatchNormalizer

    /// A matcher from parts already built (read back from the compiled cache).
    init(trie: DoubleArrayTrie, patterns: [Pattern]) throws(ICUError) {
        self.trie = trie
        self.patterns = patterns
        normalizer = try MatchNormalizer()
    }

    /// Compiles the terms of `termBase`.
    /// - Parameters:
    ///   - termBase: the entries.
    ///   - layers: which layers to match (all by default).
    /// - Throws: `ICUError` when ICU fails.
    public init(termBase: TermBase, layers: Set<GlossaryLayer> = [.user, .shipped, .dictionary]) throws(ICUError) {
        let normalizer = try MatchNormalizer()
        var patternIndex: [[UInt8]: Int] = [:]
        var patterns: [Pattern] = []
        func add(_ term: String, entry: Int32, isChinese: Bool, isRole: Bool = false) throws(ICUError) {
            let key = try normalizer.key(term)
            guard !key.isEmpty else { return }
            let letters = term.unicodeScalars.filter { $0.properties.isAlphabetic && ScriptClass($0) == .latin }
            let capitals = !isChinese && letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase }
            if let index = patternIndex[key] {
                // Any entry spelt in lower case lets the lower-case form match.
                patterns[index].requiresCapitals = patterns[index].requiresCapitals && capitals
                patterns[index].isRole = patterns[index].isRole && isRole
                // One entry may give a form twice (two roles with one English).
                if patterns[index].entries.last != entry || !isRole { patterns[index].entries.append(entry) }
            } else {
                patternIndex[key] = patterns.count
                patterns.append(Pattern(entries: [entry], requiresCapitals: capitals, isChinese: isChinese, isRole: isRole))
            }
        }
        for (index, entry) in termBase.entries.enumerated() where layers.contains(entry.origin.layer) {
            for term in entry.chineseTerms { try add(term, entry: Int32(index), isChinese: true) }
            guard entry.origin.layer != .dictionary else { continue }
            for term in entry.englishTerms { try add(term, entry: Int32(index), isChinese: false) }
        }
        // Roles after every term, so that a form that is both is matched as the term.
        for (index, entry) in termBase.entries.enumerated() where layers.contains(entry.origin.layer) && entry.origin.layer != .dictionary {
            for role in entry.roles {
                try add(role.chinese, entry: Int32(index), isChinese: true, isRole: true)
                if let english = role.english { try add(english, entry: Int32(index), isChinese: false, isRole: true) }
            }
        }
        trie = DoubleArrayTrie(keys: patternIndex.map { ($0.key, Int32($0.value)) })
        self.patterns = patterns
        self.normalizer = normalizer
    }

    /// The terms in `text`, in order.
    /// - Parameters:
    ///   - text: the text to search.
    ///   - overlapping: false for the longest term at each place, leftmost first, none
    ///     overlapping; true for every term at every place.
    ///   - roles: whether people's roles match too (`TermMatch.isRole`).
    /// - Throws: `ICUError` when ICU fails.
    public func matches(in text: String, overlapping: Bool = false, roles: Bool = false) throws(ICUError) -> [TermMatch] {
        let normalized = try normalizer.normalize(text)
        let marked = Self.extendingOffsets(text)
        var matches: [TermMatch] = []
        normalized.bytes.withUnsafeBufferPointer { bytes in
            var i = 0
            while i < bytes.count {
                // Terms start on a scalar; Latin terms also on a word start.
                guard bytes[i] & 0xC0 != 0x80 else {
                    i += 1
                    continue
                }
                var best: Found?
                let startsWord = i == 0 || !EnglishTermBoundary.isWordByte(bytes[i - 1])
                trie.forEachPrefix(in: bytes, from: i) { termEnd, pattern in
                    if EnglishTermBoundary.isWordByte(bytes[i]) && !startsWord { return }
                    if !roles && patterns[Int(pattern)].isRole { return }
                    guard let end = EnglishTermBoundary.acceptedEnd(termEnd, in: bytes),
                        capitalsAllowed(pattern, i..<termEnd, normalized, text),
                        marked.isEmpty || !marked.contains(normalized.originalRange(i..<end).upperBound)
                    else { return }
                    let candidate = Found(end: end, pattern: pattern)
                    if overlapping {
                        matches.append(makeMatch(candidate, start: i, normalized, text))
                    } else if best == nil || end >= best!.end {
                        best = candidate
                    }
                }
                if !overlapping, let best {
                    matches.append(makeMatch(best, start: i, normalized, text))
                    i = best.end
                } else {
                    i += 1
                }
            }
        }
        return matches
    }

    /// The UTF-8 offsets of the scalars that belong to the character before them (combining
    /// marks, variation selectors, joiners): no term may end just before one, inside a
    /// character (Cafe in Cafe\u{301}). Few texts have any.
    static func extendingOffsets(_ text: String) -> Set<Int> {
        var offsets: Set<Int> = []
        var offset = 0
        for scalar in text.unicodeScalars {
            if WordLattice.extendsCharacter(scalar.value) { offsets.insert(offset) }
            offset += UTF8.width(scalar)
        }
        return offsets
    }

    /// A term found at a place: where it ends (with any English ending) and which pattern it is.
    private struct Found {
        var end: Int
        var pattern: Int32
    }

    private func makeMatch(_ found: Found, start: Int, _ normalized: MatchNormalizer.Result, _ text: String) -> TermMatch {
        let pattern = patterns[Int(found.pattern)]
        let original = normalized.originalRange(start..<found.end)
        return TermMatch(
            range: text.range(utf8Offsets: original), utf8Range: original, entries: pattern.entries,
            isChinese: pattern.isChinese, isRole: pattern.isRole)
    }

    private func capitalsAllowed(_ pattern: Int32, _ range: Range<Int>, _ normalized: MatchNormalizer.Result, _ text: String) -> Bool {
        guard patterns[Int(pattern)].requiresCapitals else { return true }
        let original = text[text.range(utf8Offsets: normalized.originalRange(range))]
        return !original.unicodeScalars.contains { $0.properties.isLowercase }
    }
}

extension TermMatcher {
    /// The terms inside the roles among `matches` (360集团 in 360集团创办人), longest first at
    /// each place, none overlapping and none a role: what a role's words name besides its person.
    /// - Parameter matches: matches of `text` (`matches(in:roles: true)`).
    /// - Throws: `ICUError` when ICU fails.
    public func termsInsideRoles(of matches: [TermMatch], in text: String) throws(ICUError) -> [TermMatch] {
        let roles = matches.filter(\.isRole).map(\.utf8Range)
        guard !roles.isEmpty else { return [] }
        let inside = TermMatch.inTextOrder(try self.matches(in: text, overlapping: true).filter { match in
            !match.isRole && roles.contains { $0.lowerBound <= match.utf8Range.lowerBound && match.utf8Range.upperBound <= $0.upperBound && $0 != match.utf8Range }
        })
        var result: [TermMatch] = []
        var covered = 0
        for match in inside where match.utf8Range.lowerBound >= covered {
            result.append(match)
            covered = match.utf8Range.upperBound
        }
        return result
    }
}
