import DuizhaoText
import Foundation

/// All loaded glossaries, indexed for lookup by English, Chinese (either script) and pinyin.
///
/// Entries keep the order of precedence: the user's glossaries, then the shipped ones, then the
/// dictionary; within a layer, file order.
public final class TermBase: Sendable {
    /// Every entry, in order of precedence.
    public let entries: [GlossaryEntry]
    let englishIndex: SortedKeyIndex
    let chineseIndex: SortedKeyIndex
    let pinyinIndex: SortedKeyIndex

    /// A term base from parts already built (read back from the compiled cache).
    init(entries: [GlossaryEntry], englishIndex: SortedKeyIndex, chineseIndex: SortedKeyIndex, pinyinIndex: SortedKeyIndex) {
        self.entries = entries
        self.englishIndex = englishIndex
        self.chineseIndex = chineseIndex
        self.pinyinIndex = pinyinIndex
    }

    /// Indexes `entries`, sorting them by layer (stable within a layer).
    /// - Parameter normalizer: turns Traditional Chinese into Simplified for the Chinese keys.
    /// - Throws: `ICUError` when ICU fails.
    public init(entries: [GlossaryEntry], normalizer: TextNormalizer) throws(ICUError) {
        let ordered = entries.enumerated().sorted { ($0.element.origin.layer, $0.offset) < ($1.element.origin.layer, $1.offset) }.map(\.element)
        self.entries = ordered
        var english: [(String, Int32)] = []
        var chinese: [(String, Int32)] = []
        var pinyin: [(String, Int32)] = []
        english.reserveCapacity(ordered.count * 2)
        chinese.reserveCapacity(ordered.count * 2)
        pinyin.reserveCapacity(ordered.count)
        for (index, entry) in ordered.enumerated() {
            let id = Int32(index)
            for term in entry.englishTerms { english.append((LookupKey.english(term), id)) }
            if entry.origin.layer == .dictionary {
                // The dictionary gives each entry's Simplified form; transliterating 120,000
                // Traditional forms again would only slow every start.
                chinese.append((entry.simplified, id))
            } else {
                for term in entry.chineseTerms { chinese.append((try normalizer.simplified(term), id)) }
            }
            if let reading = entry.pinyin {
                pinyin.append((LookupKey.pinyin(reading), id))
            }
        }
        englishIndex = SortedKeyIndex(english)
        chineseIndex = SortedKeyIndex(chinese)
        pinyinIndex = SortedKeyIndex(pinyin)
    }

    /// The readings of every Chinese term that has pinyin, the first by precedence winning, so
    /// that the glossary and the dictionary supply pinyin ahead of ICU (银行 yín háng, not yín xíng).
    public func pinyinLexicon() -> DictionaryPinyinLexicon {
        var readings: [String: String] = [:]
        readings.reserveCapacity(entries.count)
        for entry in entries {
            guard let pinyin = entry.pinyin, !pinyin.isEmpty else { continue }
            for term in entry.chineseTerms where readings[term] == nil && term.containsHan {
                readings[term] = pinyin
            }
        }
        return DictionaryPinyinLexicon(readings)
    }

    /// How a lookup matched an entry.
    public enum MatchKind: String, Sendable, Comparable {
        case exact, prefix

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs == .exact && rhs == .prefix }
    }

    /// An entry found by a lookup.
    public struct Match: Sendable {
        public var entry: GlossaryEntry
        public var kind: MatchKind
        /// Which of the entry's forms matched: "en", "zh" or "pinyin".
        public var field: String
        /// Other layers that give the same answer (ECDICT beside CC-CEDICT).
        public var also: [EntryOrigin] = []

        public init(entry: GlossaryEntry, kind: MatchKind, field: String, also: [EntryOrigin] = []) {
            self.entry = entry
            self.kind = kind
            self.field = field
            self.also = also
        }
    }

    /// Finds entries by English (any case, prefix), Chinese (either script, prefix) or pinyin
    /// (with or without tones and spaces).
    ///
    /// Exact matches come before prefix matches, then by precedence.
    /// - Parameters:
    ///   - query: what the user typed.
    ///   - normalizer: for Traditional queries.
    ///   - limit: the most matches to return.
    /// - Throws: `ICUError` when ICU fails.
    public func lookup(_ query: String, normalizer: TextNormalizer, limit: Int = 50) throws(ICUError) -> [Match] {
        let trimmed = String(query.trimmingWhitespace())
        guard !trimmed.isEmpty else { return [] }
        var found: [Int32: Match] = [:]
        func collect(_ index: SortedKeyIndex, key: String, field: String, prefix: Bool) {
            guard !key.isEmpty else { return }
            for id in index.exact(key) where found[id]?.kind != .exact {
                found[id] = Match(entry: entries[Int(id)], kind: .exact, field: field)
            }
            guard prefix else { return }
            for id in index.prefixed(by: key, limit: limit * 4) where found[id] == nil {
                found[id] = Match(entry: entries[Int(id)], kind: .prefix, field: field)
            }
        }
        if trimmed.containsHan {
            collect(chineseIndex, key: try normalizer.simplified(trimmed), field: "zh", prefix: true)
        } else {
            let english = LookupKey.english(trimmed)
            collect(englishIndex, key: english, field: "en", prefix: english.count >= 2)
            // Pinyin prefixes only from a full syllable on, or "li" would list half the dictionary.
            let pinyin = LookupKey.pinyin(trimmed)
            collect(pinyinIndex, key: pinyin, field: "pinyin", prefix: pinyin.count >= 4)
        }
        return found.sorted { ($0.value.kind, $0.key) < ($1.value.kind, $1.key) }.prefix(limit).map(\.value)
    }

    /// Keys close to `query` (by edit distance) for "did you mean".
    /// - Parameter pinyin: whether a query that is not Chinese may be pinyin, so that entries
    ///   with a close reading are suggested too (an English phrase gets English suggestions only).
    public func suggestions(for query: String, limit: Int = 5, pinyin: Bool = true) -> [String] {
        let isChinese = query.containsHan
        let key = isChinese ? query : LookupKey.english(query)
        let pinyinKey = LookupKey.pinyin(query)
        var scored: [(distance: Int, id: Int32, text: String)] = []
        let budget = max(1, min(3, key.count / 3))
        func consider(_ index: SortedKeyIndex, _ probe: String, display: (GlossaryEntry, String) -> String) {
            guard !probe.isEmpty else { return }
            for (candidate, id) in index.pairs where abs(candidate.count - probe.count) <= budget {
                let distance = EditDistance.levenshtein(probe, candidate, limit: budget)
                if distance <= budget { scored.append((distance, id, display(entries[Int(id)], candidate))) }
            }
        }
        if isChinese {
            consider(chineseIndex, key) { entry, _ in "\(entry.simplified) \(entry.english)" }
        } else {
            // The English form that came close, as the entry writes it (not its first gloss).
            consider(englishIndex, key) { entry, candidate in entry.englishTerms.first { LookupKey.english($0) == candidate } ?? entry.english }
            if pinyin { consider(pinyinIndex, pinyinKey) { entry, _ in "\(entry.simplified) \(entry.pinyin ?? "")" } }
        }
        var seen = Set<String>()
        return scored.sorted { ($0.distance, $0.id) < ($1.distance, $1.id) }.map(\.text).filter { seen.insert($0).inserted }.prefix(limit).map { $0 }
    }

    /// Whether `query` reads as pinyin: its letters, tones and spaces aside, split into syllables
    /// that the entries' readings use, all but its last three letters at most (a typo at the end).
    public func readsAsPinyin(_ query: String) -> Bool {
        let key = Array(LookupKey.pinyin(query).utf8)
        guard !key.isEmpty, key.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return false }
        var syllables = Set<String>()
        for entry in entries {
            guard let reading = entry.pinyin else { continue }
            // Letters of Latin words in readings (卡拉OK: "O K") are no syllables.
            for syllable in reading.split(separator: " ") {
                let folded = LookupKey.pinyin(String(syllable))
                if folded.count >= 2 || ["a", "e", "o"].contains(folded), folded.contains(where: { "aeiouv".contains($0) }) {
                    syllables.insert(folded)
                }
            }
        }
        var reachable = [Bool](repeating: false, count: key.count + 1)
        reachable[0] = true
        for end in 1...key.count {
            for start in max(0, end - 6)..<end where reachable[start] {
                if syllables.contains(String(decoding: key[start..<end], as: UTF8.self)) {
                    reachable[end] = true
                    break
                }
            }
        }
        let longest = reachable.lastIndex(of: true) ?? 0
        return longest >= max(2, key.count - 3)
    }
}

/// Keys sorted for exact and prefix search by binary search.
struct SortedKeyIndex: Sendable {
    let pairs: [(String, Int32)]

    /// Keys are ordered by their UTF-8 bytes: `String`'s own `<` compares canonical
    /// equivalents, which is needless for normalized keys and many times slower.
    /// Pairs already in order (read back from the compiled cache).
    init(sorted pairs: [(String, Int32)]) {
        self.pairs = pairs
    }

    init(_ pairs: [(String, Int32)]) {
        self.pairs = pairs.sorted { lhs, rhs in
            let order = Self.compare(lhs.0, rhs.0)
            return order != 0 ? order < 0 : lhs.1 < rhs.1
        }
    }

    /// memcmp order of the UTF-8 bytes.
    @inline(__always)
    static func compare(_ lhs: String, _ rhs: String) -> Int32 {
        var lhs = lhs
        var rhs = rhs
        return lhs.withUTF8 { a in
            rhs.withUTF8 { b in
                let common = min(a.count, b.count)
                let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
                return order != 0 ? order : Int32(a.count) - Int32(b.count)
            }
        }
    }

    @inline(__always)
    static func precedes(_ lhs: String, _ rhs: String) -> Bool { compare(lhs, rhs) < 0 }

    /// The first position whose key is not less than `key`.
    private func lowerBound(_ key: String) -> Int {
        var low = 0
        var high = pairs.count
        while low < high {
            let mid = (low + high) / 2
            if Self.precedes(pairs[mid].0, key) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    func exact(_ key: String) -> [Int32] {
        var result: [Int32] = []
        var i = lowerBound(key)
        while i < pairs.count && pairs[i].0 == key {
            result.append(pairs[i].1)
            i += 1
        }
        return result
    }

    func prefixed(by prefix: String, limit: Int) -> [Int32] {
        var result: [Int32] = []
        var i = lowerBound(prefix)
        while i < pairs.count && pairs[i].0.utf8.starts(with: prefix.utf8) && result.count < limit {
            result.append(pairs[i].1)
            i += 1
        }
        return result
    }
}

/// Levenshtein distance, for suggestions.
enum EditDistance {
    /// The edit distance of `a` and `b` in characters, a swap of neighbours counting as one edit
    /// (the commonest typo: "shanghia"), or `limit + 1` once it exceeds `limit`.
    static func levenshtein(_ a: String, _ b: String, limit: Int) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var beforePrevious = Array(repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
