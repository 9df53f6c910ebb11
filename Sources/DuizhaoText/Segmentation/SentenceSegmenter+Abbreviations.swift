/// English abbreviations after which a period does not end a sentence, ICU's list missing some.
///
/// ICU (with `ss=standard`) still splits after `Dr.` and before a capital after `U.S.`; this list
/// decides such cuts by the abbreviation and what follows it.
enum Abbreviations {
    enum Rule {
        /// Never ends a sentence: titles and Latin shorthands (`Dr.`, `Mr.`, `e.g.`).
        case always
        /// Does not end a sentence before a number (`Feb. 18`, `No. 3`).
        case beforeNumber
        /// Does not end a sentence unless the next word usually starts one (`the U.S. Commerce
        /// Department` stays whole; `sold in the U.S. The company` is cut).
        case beforeNonSentenceStarter
    }

    static let rules: [String: Rule] = {
        var rules: [String: Rule] = [:]
        for word in [
            "mr", "mrs", "ms", "dr", "prof", "sr", "st", "gen", "lt", "col", "capt", "sgt", "sen", "rep", "gov",
            "pres", "rev", "hon", "mt", "messrs", "mme", "e.g", "i.e", "cf", "vs", "viz", "approx", "dept", "univ",
            "assn", "bros", "adm", "maj", "cmdr", "supt", "amb",
        ] { rules[word] = .always }
        for word in [
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos",
            "vol", "vols", "p", "pp", "fig", "figs", "art", "sec", "ch", "chap", "para", "est", "ca", "op", "tel",
        ] { rules[word] = .beforeNumber }
        for word in ["inc", "ltd", "co", "corp", "plc", "llc", "jr", "bhd", "a.m", "p.m"] {
            rules[word] = .beforeNonSentenceStarter
        }
        return rules
    }()

    /// Words that usually start a sentence; before them an ambiguous abbreviation ends one.
    static let sentenceStarters: Set<String> = [
        "the", "a", "an", "it", "its", "he", "she", "they", "we", "i", "you", "this", "that", "these", "those",
        "there", "but", "and", "or", "so", "yet", "in", "on", "at", "for", "with", "as", "if", "when", "while",
        "after", "before", "since", "however", "meanwhile", "then", "still", "now", "his", "her", "their",
        "our", "my", "what", "why", "how", "who", "where", "some", "many", "most", "such", "one", "according",
        "last", "next", "today", "yesterday", "also", "both", "each", "other", "another", "all", "not",
    ]

    /// Whether the sentence ICU ended at `cut` really goes on, because it ends in an abbreviation.
    static func continuesAfter(cut: Int, in range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let sentence = TextBlock.trimmed(range.lowerBound..<cut, in: bytes)
        guard !sentence.isEmpty, bytes[sentence.upperBound - 1] == UInt8(ascii: ".") else { return false }
        // The word before the period: letters and inner periods ("U.S", "e.g", "Dr").
        var start = sentence.upperBound - 1
        while start > sentence.lowerBound, isLetterOrPeriod(bytes[start - 1]) { start -= 1 }
        while start < sentence.upperBound - 1 && bytes[start] == UInt8(ascii: ".") { start += 1 }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(sentence.upperBound - 1)]), as: UTF8.self)
        guard !word.isEmpty else { return false }
        let next = nextWord(after: cut, upperLimit: range.upperBound, bytes)
        let startsWithDigit = next.first.map { $0.isASCII && $0.isNumber } ?? false

        let rule: Rule?
        if word.count == 1, word.first!.isUppercase {
            rule = .always  // an initial: "Hongyi Z. Smith"
        } else if isInitialism(word) {
            rule = .beforeNonSentenceStarter  // "U.S", "P.R.C"
        } else {
            rule = rules[word.lowercased()]
        }
        switch rule {
        case .always: return true
        case .beforeNumber: return startsWithDigit
        case .beforeNonSentenceStarter:
            return !next.isEmpty && !sentenceStarters.contains(next.lowercased())
        case nil: return false
        }
    }

    private static func isLetterOrPeriod(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte == UInt8(ascii: ".")
    }

    /// Single letters separated by periods: "U.S", "P.R.C", "a.m".
    private static func isInitialism(_ word: String) -> Bool {
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { $0.count == 1 } && word.first!.isUppercase
    }

    /// The ASCII word (letters or digits) that starts after `offset`, skipping spaces and opening quotes.
    private static func nextWord(after offset: Int, upperLimit: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var i = offset
        while i < upperLimit, let width = TextBlock.whitespaceWidth(at: i, bytes) { i += width }
        while i < upperLimit, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "(") { i += 1 }
        var end = i
        while end < upperLimit, bytes[end] < 0x80, isLetterOrPeriod(bytes[end]) || (bytes[end] >= 0x30 && bytes[end] <= 0x39) {
            if bytes[end] == UInt8(ascii: ".") { break }
            end += 1
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<end]), as: UTF8.self)
    }
}
