/// Reads numbers written with Chinese numerals: 两千, 一百零五, 二〇二四, 三万五, 壹佰贰拾叁, 5.6亿.
///
/// Handles simplified, traditional and financial (大写) forms, 零/〇 as placeholder, the colloquial
/// trailing digit (三万五 = 35000, 一百五 = 150), decimals with 点, and Arabic digits followed by
/// scale characters (560万). Vague forms (十几, 一两) are the scanner's job, not this function's.
public enum ChineseNumeral {
    /// Value of a whole string of Chinese numerals (e.g. "两千" → 2000, "一百零五" → 105, "二〇二四" → 2024, "三万五" → 35000, "十" → 10), nil if it is not one.
    ///
    /// Strings of bare digits without scale characters are read digit by digit (二〇二四 → 2024),
    /// as in years and phone numbers; 两 never appears there, so "一两" is nil.
    /// Arabic digits with trailing scales are accepted too ("5.6亿" → 560000000).
    public static func value(of text: Substring) -> Double? {
        value(ArraySlice(Array(text.unicodeScalars)))
    }

    /// Value of a slice of scalars; see `value(of:)`.
    static func value(_ s: ArraySlice<Unicode.Scalar>) -> Double? {
        guard let first = s.first else { return nil }
        if arabicDigit(first) != nil { return arabicWithScales(s) }
        if let point = s.firstIndex(where: isPoint) { return decimal(s, point: point) }
        if s.allSatisfy({ digit($0) != nil }) { return positional(s) }
        return scaled(s)
    }

    // MARK: Character classes

    /// Value of a Chinese digit character, including 〇/零, 两/兩 and the financial forms.
    static func digit(_ c: Unicode.Scalar) -> Int? {
        switch c {
        case "〇", "零": return 0
        case "一", "壹": return 1
        case "二", "贰", "貳", "两", "兩": return 2
        case "三", "叁", "參", "叄", "参": return 3
        case "四", "肆": return 4
        case "五", "伍": return 5
        case "六", "陆", "陸": return 6
        case "七", "柒": return 7
        case "八", "捌": return 8
        case "九", "玖": return 9
        default: return nil
        }
    }

    /// Multiplier of a scale character (十百千万亿 and their traditional and financial forms).
    static func scale(_ c: Unicode.Scalar) -> Double? {
        switch c {
        case "十", "拾": return 10
        case "百", "佰": return 100
        case "千", "仟": return 1000
        case "万", "萬": return 10_000
        case "亿", "億": return 100_000_000
        default: return nil
        }
    }

    /// 两 counts things but never spells a digit of a longer number (二〇二四, not 两〇两四).
    static func isTwo(_ c: Unicode.Scalar) -> Bool { c == "两" || c == "兩" }

    /// Financial forms double as ordinary words (陆 in 大陆, 拾 in 收拾), so the scanner wants them in company.
    static func isFinancial(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "壹", "贰", "貳", "叁", "參", "叄", "肆", "伍", "陆", "陸", "柒", "捌", "玖", "拾", "佰", "仟": return true
        default: return false
        }
    }

    /// The decimal point of spelled-out numbers (三点五).
    static func isPoint(_ c: Unicode.Scalar) -> Bool { c == "点" || c == "點" }

    /// Value of an ASCII or full-width Arabic digit.
    public static func arabicDigit(_ c: Unicode.Scalar) -> Int? {
        switch c.value {
        case 0x30...0x39: return Int(c.value - 0x30)
        case 0xFF10...0xFF19: return Int(c.value - 0xFF10)
        default: return nil
        }
    }

    /// 10 to the power `n`, exact for the small exponents decimals need.
    static func powerOfTen(_ n: Int) -> Double {
        var p = 1.0
        for _ in 0..<max(n, 0) { p *= 10 }
        return p
    }

    // MARK: Forms

    /// Digit-by-digit reading: 二〇二四 → 2024.
    private static func positional(_ s: ArraySlice<Unicode.Scalar>) -> Double? {
        if s.count == 1, let d = digit(s[s.startIndex]) { return Double(d) }
        var v = 0.0
        for c in s {
            guard !isTwo(c), let d = digit(c) else { return nil }
            v = v * 10 + Double(d)
        }
        return v
    }

    /// 三点五亿: integer part, 点, digit-by-digit fraction, optional trailing scales.
    private static func decimal(_ s: ArraySlice<Unicode.Scalar>, point: Int) -> Double? {
        guard point > s.startIndex, let whole = value(s[s.startIndex..<point]) else { return nil }
        var k = point + 1
        var fraction = 0.0
        var places = 0
        while k < s.endIndex, !isTwo(s[k]), let d = digit(s[k]) {
            fraction = fraction * 10 + Double(d)
            places += 1
            k += 1
        }
        guard places > 0, let multiplier = trailingScales(s[k...]) else { return nil }
        // Scale the integer mantissa before dividing so 5.6亿 comes out as exactly 560000000.
        let p = powerOfTen(places)
        return (whole * p + fraction) * multiplier / p
    }

    /// The product of the scale characters that end a numeral (万, 亿, 万亿 …), 1 for none; nil
    /// when anything else follows.
    private static func trailingScales(_ s: ArraySlice<Unicode.Scalar>) -> Double? {
        var multiplier = 1.0
        for c in s {
            guard let sc = scale(c) else { return nil }
            multiplier *= sc
        }
        return multiplier
    }

    /// 560万, 5.6亿, 1,200万: Arabic digits then scale characters.
    private static func arabicWithScales(_ s: ArraySlice<Unicode.Scalar>) -> Double? {
        var k = s.startIndex
        var mantissa = 0.0
        var places = 0
        var inFraction = false
        var sawDigit = false
        while k < s.endIndex {
            let c = s[k]
            if let d = arabicDigit(c) {
                mantissa = mantissa * 10 + Double(d)
                if inFraction { places += 1 }
                sawDigit = true
            } else if (c == "." || c == "．") && !inFraction {
                inFraction = true
            } else if c == "," && !inFraction {
                // thousands separator; the scanner checks grouping, here it is only skipped
            } else {
                break
            }
            k += 1
        }
        guard sawDigit, !(inFraction && places == 0), let multiplier = trailingScales(s[k...]) else { return nil }
        let p = powerOfTen(places)
        return mantissa * multiplier / p
    }

    /// What came just before, to validate the scale grammar.
    private enum Previous { case start, digit, zero, small, wan, yi }

    /// The scale grammar: digits multiplied by 十百千 within a section, sections by 万 and 亿.
    private static func scaled(_ s: ArraySlice<Unicode.Scalar>) -> Double? {
        var total = 0.0          // everything already multiplied by 万 or 亿
        var section = 0.0        // the part below 万 being built
        var pending: Double?     // a digit waiting for its scale
        var pendingAfterScale = false
        var lastSmall = Double.infinity
        var lastScale = 0.0
        var wanInSegment = false
        var previous = Previous.start
        for c in s {
            if let d = digit(c) {
                guard pending == nil else { return nil }  // two digits in a row: not this grammar
                if d == 0 {
                    previous = .zero
                    continue
                }
                pending = Double(d)
                pendingAfterScale = previous == .small || previous == .wan || previous == .yi
                previous = .digit
                continue
            }
            guard let sc = scale(c) else { return nil }
            if sc < 10_000 {
                guard sc < lastSmall else { return nil }  // 十百 out of order
                let multiplier: Double
                if let p = pending {
                    multiplier = p
                } else {
                    // A bare 十 (十五, 一千零十) means one ten; after another small scale it is malformed.
                    guard previous == .start || previous == .zero || previous == .wan || previous == .yi else { return nil }
                    multiplier = 1
                }
                section += multiplier * sc
                pending = nil
                lastSmall = sc
                lastScale = sc
                previous = .small
            } else {
                guard previous != .zero else { return nil }
                if let p = pending {
                    section += p
                    pending = nil
                }
                if sc == 10_000 {
                    guard !wanInSegment else { return nil }
                    if section == 0 {
                        guard previous == .start else { return nil }
                        section = 1
                    }
                    total += section * 10_000
                    wanInSegment = true
                    previous = .wan
                } else {
                    if section == 0 {
                        // 万亿 multiplies what came before; a bare leading 亿 is one 亿.
                        if previous == .start {
                            section = 1
                        } else if previous != .wan {
                            return nil
                        }
                    }
                    total = (total + section) * 100_000_000
                    wanInSegment = false
                    previous = .yi
                }
                section = 0
                lastSmall = .infinity
                lastScale = sc
            }
        }
        guard previous != .zero else { return nil }
        if let p = pending {
            // 三万五 is 35000, 一百五 is 150: a digit right after a scale counts in the next lower place.
            section += pendingAfterScale && lastScale >= 100 ? p * lastScale / 10 : p
        }
        return total + section
    }
}
