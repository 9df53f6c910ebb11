import DuizhaoText
import Foundation

/// All loaded glossaries, indexed for lookup by English, Chinese (either script) and pinyin.
///
/// Entries keep the order of precedence: the user's glossaries, then the shipped ones, then the
/// dictionary; within a layer, file order.
///
/// Stored flat — strings back to back, entries and indexes as columns of integers (`layout`) —
/// whether built from the sources or mapped from the compiled cache, so that loading it makes no
/// string and a lookup makes the few it shows.
public final class TermBase: Sendable {
    /// Every entry, in order of precedence.
    public let entries: GlossaryEntries
    let englishIndex: SortedKeyIndex
    let chineseIndex: SortedKeyIndex
    let pinyinIndex: SortedKeyIndex
    /// The words of the English index's keys, for finding a word inside glosses.
    let glossWords: GlossWordIndex
    /// The bytes all of it is laid out in, as the compiled cache stores them.
    var layout: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: storage.buffer[layoutRange]) }
    private let storage: FrozenBytes
    private let layoutRange: Range<Int>

    /// The term base laid out in `range` of `storage` (built here or mapped from the compiled
    /// cache); the range starts at a multiple of 16 bytes.
    /// - Throws: `CompiledGlossaries.Damaged` when the layout is not whole and consistent.
    init(storage: FrozenBytes, range: Range<Int>) throws(CompiledGlossaries.Damaged) {
        var reader = BinaryReader(UnsafeRawBufferPointer(rebasing: storage.buffer[range]), owner: storage)
        guard let strings = reader.readFlatStrings() else { throw CompiledGlossaries.Damaged() }
        reader.align(to: 16)
        guard let entries = GlossaryEntries.read(from: &reader, strings: strings) else { throw CompiledGlossaries.Damaged() }
        var indexes: [SortedKeyIndex] = []
        for _ in 0..<3 {
            guard let index = SortedKeyIndex.read(from: &reader, strings: strings, entryCount: entries.count) else { throw CompiledGlossaries.Damaged() }
            indexes.append(index)
        }
        guard let words = GlossWordIndex.read(from: &reader, strings: strings, keyCount: indexes[0].count), reader.isAtEnd else {
            throw CompiledGlossaries.Damaged()
        }
        self.entries = entries
        (englishIndex, chineseIndex, pinyinIndex) = (indexes[0], indexes[1], indexes[2])
        glossWords = words
        self.storage = storage
        layoutRange = range
    }

    /// Indexes `entries`, sorting them by layer (stable within a layer).
    /// - Parameter normalizer: turns Traditional Chinese into Simplified for the Chinese keys.
    /// - Throws: `ICUError` when ICU fails.
    public convenience init(entries: [GlossaryEntry], normalizer: TextNormalizer) throws(ICUError) {
        let ordered = entries.enumerated().sorted { ($0.element.origin.layer, $0.offset) < ($1.element.origin.layer, $1.offset) }.map(\.element)
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
        var table = StringTableBuilder()
        var body = BinaryWriter()
        GlossaryEntries.write(ordered, table: &table, into: &body)
        let englishSorted = SortedKeyIndex.sorted(english)
        for pairs in [englishSorted, SortedKeyIndex.sorted(chinese), SortedKeyIndex.sorted(pinyin)] {
            SortedKeyIndex.write(pairs, table: &table, into: &body)
        }
        GlossWordIndex.write(keys: englishSorted.map(\.0), table: &table, into: &body)
        var writer = BinaryWriter()
        writer.writeFlatStrings(table)
        // The body's columns are aligned from its start.
        writer.align(to: 16)
        writer.write(body.bytes)
        // Laid out by this code a moment ago: consistent unless this code is wrong.
        try! self.init(storage: FrozenBytes(copying: writer.bytes), range: 0..<writer.bytes.count)
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
            let length = probe.count
            for position in 0..<index.count {
                // A key has at most as many characters as bytes: most are too short to look at.
                guard index.keyByteCount(at: position) >= length - budget else { continue }
                let candidate = index.key(at: position)
                guard abs(candidate.count - length) <= budget else { continue }
                let distance = EditDistance.levenshtein(probe, candidate, limit: budget)
                if distance <= budget {
                    let id = index.id(at: position)
                    scored.append((distance, id, display(entries[Int(id)], candidate)))
                }
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
        for position in entries.indices {
            guard let reading = entries.pinyin(at: position) else { continue }
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

/// Keys sorted for exact and prefix search by binary search: string ids in the term base's
/// strings, ordered by their UTF-8 bytes, each with its entry.
struct SortedKeyIndex: Sendable {
    let strings: FlatStrings
    let keys: Int32Column
    let ids: Int32Column

    var count: Int { keys.count }

    /// Key `position`.
    func key(at position: Int) -> String { strings.string(keys[position]) }

    /// The UTF-8 of key `position`.
    func keyBytes(at position: Int) -> UnsafeRawBufferPointer { strings.utf8(keys[position]) }

    /// How many bytes of UTF-8 key `position` has.
    func keyByteCount(at position: Int) -> Int { Int(strings.starts[Int(keys[position]) + 1] - strings.starts[Int(keys[position])]) }

    /// The entry of key `position`.
    func id(at position: Int) -> Int32 { ids[position] }

    /// `pairs` in order: by the keys' UTF-8 bytes (`String`'s own `<` compares canonical
    /// equivalents, which is needless for normalized keys and many times slower), then entry.
    static func sorted(_ pairs: [(String, Int32)]) -> [(String, Int32)] {
        pairs.sorted { lhs, rhs in
            let order = compare(lhs.0, rhs.0)
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

    static func write(_ sorted: [(String, Int32)], table: inout StringTableBuilder, into writer: inout BinaryWriter) {
        writer.writeColumn(sorted.map { table.add($0.0) })
        writer.writeColumn(sorted.map(\.1))
    }

    /// Reads what `write` wrote; nil when an id is out of range.
    static func read(from reader: inout BinaryReader, strings: FlatStrings, entryCount: Int) -> SortedKeyIndex? {
        guard let keys = reader.readColumn(), let ids = reader.readColumn(), keys.count == ids.count,
            keys.all(from: 0, below: strings.count), ids.all(from: 0, below: entryCount)
        else { return nil }
        return SortedKeyIndex(strings: strings, keys: keys, ids: ids)
    }

    /// The first position whose key is not less than `probe`.
    private func lowerBound(_ probe: UnsafeRawBufferPointer) -> Int {
        var low = 0
        var high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if strings.compare(keys[mid], probe) < 0 { low = mid + 1 } else { high = mid }
        }
        return low
    }

    func exact(_ key: String) -> [Int32] {
        var key = key
        return key.withUTF8 { utf8 in
            let probe = UnsafeRawBufferPointer(utf8)
            var result: [Int32] = []
            var i = lowerBound(probe)
            while i < keys.count && strings.compare(keys[i], probe) == 0 {
                result.append(ids[i])
                i += 1
            }
            return result
        }
    }

    func prefixed(by prefix: String, limit: Int) -> [Int32] {
        var prefix = prefix
        return prefix.withUTF8 { utf8 in
            let probe = UnsafeRawBufferPointer(utf8)
            var result: [Int32] = []
            var i = lowerBound(probe)
            while i < keys.count && strings.hasPrefix(keys[i], probe) && result.count < limit {
                result.append(ids[i])
                i += 1
            }
            return result
        }
    }
}

/// The words of the English index's keys (runs of ASCII letters and digits), each with the
/// positions of the keys that hold it: finding "government" inside 200,000 glosses reads one
/// list rather than every gloss.
struct GlossWordIndex: Sendable {
    let strings: FlatStrings
    /// Words (string ids) in byte order, and where each one's key positions start in `postings`.
    let words: Int32Column
    let postingStart: Int32Column
    let postings: Int32Column

    /// ASCII letters and digits: what continues a word.
    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte >= 0x30 && byte <= 0x39
    }

    /// The positions of the keys holding `word` (every byte of which is a word byte) as a word
    /// of its own, ascending.
    func positions(of word: UnsafeRawBufferPointer) -> UnsafeBufferPointer<Int32> {
        var low = 0
        var high = words.count
        while low < high {
            let mid = (low + high) / 2
            if strings.compare(words[mid], word) < 0 { low = mid + 1 } else { high = mid }
        }
        guard low < words.count, strings.compare(words[low], word) == 0 else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(rebasing: postings.values[Int(postingStart[low])..<Int(postingStart[low + 1])])
    }

    /// Indexes `keys` (the English index's, in its order).
    static func write(keys: [String], table: inout StringTableBuilder, into writer: inout BinaryWriter) {
        var byWord: [[UInt8]: [Int32]] = [:]
        for (position, key) in keys.enumerated() {
            let bytes = Array(key.utf8)
            var start = 0
            while start < bytes.count {
                guard isWordByte(bytes[start]) else {
                    start += 1
                    continue
                }
                var end = start
                while end < bytes.count && isWordByte(bytes[end]) { end += 1 }
                let word = Array(bytes[start..<end])
                if byWord[word]?.last != Int32(position) { byWord[word, default: []].append(Int32(position)) }
                start = end
            }
        }
        let sorted = byWord.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        var starts: [Int32] = [0]
        var postings: [Int32] = []
        for (_, positions) in sorted {
            postings += positions
            starts.append(Int32(postings.count))
        }
        writer.writeColumn(sorted.map { table.add(String(decoding: $0.key, as: UTF8.self)) })
        writer.writeColumn(starts)
        writer.writeColumn(postings)
    }

    /// Reads what `write` wrote; nil when an id or position is out of range.
    static func read(from reader: inout BinaryReader, strings: FlatStrings, keyCount: Int) -> GlossWordIndex? {
        guard let words = reader.readColumn(), let starts = reader.readColumn(), let postings = reader.readColumn(),
            starts.count == words.count + 1, words.all(from: 0, below: strings.count), starts.ascends(from: 0, to: postings.count),
            postings.all(from: 0, below: keyCount)
        else { return nil }
        return GlossWordIndex(strings: strings, words: words, postingStart: starts, postings: postings)
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
