import CDuizhaoICU

/// Owns one ICU rule-based number format for spelling numbers out; closes it in `deinit`.
///
/// ICU's zh spellout reads plain Chinese numerals (两千三百) but neither ranges (一两) nor scales
/// after Arabic digits (560万); `QuantityParser` has rules of its own for those, and this class
/// serves as an independent check of them.
final class ICUSpellout {
    private let handle: OpaquePointer
    let locale: String

    /// Opens the spellout format of `locale`.
    /// - Throws: `ICUError` when ICU has no spellout rules for it.
    init(locale: String) throws(ICUError) {
        var status: Int32 = 0
        let handle = dz_spellout_open(locale, &status)
        try ICUError.check(status, "opening the spellout format for '\(locale)'")
        guard let handle else { throw ICUError(code: status, operation: "opening the spellout format") }
        self.handle = handle
        self.locale = locale
    }

    deinit { dz_spellout_close(handle) }

    /// Spells `value` out, e.g. 2000 → 两千 in zh.
    /// - Throws: `ICUError` when ICU fails.
    func format(_ value: Int64) throws(ICUError) -> String {
        try withResizingUTF16Buffer(estimate: 64, operation: "spelling out \(value)") {
            dz_spellout_format(handle, value, $0, $1, &$2)
        }
    }

    /// Parses a spelled-out number at the start of `text`.
    /// - Returns: the value and how many characters of `text` it used, or nil when nothing parsed.
    func parse(_ text: String) -> (value: Double, utf16Length: Int)? {
        let units = Array(text.utf16)
        var status: Int32 = 0
        var parsed: Int32 = 0
        let value = units.withUnsafeBufferPointer {
            dz_spellout_parse(handle, $0.baseAddress, Int32($0.count), &parsed, &status)
        }
        guard dz_failure(status) == 0, parsed > 0 else { return nil }
        return (value, Int(parsed))
    }
}
