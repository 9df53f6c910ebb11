/// Reads English number words: "two", "twenty-one", "one hundred and five", "a dozen", "5.6 million".
///
/// Cardinals only; ordinals ("second") and fractions ("two-thirds") are not numbers here, which keeps
/// "second" in "the second-largest" from turning into a quantity.
public enum EnglishNumber {
    /// Value of English number words ("two", "twenty-one", "one hundred and five", "a dozen"), nil if not.
    ///
    /// Words may be separated by spaces, and a tens word from a unit word by a hyphen. A leading
    /// decimal followed by one scale word ("5.6 million", "42 billion") is accepted too.
    public static func value(of text: Substring) -> Double? {
        let scalars = Array(text.unicodeScalars)
        var words: [(word: String, afterHyphen: Bool)] = []
        var k = 0
        var afterHyphen = false
        while k < scalars.count {
            let c = scalars[k]
            if c == " " || c == "\t" {
                guard !afterHyphen else { return nil }
                k += 1
                continue
            }
            if c == "-" {
                guard !words.isEmpty, !afterHyphen else { return nil }
                afterHyphen = true
                k += 1
                continue
            }
            var word = String.UnicodeScalarView()
            while k < scalars.count, scalars[k] != " ", scalars[k] != "\t", scalars[k] != "-" {
                word.append(lowercased(scalars[k]))
                k += 1
            }
            words.append((String(word), afterHyphen))
            afterHyphen = false
        }
        guard !words.isEmpty, !afterHyphen else { return nil }

        // "5.6 million": a decimal and one scale word.
        if let number = decimal(words[0].word) {
            guard words.count <= 2 else { return nil }
            guard words.count == 2 else { return number }
            guard !words[1].afterHyphen, let sc = scaleWords[words[1].word] else { return nil }
            return number * sc
        }

        var accumulator = Accumulator()
        for (word, hyphen) in words {
            guard let token = tokens[word] else { return nil }
            if hyphen {
                guard accumulator.lastIsTens, case .unit = token else { return nil }
            }
            guard accumulator.feed(token) else { return nil }
        }
        return accumulator.isComplete ? accumulator.value : nil
    }

    // MARK: Vocabulary

    /// One English number word.
    enum Token: Sendable {
        case zero
        case unit(Double)
        case teen(Double)
        case tens(Double)
        case hundred
        case scale(Double)
        case dozen
        case article
        case and
    }

    /// The number words, lowercased.
    static let tokens: [String: Token] = {
        var t: [String: Token] = ["zero": .zero, "hundred": .hundred, "dozen": .dozen, "a": .article, "and": .and]
        let units = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
        for (i, w) in units.enumerated() { t[w] = .unit(Double(i + 1)) }
        let teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
        for (i, w) in teens.enumerated() { t[w] = .teen(Double(i + 10)) }
        let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        for (i, w) in tens.enumerated() { t[w] = .tens(Double((i + 2) * 10)) }
        for (w, v) in scaleWords where w != "hundred" { t[w] = .scale(v) }
        return t
    }()

    /// Scale words that may follow digits ("5.6 million", "$3bn").
    static let scaleWords: [String: Double] = [
        "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    ]

    /// ASCII lowercase; other scalars unchanged.
    static func lowercased(_ c: Unicode.Scalar) -> Unicode.Scalar {
        guard c.value >= 0x41, c.value <= 0x5A, let lower = Unicode.Scalar(c.value + 32) else { return c }
        return lower
    }

    /// A plain ASCII decimal such as "5.6", "42" or "1,200".
    private static func decimal(_ word: String) -> Double? {
        var mantissa = 0.0
        var places = 0
        var inFraction = false
        var sawDigit = false
        for c in word.unicodeScalars {
            if let d = ChineseNumeral.arabicDigit(c), c.isASCII {
                mantissa = mantissa * 10 + Double(d)
                if inFraction { places += 1 }
                sawDigit = true
            } else if c == "." && !inFraction {
                inFraction = true
            } else if c == "," && !inFraction {
                continue
            } else {
                return nil
            }
        }
        guard sawDigit, !(inFraction && places == 0) else { return nil }
        return mantissa / ChineseNumeral.powerOfTen(places)
    }

    // MARK: Grammar

    /// Builds a value word by word, refusing words that cannot continue the number, so the scanner can
    /// stop at the longest valid prefix ("three and five" stops after "three").
    struct Accumulator {
        private enum Last { case none, zero, article, unit, teen, tens, hundred, scale, and, dozen }
        private var total = 0.0
        private var small = 0.0
        private var smallHasHundred = false
        private var lastScale = Double.infinity
        private var last = Last.none
        private var count = 0

        /// The value so far.
        var value: Double { total + small }
        /// Whether the words so far make a number ("one hundred and" does not).
        var isComplete: Bool { last != .none && last != .article && last != .and }
        /// A single "one": too often a pronoun ("no one", "one of them") to count by itself.
        var isLoneOne: Bool { count == 1 && value == 1 }
        /// Whether a hyphen may join the next word ("twenty-one").
        var lastIsTens: Bool { last == .tens }

        /// Adds `token` if it can continue the number; returns false and changes nothing otherwise.
        mutating func feed(_ token: Token) -> Bool {
            switch token {
            case .zero:
                guard last == .none else { return false }
                last = .zero
            case .article:
                guard last == .none else { return false }
                small = 1
                last = .article
            case .unit(let v):
                guard [.none, .tens, .hundred, .scale, .and].contains(last) else { return false }
                small += v
                last = .unit
            case .teen(let v), .tens(let v):
                guard [.none, .hundred, .scale, .and].contains(last) else { return false }
                small += v
                if case .teen = token { last = .teen } else { last = .tens }
            case .hundred:
                guard [.article, .unit, .teen].contains(last), !smallHasHundred, small < 100 else { return false }
                small *= 100
                smallHasHundred = true
                last = .hundred
            case .scale(let s):
                guard [.article, .unit, .teen, .tens, .hundred].contains(last), s < lastScale else { return false }
                total += small * s
                small = 0
                smallHasHundred = false
                lastScale = s
                last = .scale
            case .and:
                guard last == .hundred || last == .scale else { return false }
                last = .and
            case .dozen:
                guard [.article, .unit, .teen].contains(last), !smallHasHundred, total == 0 else { return false }
                small *= 12
                last = .dozen
            }
            count += 1
            return true
        }
    }
}
