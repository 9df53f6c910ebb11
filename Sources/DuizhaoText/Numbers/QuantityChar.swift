/// Character classes on scalars, kept here rather than as extensions so they cannot clash with other files.
enum QuantityChar {
    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x61 && c.value <= 0x7A)
    }

    static func isUpper(_ c: Unicode.Scalar) -> Bool { c.value >= 0x41 && c.value <= 0x5A }

    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x20, 0x09, 0xA0, 0x2009, 0x202F, 0x3000: return true
        default: return false
        }
    }

    /// Characters a Chinese number is made of (digits, scales, 几); 数 and 点 only in context.
    static func isChineseNumeral(_ c: Unicode.Scalar) -> Bool {
        ChineseNumeral.digit(c) != nil || ChineseNumeral.scale(c) != nil || c == "几" || c == "幾" || c == "数" || c == "數"
    }
}
