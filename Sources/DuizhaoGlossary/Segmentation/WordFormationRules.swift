/// What made an edge of the word lattice, which decides the kind of the token it becomes.
enum EdgeOrigin: UInt8 {
    /// One character (or one ICU token outside Han): the fallback that keeps every path whole.
    case step
    /// A dictionary word or soft glossary term.
    case word
    /// A glossary term that must stay whole.
    case term
    /// A number, date or percentage built by the number rule.
    case number
    /// Any other rule (a measure-word compound, a run of repeated punctuation) or a merge of
    /// `WordMerging`.
    case rule
}

/// The costs of the word lattice, in thousandths of a word.
///
/// The path with the fewest words wins: maximum matching over the whole stretch of text rather
/// than greedily from the left. The small differences only break ties, each measured on both
/// test sets (see the test file): a word that ICU's own dictionary also found gets a bonus, which
/// settles most ties the right way (大 开发, not greedy matching's 大开 发); a single character
/// costs a little less than a word, so that a tie goes to the path that does not lean on a
/// dictionary phrase; a word costs a little more the further its length is from two
/// characters; and a number or date costs less than a word, so that it beats the dictionary's
/// reading of the same characters (1日 电, not 1 日电).
enum LatticeCost {
    static let word: Int32 = 1000
    static let singleCharacter: Int32 = 980
    /// Per squared character of distance from two characters: 10 for three, 40 for four.
    static let lengthPenalty: Int32 = 10
    static let number: Int32 = 800
    static let approximateNumber: Int32 = 900
    static let repeatedPunctuation: Int32 = 500
    static let agreesWithICU: Int32 = 10

    /// On top of a word's cost from a frequency list, per squared character past two: a
    /// compound of two common words (国有企业, 信息技术) is often counted often enough to beat its
    /// parts, where both segmentation standards write the parts. 100 (one nat per squared
    /// character) was best on both SIGHAN sets among 30 to 400 (docs/BENCHMARKS.md).
    static let weighedLengthPenalty: Int32 = 100

    /// What a word of `ideographs` Chinese characters costs beyond its frequency cost.
    @inline(__always)
    static func weighedLength(ideographs: Int) -> Int32 {
        guard ideographs > 2 else { return 0 }
        let excess = Int32(min(ideographs, 40) - 2)
        return weighedLengthPenalty * excess * excess
    }

    /// The cost of a dictionary word of `ideographs` Chinese characters; an English term (none)
    /// costs one word.
    @inline(__always)
    static func word(ideographs: Int) -> Int32 {
        if ideographs == 1 { return singleCharacter }
        guard ideographs > 2 else { return word }
        let excess = Int32(min(ideographs, 40) - 2)
        return word + lengthPenalty * excess * excess
    }
}

/// Edges of the word lattice that come from rules of Chinese word formation rather than from the
/// dictionary: numbers and dates, measure-word compounds, runs of repeated punctuation.
///
/// Segmentation standards disagree on much (PKU splits 三 个 and 江 泽民, MSR keeps 三个 and
/// 江泽民 whole). These are general patterns of word formation on which both agree, kept
/// because they helped on both SIGHAN 2005 test sets (measured there; nothing of those sets is
/// copied here): a number with its date unit or percent sign is one word (2001年, 12月, 31日,
/// 50％, 1.3万, 二○○一年, 百分之三十, 第三), a demonstrative with its measure word is one word
/// (这次, 各项), and so on. Numerals and measure words stay apart (三 个), except 一个.
enum WordFormationRules {
    /// Whether a rule edge may start at the character `first`: most characters start none.
    @inline(__always)
    static func mayStartRule(_ first: UInt32) -> Bool {
        ChineseCharacters.isArabicDigit(first) || ChineseCharacters.startsRule(first)
    }

    /// Calls `add(end, cost, origin)` for every rule edge that starts at `start`.
    static func edges(from start: Int, in text: UTF8Text, _ add: (Int, Int32, EdgeOrigin) -> Void) {
        let first = text.scalar(at: start)
        // Most characters start no rule: answer them before looking around.
        guard mayStartRule(first) else { return }
        let previousStart = text.before(start)
        let previous = previousStart.map { text.scalar(at: $0) } ?? 0
        let secondStart = text.after(start)
        let second = text.scalar(at: secondStart)
        if ChineseCharacters.isArabicDigit(first) {
            // Numbers start where their digits do, or at a minus sign before them (－5℃) that is
            // not a dash between two numbers (3－5).
            let signed = previousStart.map { isMinus(previous) && !ChineseCharacters.isArabicDigit(text.scalar(before: $0)) } ?? false
            if !ChineseCharacters.isArabicDigit(previous) && !signed { arabicNumber(from: start, digits: start, in: text, add) }
        } else if isMinus(first) && ChineseCharacters.isArabicDigit(second) && !ChineseCharacters.isArabicDigit(previous) {
            arabicNumber(from: start, digits: secondStart, in: text, add)
        } else if ChineseCharacters.isNumeral(first) {
            if !ChineseCharacters.isNumeral(previous) { chineseNumber(from: start, numeral: start, in: text, add) }
        } else if first == 0x7B2C /* 第 */ && ChineseCharacters.isNumeral(second) {
            chineseNumber(from: start, numeral: secondStart, in: text, add)
        }
        guard second != 0 else { return }
        let thirdStart = text.after(secondStart)
        if (first == 0x51E0 || first == 0x5E7E || first == 0x6570 || first == 0x6578) && ChineseCharacters.numberScales.contains(second) {
            // 几十, 数千万 (幾十, 數千萬): approximate numbers.
            var end = thirdStart
            while end < text.count && ChineseCharacters.numberScales.contains(text.scalar(at: end)) { end = text.after(end) }
            add(end, LatticeCost.approximateNumber, .number)
        } else if first == 0x5341 /* 十 */ && ChineseCharacters.unitDigits.contains(second) && text.scalar(at: thirdStart) == 0x5927 /* 大 */ {
            // 十五大: a numbered Party congress.
            add(text.after(thirdStart), LatticeCost.number, .number)
        } else if first == 0x4E00 /* 一 */ && (second == 0x4E2A || second == 0x500B) /* 个 個 */ {
            // 一个 is the indefinite article, where other numerals stand apart from 个.
            add(thirdStart, LatticeCost.word, .rule)
        } else if first == 0x5168 /* 全 */ && ChineseCharacters.wholeUnits.contains(second) {
            add(thirdStart, LatticeCost.word, .rule)
        } else if second == 0x597D /* 好 */ && ChineseCharacters.resultVerbs.contains(first) {
            add(thirdStart, LatticeCost.word, .rule)
        } else if ChineseCharacters.demonstratives.contains(first) && ChineseCharacters.measureWords.contains(second) {
            add(thirdStart, LatticeCost.word, .rule)
        } else if second == first && previous != first && ChineseCharacters.repeatedPunctuation.contains(first) {
            var end = thirdStart
            while end < text.count && text.scalar(at: end) == first { end = text.after(end) }
            add(end, LatticeCost.repeatedPunctuation, .rule)
        }
    }

    /// 点 (點), the decimal point of Chinese numerals.
    @inline(__always)
    private static func isPoint(_ value: UInt32) -> Bool { value == 0x70B9 || value == 0x9EDE }

    /// A minus sign: full width or U+2212 (the ASCII hyphen joins words: COVID-19).
    @inline(__always)
    private static func isMinus(_ value: UInt32) -> Bool { value == 0xFF0D || value == 0x2212 }

    /// Arabic numbers: digits with decimal points or thousands separators, then scales (50万),
    /// then a percent sign or a date or clock unit (2001年, 31日, 8时).
    private static func arabicNumber(from start: Int, digits: Int, in text: UTF8Text, _ add: (Int, Int32, EdgeOrigin) -> Void) {
        var end = skipDigits(from: digits, in: text)
        while end < text.count {
            let mark = text.scalar(at: end)
            let next = text.after(end)
            if (mark == 0x2E || mark == 0xFF0E) && next < text.count && ChineseCharacters.isArabicDigit(text.scalar(at: next)) {
                end = skipDigits(from: next, in: text)  // 3.5, 47．7
            } else if mark == 0x2C, case let group = skipDigits(from: next, in: text), text.scalarCount(next..<group) == 3 {
                end = group  // 1,200
            } else {
                break
            }
        }
        add(end, LatticeCost.number, .number)
        var scaled = end
        while scaled < text.count && ChineseCharacters.scales.contains(text.scalar(at: scaled)) { scaled = text.after(scaled) }
        if scaled > end { add(scaled, LatticeCost.number, .number) }
        guard scaled < text.count else { return }
        let unit = text.scalar(at: scaled)
        if unit == 0xFF05 || unit == 0x25 || unit == 0x2030 || ChineseCharacters.arabicDateUnits.contains(unit) {
            add(text.after(scaled), LatticeCost.number, .number)
        }
    }

    private static func skipDigits(from start: Int, in text: UTF8Text) -> Int {
        var end = start
        while end < text.count && ChineseCharacters.isArabicDigit(text.scalar(at: end)) { end = text.after(end) }
        return end
    }

    /// Chinese numerals: a run of two or more numeral characters (二十, 二○○一), a decimal with
    /// 点, a date unit after the run (十二月, 二○○一年), a fraction (百分之三十, 三分之二), and the
    /// ordinal prefix 第 (第三) when `start` is before `numeral`.
    private static func chineseNumber(from start: Int, numeral: Int, in text: UTF8Text, _ add: (Int, Int32, EdgeOrigin) -> Void) {
        func skipNumerals(_ from: Int) -> Int {
            var end = from
            while end < text.count && ChineseCharacters.isNumeral(text.scalar(at: end)) { end = text.after(end) }
            return end
        }
        let runEnd = skipNumerals(numeral)
        let isOrdinal = start < numeral
        // One numeral character alone is a word of the dictionary's, not a number (一, 万);
        // with 第 it is an ordinal.
        if text.after(numeral) < runEnd || isOrdinal { add(runEnd, LatticeCost.number, .number) }
        var end = runEnd
        if end < text.count && Self.isPoint(text.scalar(at: end)) {
            let decimals = skipNumerals(text.after(end))
            if decimals > text.after(end) {
                end = decimals
                add(end, LatticeCost.number, .number)
            }
        }
        if end < text.count && ChineseCharacters.chineseDateUnits.contains(text.scalar(at: end)) {
            add(text.after(end), LatticeCost.number, .number)
        }
        // 分之: a fraction or percentage.
        guard !isOrdinal, runEnd < text.count, text.scalar(at: runEnd) == 0x5206 /* 分 */ else { return }
        let zhi = text.after(runEnd)
        guard zhi < text.count, text.scalar(at: zhi) == 0x4E4B /* 之 */ else { return }
        let denominatorStart = text.after(zhi)
        var fractionEnd = skipNumerals(denominatorStart)
        guard fractionEnd > denominatorStart else { return }
        if fractionEnd < text.count && Self.isPoint(text.scalar(at: fractionEnd)) {
            let decimals = skipNumerals(text.after(fractionEnd))
            if decimals > text.after(fractionEnd) { fractionEnd = decimals }
        }
        add(fractionEnd, LatticeCost.number, .number)
    }
}
