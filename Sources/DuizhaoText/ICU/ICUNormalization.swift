import CDuizhaoICU

/// ICU's Unicode normalization forms that Duizhao uses.
enum ICUNormalization {
    /// NFKC with case folding ("nfkc_cf"): full-width to half-width, compatibility forms to
    /// plain ones, and case folded, in one pass.
    /// - Throws: `ICUError` when ICU fails.
    static func nfkcCaseFolded<S: StringProtocol>(_ text: S) throws(ICUError) -> String {
        let units = Array(text.utf16)
        return try units.withUnsafeBufferPointer { source throws(ICUError) -> String in
            try withResizingUTF16Buffer(estimate: source.count + source.count / 2 + 8, operation: "normalizing to NFKC_Casefold") {
                dz_normalize_nfkc_casefold(source.baseAddress, Int32(source.count), $0, $1, &$2)
            }
        }
    }
}

/// The coarse script classes Duizhao distinguishes.
public enum ScriptClass: Sendable, Hashable {
    /// Digits, punctuation, symbols and spaces: used by every script.
    case common
    /// Combining marks and the like: they take the script of what they follow.
    case inherited
    case han
    case latin
    /// Any other script (Kana, Hangul, Cyrillic …).
    case other

    /// The script class of `scalar`, from ICU's Script property.
    public init(_ scalar: Unicode.Scalar) {
        if scalar.isASCII {
            // The ASCII fast path avoids a C call for most English text.
            let value = scalar.value
            self = (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A ? .latin : .common
            return
        }
        switch dz_script_class(scalar.value) {
        case DZ_SCRIPT_COMMON: self = .common
        case DZ_SCRIPT_INHERITED: self = .inherited
        case DZ_SCRIPT_HAN: self = .han
        case DZ_SCRIPT_LATIN: self = .latin
        default: self = .other
        }
    }
}

extension StringProtocol {
    /// The number of terminal columns the text takes (CJK characters take two).
    public var displayWidth: Int {
        var width = 0
        for scalar in unicodeScalars {
            width += scalar.isASCII ? (scalar.value >= 0x20 ? 1 : 0) : Int(dz_display_width(scalar.value))
        }
        return width
    }
}
