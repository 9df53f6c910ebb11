/// Supplies the readings of words, ahead of ICU's character-by-character guesses.
///
/// ICU reads 银行 as yín xíng and 长城 as zhǎng chéng; a dictionary knows better.
public protocol PinyinLexicon: Sendable {
    /// The longest word, in characters, the lexicon may know.
    var longestWord: Int { get }
    /// The reading of `word` with tone marks and syllables separated by spaces ("yín háng"),
    /// or nil when the lexicon does not know it.
    func reading(of word: Substring) -> String?
}

/// A `PinyinLexicon` held in memory, for glossaries and tests.
public struct DictionaryPinyinLexicon: PinyinLexicon {
    private let readings: [String: String]
    public let longestWord: Int

    /// Creates a lexicon from words and their tone-marked readings.
    public init(_ readings: [String: String]) {
        self.readings = readings
        longestWord = readings.keys.map(\.count).max() ?? 0
    }

    public func reading(of word: Substring) -> String? { readings[String(word)] }
}

/// Pinyin for Chinese text: from a lexicon first, from ICU's Han-Latin transform otherwise.
///
/// `@unchecked Sendable`: its state is immutable apart from the transliterators, which lock.
public final class PinyinConverter: @unchecked Sendable {
    private let hanToLatin: ICUTransliterator
    private let latinToASCII: ICUTransliterator
    private let lexicon: (any PinyinLexicon)?

    /// Creates a converter.
    /// - Parameter lexicon: word readings that take precedence over ICU's.
    /// - Throws: `ICUError` when ICU's transforms are missing.
    public init(lexicon: (any PinyinLexicon)? = nil) throws(ICUError) {
        hanToLatin = try ICUTransliterator(id: "Han-Latin")
        latinToASCII = try ICUTransliterator(id: "Latin-ASCII")
        self.lexicon = lexicon
    }

    /// Pinyin with tone marks, syllables separated by spaces: 周鸿祎 → "zhōu hóng yī".
    ///
    /// Characters that are not Han are kept as they are, set off by spaces.
    /// - Throws: `ICUError` when ICU fails.
    public func pinyin<S: StringProtocol>(_ text: S) throws(ICUError) -> String {
        var syllables: [String] = []
        var pendingHan = ""  // Han characters waiting for ICU
        var pendingOther = ""  // a run of other characters, kept as one item ("AI", "2025")
        func flush() throws(ICUError) {
            if !pendingHan.isEmpty {
                let latin = try hanToLatin.transliterate(pendingHan)
                syllables.append(contentsOf: latin.split(separator: " ").map(String.init))
                pendingHan = ""
            }
            if !pendingOther.isEmpty {
                syllables.append(pendingOther)
                pendingOther = ""
            }
        }
        let characters = Array(String(text))
        var i = 0
        while i < characters.count {
            let character = characters[i]
            guard character.unicodeScalars.contains(where: { ScriptClass($0) == .han }) else {
                if !pendingHan.isEmpty || character.isWhitespace || Self.isPunctuation(String(character)) { try flush() }
                if !character.isWhitespace { pendingOther.append(character) }
                if Self.isPunctuation(String(character)) { try flush() }
                i += 1
                continue
            }
            if !pendingOther.isEmpty { try flush() }
            if let lexicon, let (reading, length) = longestReading(in: characters, at: i, lexicon) {
                try flush()
                syllables.append(contentsOf: reading.split(separator: " ").map(String.init))
                i += length
                continue
            }
            pendingHan.append(character)
            i += 1
        }
        try flush()
        return Self.joined(syllables)
    }

    /// Pinyin without tones, in ASCII: 周鸿祎 → "zhou hong yi". ü becomes u.
    /// - Throws: `ICUError` when ICU fails.
    public func tonelessPinyin<S: StringProtocol>(_ text: S) throws(ICUError) -> String {
        try toneless(pinyin(text))
    }

    /// Strips tone marks from pinyin: "zhōu hóng yī" → "zhou hong yi".
    /// - Throws: `ICUError` when ICU fails.
    public func toneless(_ pinyin: String) throws(ICUError) -> String {
        if pinyin.utf8.allSatisfy({ $0 < 0x80 }) { return pinyin }
        return try latinToASCII.transliterate(pinyin)
    }

    private func longestReading(in characters: [Character], at start: Int, _ lexicon: any PinyinLexicon) -> (String, Int)? {
        let longest = min(lexicon.longestWord, characters.count - start)
        guard longest >= 1 else { return nil }
        for length in stride(from: longest, through: 1, by: -1) {
            let word = String(characters[start..<(start + length)])
            if let reading = lexicon.reading(of: word[...]) { return (reading, length) }
        }
        return nil
    }

    private static func isPunctuation(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.generalCategory.isPunctuation }
    }

    /// Joins syllables with spaces, but attaches punctuation to what precedes it.
    private static func joined(_ syllables: [String]) -> String {
        var result = ""
        for syllable in syllables {
            if !result.isEmpty && !isPunctuation(syllable) { result.append(" ") }
            result.append(syllable)
        }
        return result
    }
}
