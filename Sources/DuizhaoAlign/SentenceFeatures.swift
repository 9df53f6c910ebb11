import Foundation
import DuizhaoGlossary
import DuizhaoText

/// Strings interned as dense ids: English lemmas, pinyin syllables, glossary entries, numbers.
final class FeatureTable {
    private var ids: [String: Int32] = [:]
    private(set) var names: [String] = []

    var count: Int { names.count }

    func id(_ name: String) -> Int32 {
        if let id = ids[name] { return id }
        let id = Int32(names.count)
        ids[name] = id
        names.append(name)
        return id
    }

    func existing(_ name: String) -> Int32? { ids[name] }
}

/// Punctuation cues a translation usually keeps: questions, exclamations, quotations opened
/// and closed, ellipses.
struct Cues: OptionSet, Sendable {
    let rawValue: UInt8
    static let question = Cues(rawValue: 1)
    static let exclamation = Cues(rawValue: 2)
    static let opening = Cues(rawValue: 4)
    static let closing = Cues(rawValue: 8)
    static let ellipsis = Cues(rawValue: 16)

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init(_ text: Substring) {
        var cues: Cues = []
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let before: Unicode.Scalar = index > 0 ? scalars[index - 1] : " "
            let after: Unicode.Scalar = index + 1 < scalars.count ? scalars[index + 1] : " "
            switch scalar {
            case "?", "？": cues.insert(.question)
            case "!", "！": cues.insert(.exclamation)
            case "\u{201C}", "\u{300C}", "\u{300E}", "\u{2018}": cues.insert(.opening)
            case "\u{201D}", "\u{300D}", "\u{300F}": cues.insert(.closing)
            // Straight quotes open at the start or after a space, dash or bracket ('How are
            // you?'), and close before the end or a space; inside a word an apostrophe is neither.
            case "\"", "'", "\u{FF02}":
                if Self.opensQuotation(before) && !Self.closesQuotation(after) || index == 0 {
                    cues.insert(.opening)
                } else if scalar != "'" && Self.closesQuotation(after) {
                    cues.insert(.closing)
                } else if scalar == "'" && Self.closesQuotation(after) && index == scalars.count - 1 {
                    cues.insert(.closing)
                }
            case "\u{2019}" where index == scalars.count - 1: cues.insert(.closing)
            case "\u{2026}": cues.insert(.ellipsis)
            case "." where after == "." && before == ".": cues.insert(.ellipsis)
            default: break
            }
        }
        self = cues
    }

    private static func opensQuotation(_ before: Unicode.Scalar) -> Bool {
        before.properties.isWhitespace || before == "\u{2014}" || before == "(" || before == "-"
    }

    private static func closesQuotation(_ after: Unicode.Scalar) -> Bool {
        after.properties.isWhitespace || after == "," || after == "." || after == "\u{2014}" || after == ")"
    }
}

/// The features of every sentence of one side of a document, in flat arrays.
///
/// A sentence is a list of tokens (Chinese words, English content words, numbers); a token is
/// *covered* by the other side when one of its `alternatives` (English lemmas, glossary entries,
/// numbers, Latin tokens) is in the other side's bag, or when all its pinyin `syllables` are.
/// Each sentence's bag is the sorted set of every feature its tokens offer.
struct SideFeatures {
    var sentenceCount: Int { lengths.count }
    /// Per sentence: its tokens are `tokenStart[i]..<tokenStart[i+1]`.
    var tokenStart: [Int32] = [0]
    /// Per token: the key its document frequency is counted by.
    var tokenKey: [Int32] = []
    /// Per token: its weight (inverse document frequency), set once the side is complete.
    var tokenWeight: [Float] = []
    /// Per token: `alternativeStart[t]..<alternativeStart[t+1]` in `alternatives`.
    var alternativeStart: [Int32] = [0]
    var alternatives: [Int32] = []
    /// Per token: `syllableStart[t]..<syllableStart[t+1]` in `syllables`.
    var syllableStart: [Int32] = [0]
    var syllables: [Int32] = []
    /// Per token: where it stands in its sentence (UTF-8 offsets), for evidence.
    var tokenRange: [Range<Int32>] = []
    /// Per sentence: `bagStart[i]..<bagStart[i+1]` in `bag`, sorted and unique.
    var bagStart: [Int32] = [0]
    var bag: [Int32] = []
    /// Per sentence: length in non-space characters.
    var lengths: [Float] = []
    var cues: [Cues] = []
    /// Per sentence: the summed weight of its tokens.
    var sentenceWeight: [Float] = []

    mutating func addToken(key: Int32, alternatives alts: some Sequence<Int32>, syllables sylls: some Sequence<Int32>, range: Range<Int>) {
        tokenKey.append(key)
        alternatives.append(contentsOf: alts)
        alternativeStart.append(Int32(alternatives.count))
        syllables.append(contentsOf: sylls)
        syllableStart.append(Int32(syllables.count))
        tokenRange.append(Int32(range.lowerBound)..<Int32(range.upperBound))
    }

    /// Closes the current sentence: its bag from its tokens, its length and cues.
    mutating func endSentence(length: Int, cues sentenceCues: Cues) {
        let first = Int(tokenStart[tokenStart.count - 1])
        let end = tokenKey.count
        var features: [Int32] = []
        if first < end {
            features.append(contentsOf: alternatives[Int(alternativeStart[first])..<Int(alternativeStart[end])])
            features.append(contentsOf: syllables[Int(syllableStart[first])..<Int(syllableStart[end])])
        }
        features.sort()
        var last: Int32 = -1
        for feature in features where feature != last {
            bag.append(feature)
            last = feature
        }
        bagStart.append(Int32(bag.count))
        tokenStart.append(Int32(end))
        lengths.append(Float(length))
        cues.append(sentenceCues)
    }

    /// Weighs each token by its inverse document frequency over this side's sentences.
    mutating func weigh() {
        var frequency: [Int32: Int32] = [:]
        for sentence in 0..<sentenceCount {
            var seen = Set<Int32>()
            for token in Int(tokenStart[sentence])..<Int(tokenStart[sentence + 1]) where seen.insert(tokenKey[token]).inserted {
                frequency[tokenKey[token], default: 0] += 1
            }
        }
        let n = Float(max(sentenceCount, 1))
        tokenWeight = tokenKey.map { key in
            let df = Float(frequency[key] ?? 1)
            return max(0.1, logf((n + 1) / (df + 0.5)))
        }
        sentenceWeight = (0..<sentenceCount).map { sentence in
            var total: Float = 0
            for token in Int(tokenStart[sentence])..<Int(tokenStart[sentence + 1]) { total += tokenWeight[token] }
            return total
        }
    }
}

/// Turns sentences into features: Chinese through the glossaries and CC-CEDICT (each word's
/// glosses as English lemmas), English through the lemmatizer; numbers as values, Latin tokens
/// as they are, names through pinyin.
///
/// Keeps what it learns about dictionary entries and characters between documents. Not
/// thread-safe: give each thread its own.
public final class FeatureExtractor {
    let table = FeatureTable()
    private let termBase: TermBase?
    private let matcher: TermMatcher?
    /// ECDICT's English → Chinese renderings, whose words count as a Chinese word's senses too.
    private let englishDictionary: EnglishDictionary?
    /// Per English word (lower case): its lemma, through ECDICT's lemma list when it is an
    /// inflected form (caught → catch); nil for a stop-word.
    private var lemmas: [String: String?] = [:]
    /// Per ECDICT headword: the feature id of its lemma (nil: a stop-word).
    private var headwordLemmas: [Int: Int32?] = [:]
    private let pinyin: PinyinConverter
    private let quantities = QuantityParser()
    /// Per dictionary entry: the feature ids of its glosses, computed on first use.
    private var entryFeatures: [Int32: [Int32]] = [:]
    /// Per Han character: its toneless pinyin syllable id.
    private var characterSyllable: [UInt32: Int32] = [:]
    /// Every toneless syllable seen in Chinese text, for reading English names as pinyin.
    private var knownSyllables: Set<String> = []

    /// An extractor over loaded glossaries; nil for none (numbers, Latin tokens, names and
    /// length still work).
    /// - Parameter englishRenderings: whether ECDICT's renderings and lemma list, when loaded,
    ///   count too (the cross-referencer's evidence); sentence alignment leaves them out, since
    ///   they lowered its F1 on mac-dev and the Bible (docs/BENCHMARKS.md, issue 13).
    /// - Throws: `ICUError` when ICU's transforms are missing.
    public init(glossaries: GlossarySet?, englishRenderings: Bool = true) throws(ICUError) {
        termBase = glossaries?.termBase
        matcher = glossaries?.matcher
        englishDictionary = englishRenderings ? glossaries?.englishDictionary : nil
        pinyin = try PinyinConverter()
    }

    // MARK: Chinese


    func chinese(_ sentences: [String]) throws(ICUError) -> SideFeatures {
        var side = SideFeatures()
        for sentence in sentences {
            try addChinese(sentence, to: &side)
        }
        side.weigh()
        return side
    }

    private func addChinese(_ text: String, to side: inout SideFeatures) throws(ICUError) {
        let found = try matcher?.matches(in: text, overlapping: true, roles: true) ?? []
        // A role (360集团创办人) is a token of its own, over the words it is made of.
        let matches = found.filter { !$0.isRole }
        let scalars = Array(text.unicodeScalars)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        // The longest term starting at each byte offset.
        var longest: [Int: Int] = [:]
        for match in matches where match.isChinese {
            longest[match.utf8Range.lowerBound] = max(longest[match.utf8Range.lowerBound] ?? 0, match.utf8Range.upperBound)
        }
        let numbers = quantities.quantities(in: text)
        let length = scalars.reduce(0) { $0 + ($1.properties.isWhitespace ? 0 : 1) }
        var i = 0
        var tokenRanges: [(range: Range<Int>, isHan: Bool)] = []
        while i < scalars.count {
            let scalar = scalars[i]
            if let end = longest[offsets[i]] {
                tokenRanges.append((offsets[i]..<end, true))
                while i < scalars.count && offsets[i] < end { i += 1 }
                continue
            }
            let script = ScriptClass(scalar)
            if script == .han {
                tokenRanges.append((offsets[i]..<offsets[i + 1], true))
                i += 1
            } else if Self.isWordScalar(scalar) {
                var j = i + 1
                while j < scalars.count && Self.isWordScalar(scalars[j]) && ScriptClass(scalars[j]) != .han { j += 1 }
                tokenRanges.append((offsets[i]..<offsets[j], false))
                i = j
            } else {
                i += 1
            }
        }
        let bytes = Array(text.utf8)
        let renderings = renderingFeatures(in: text)
        for (range, isHan) in tokenRanges {
            let surface = String(decoding: bytes[range], as: UTF8.self)
            if !isHan {
                // A Latin token (AI, R1) or digits inside Chinese text.
                for word in Self.words(in: surface) {
                    guard let lemma = lemma(word) else { continue }
                    let id = table.id(lemma)
                    side.addToken(key: id, alternatives: [id], syllables: EmptyCollection(), range: range)
                }
                continue
            }
            // The word's own entries; inside idioms and other long words, the words of two
            // characters or more too, which a translation often renders one by one.
            var alternatives: [Int32] = []
            for match in matches where match.isChinese && match.utf8Range.lowerBound >= range.lowerBound && match.utf8Range.upperBound <= range.upperBound
                && (match.utf8Range == range || range.count >= 9 && match.utf8Range.count >= 6)
            {
                for entry in match.entries { alternatives.append(contentsOf: features(ofEntry: entry)) }
            }
            // ECDICT's renderings standing in the sentence: one of two characters or more
            // anywhere in the word, one of one character only as the word itself.
            for (piece, ids) in renderings where piece.overlaps(range) && (piece.count > 3 || piece == range) {
                alternatives.append(contentsOf: ids)
            }
            var syllables: [Int32] = []
            for scalar in surface.unicodeScalars where ScriptClass(scalar) == .han {
                syllables.append(try syllable(of: scalar))
            }
            // Particles and pronouns whose glosses are all stop-words carry nothing but length.
            if alternatives.isEmpty && longest[range.lowerBound] != nil { continue }
            side.addToken(key: table.id("z:" + surface), alternatives: alternatives, syllables: syllables, range: range)
        }
        for number in numbers {
            for id in numberFeatures(number) {
                side.addToken(key: id, alternatives: [id], syllables: EmptyCollection(), range: number.utf8Range)
            }
        }
        for role in found where role.isChinese && role.isRole {
            let ids = role.entries.map { table.id("e:\($0)") }
            side.addToken(key: table.id("z:" + text[role.range]), alternatives: ids, syllables: EmptyCollection(), range: role.utf8Range)
        }
        side.endSentence(length: length, cues: Cues(text[...]))
    }

    /// The toneless pinyin syllable of a Han character, as a feature id.
    private func syllable(of scalar: Unicode.Scalar) throws(ICUError) -> Int32 {
        if let id = characterSyllable[scalar.value] { return id }
        var reading = try pinyin.tonelessPinyin(String(scalar)).lowercased()
        reading = String(reading.split(separator: " ").first ?? "")
        reading.removeAll { !$0.isLetter }
        knownSyllables.insert(reading)
        let id = table.id("py:" + reading)
        characterSyllable[scalar.value] = id
        return id
    }

    /// The English lemmas of an entry's glosses (dictionary) or English terms (glossaries),
    /// plus the entry itself for glossary entries.
    private func features(ofEntry entry: Int32) -> [Int32] {
        if let known = entryFeatures[entry] { return known }
        guard let termBase else { return [] }
        let value = termBase.entries[Int(entry)]
        var ids: [Int32] = []
        if value.origin.layer != .dictionary {
            ids.append(table.id("e:\(entry)"))
        }
        for gloss in value.englishTerms {
            for lemma in glossLemmas(gloss) { ids.append(table.id(lemma)) }
        }
        ids.sort()
        var unique: [Int32] = []
        for id in ids where unique.last != id { unique.append(id) }
        entryFeatures[entry] = unique
        return unique
    }

    /// How many of an English headword's first renderings in ECDICT count as evidence: its usual
    /// senses. Later ones are rarer senses and specialists' (`[经]`, `[医]`); counting them too
    /// found as many right links on mac-dev and more wrong ones (docs/BENCHMARKS.md, issue 13).
    static let renderingsAsEvidence = 3

    /// ECDICT's renderings standing in `text` (`EnglishDictionary.renderingsFound`), each with
    /// the feature ids of the English words it renders where it is among their first
    /// `renderingsAsEvidence` renderings; one of one character, only where it is the first (书
    /// for "book", not for every word one of whose senses is written with it).
    func renderingFeatures(in text: String) -> [(Range<Int>, [Int32])] {
        guard let englishDictionary else { return [] }
        var result: [(Range<Int>, [Int32])] = []
        for (range, places) in englishDictionary.renderingsFound(in: text, positionsBelow: { $0 == 1 ? 1 : Self.renderingsAsEvidence }) {
            var ids: [Int32] = []
            for (headword, _) in places {
                if let lemma = headwordLemma(headword) { ids.append(lemma) }
            }
            if !ids.isEmpty { result.append((range, ids)) }
        }
        return result
    }

    /// The feature id of a headword's lemma, nil for a stop-word.
    private func headwordLemma(_ headword: Int) -> Int32? {
        if let known = headwordLemmas[headword] { return known }
        let id = englishDictionary.flatMap { lemma(Substring($0.word(at: headword))) }.map { table.id($0) }
        headwordLemmas[headword] = id
        return id
    }

    /// The lemma of an English word: through ECDICT's lemma list when it is only an inflected
    /// form there (caught → catch, which the suffix rules cannot reach), else by the suffix
    /// rules (`EnglishLemmatizer`); nil for a stop-word.
    func lemma(_ word: Substring) -> String? {
        let key = word.lowercased()
        if let known = lemmas[key] { return known }
        var result = EnglishLemmatizer.lemma(word)
        if result != nil, let englishDictionary {
            if let first = englishDictionary.headwordIndexes(for: key).first {
                let headword = englishDictionary.word(at: first)
                if headword.lowercased() != key { result = EnglishLemmatizer.lemma(headword) ?? result }
            }
        }
        lemmas[key] = result
        return result
    }

    /// The lemmas of one gloss: "to hit; to strike (sb)" → hit, strike. Cross-references
    /// ("variant of 陳|陈[chen2]", "see 啥[sha2]") give none; parenthesised remarks and
    /// Chinese inside a gloss are left out.
    func glossLemmas(_ gloss: String) -> [String] {
        let lower = gloss.lowercased()
        for prefix in ["variant of", "old variant of", "see ", "see also", "used in", "erhua variant", "japanese variant", "archaic variant"]
        where lower.hasPrefix(prefix) {
            return []
        }
        var cleaned = ""
        var depth = 0
        for character in lower {
            switch character {
            case "(", "[": depth += 1
            case ")", "]": depth = max(0, depth - 1)
            default: if depth == 0 { cleaned.append(character) }
            }
        }
        return Self.words(in: cleaned).compactMap { word in
            guard word.unicodeScalars.allSatisfy({ $0.isASCII }) else { return nil }
            guard word != "surname", word != "abbr" else { return nil }
            return lemma(word)
        }
    }

    // MARK: English

    func english(_ sentences: [String]) throws(ICUError) -> SideFeatures {
        var side = SideFeatures()
        var nameCache: [String: [Int32]] = [:]
        for text in sentences {
            var length = 0
            for scalar in text.unicodeScalars where !scalar.properties.isWhitespace { length += 1 }
            let bytes = Array(text.utf8)
            var previousWasName = false
            var previousEnd = -2
            for (word, range) in Self.wordRanges(in: text) {
                // The second part of a hyphenated name (Bao-yu, Qin-shi) is a name too.
                let continuesName = previousWasName && range.lowerBound == previousEnd + 1 && bytes[previousEnd] == UInt8(ascii: "-")
                let capitalised = word.unicodeScalars.first.map { $0.properties.isUppercase } ?? false
                previousWasName = capitalised || continuesName
                previousEnd = range.upperBound
                guard let lemma = lemma(word) else { continue }
                let id = table.id(lemma)
                var syllables: [Int32] = []
                if capitalised && word.count >= 2 || continuesName {
                    let key = word.lowercased()
                    if let known = nameCache[key] {
                        syllables = known
                    } else {
                        syllables = pinyinSyllables(key).map { table.id("py:" + $0) }
                        nameCache[key] = syllables
                    }
                }
                side.addToken(key: id, alternatives: [id], syllables: syllables, range: range)
            }
            if let matcher, let termBase {
                // A role ("founder of 360 Group") is its person's term; the names inside it count too.
                let matches = try matcher.matches(in: text, roles: true)
                let all = try TermMatch.inTextOrder(matches + matcher.termsInsideRoles(of: matches, in: text))
                for match in all where !match.isChinese {
                    let entries = match.entries.filter { termBase.entries[Int($0)].origin.layer != .dictionary }
                    guard !entries.isEmpty else { continue }
                    let ids = entries.map { table.id("e:\($0)") }
                    side.addToken(key: ids[0], alternatives: ids, syllables: EmptyCollection(), range: match.utf8Range)
                }
            }
            for number in quantities.quantities(in: text) {
                for id in numberFeatures(number) {
                    side.addToken(key: id, alternatives: [id], syllables: EmptyCollection(), range: number.utf8Range)
                }
            }
            side.endSentence(length: length, cues: Cues(text[...]))
        }
        side.weigh()
        return side
    }

    /// `name` (lower case) read as pinyin syllables of the Chinese text seen so far, fewest
    /// syllables first; empty when it is not pinyin.
    func pinyinSyllables(_ name: String) -> [String] {
        let characters = Array(name.utf8)
        guard characters.count <= 24, characters.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return [] }
        let n = characters.count
        // best[i]: fewest syllables covering the first i letters, and where the last starts.
        var best = [(count: Int, from: Int)](repeating: (Int.max, -1), count: n + 1)
        best[0] = (0, 0)
        for end in 1...max(n, 1) where n > 0 {
            for start in max(0, end - 6)..<end where best[start].count != Int.max {
                let piece = String(decoding: characters[start..<end], as: UTF8.self)
                if knownSyllables.contains(piece) && best[start].count + 1 < best[end].count {
                    best[end] = (best[start].count + 1, start)
                }
            }
        }
        guard n > 0, best[n].count != Int.max else { return [] }
        var pieces: [String] = []
        var end = n
        while end > 0 {
            let start = best[end].from
            pieces.append(String(decoding: characters[start..<end], as: UTF8.self))
            end = start
        }
        return pieces.reversed()
    }

    // MARK: Shared

    /// Numbers as values: a point, or both ends of an interval; dates by their parts.
    private func numberFeatures(_ quantity: Quantity) -> [Int32] {
        var names: [String] = []
        if let year = quantity.year { names.append("#y\(year)") }
        if let month = quantity.month, let day = quantity.day { names.append("#md\(month)-\(day)") }
        if let low = quantity.lowerBound { names.append("#\(Self.format(low))") }
        if let high = quantity.upperBound, high != quantity.lowerBound { names.append("#\(Self.format(high))") }
        return names.map { table.id($0) }
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// Letters and digits of any script but Han: what a Latin token is made of.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A || v >= 0x30 && v <= 0x39
        }
        return scalar.properties.isAlphabetic && ScriptClass(scalar) != .han || scalar.properties.numericType != nil
            && ScriptClass(scalar) != .han
    }

    /// The words of `text`: runs of letters and digits, with apostrophes inside them.
    static func words(in text: String) -> [Substring] {
        wordRanges(in: text).map(\.0)
    }

    /// The words of `text` with their UTF-8 ranges.
    static func wordRanges(in text: String) -> [(Substring, Range<Int>)] {
        var result: [(Substring, Range<Int>)] = []
        var index = text.unicodeScalars.startIndex
        var offset = 0
        var start: String.Index?
        var startOffset = 0
        func close(_ end: String.Index, _ endOffset: Int) {
            if let s = start {
                var word = text[s..<end]
                var wordEnd = endOffset
                while let last = word.unicodeScalars.last, last == "'" || last == "\u{2019}" {
                    word = word.dropLast()
                    wordEnd -= UTF8.width(last)
                }
                if !word.isEmpty { result.append((word, startOffset..<wordEnd)) }
            }
            start = nil
        }
        while index < text.unicodeScalars.endIndex {
            let scalar = text.unicodeScalars[index]
            let isWord = isWordScalar(scalar) && ScriptClass(scalar) != .han
            let isApostrophe = (scalar == "'" || scalar == "\u{2019}") && start != nil
            if isWord || isApostrophe {
                if start == nil {
                    start = index
                    startOffset = offset
                }
            } else {
                close(index, offset)
            }
            offset += UTF8.width(scalar)
            index = text.unicodeScalars.index(after: index)
        }
        close(text.endIndex, offset)
        return result
    }
}
