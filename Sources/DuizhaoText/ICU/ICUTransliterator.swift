import CDuizhaoICU

/// Owns one ICU transliterator (e.g. "Traditional-Simplified", "Han-Latin"); closes it in `deinit`.
///
/// `@unchecked Sendable` because every use of the handle happens under `lock`: ICU's
/// transliterators must not be used from two threads at once.
final class ICUTransliterator: @unchecked Sendable {
    private let handle: OpaquePointer
    private let lock = Lock()
    /// The transliterator ID it was opened with.
    let id: String

    /// Opens a system transliterator.
    /// - Parameter id: an ICU transform ID; compound IDs such as "Han-Latin; Latin-ASCII" work.
    /// - Throws: `ICUError` when ICU does not know the ID.
    init(id: String) throws(ICUError) {
        var status: Int32 = 0
        let units = Array(id.utf16)
        let handle = units.withUnsafeBufferPointer { dz_transliterator_open($0.baseAddress, Int32($0.count), &status) }
        try ICUError.check(status, "opening the transliterator '\(id)'")
        guard let handle else { throw ICUError(code: status, operation: "opening the transliterator '\(id)'") }
        self.handle = handle
        self.id = id
    }

    deinit { dz_transliterator_close(handle) }

    /// Transliterates `text`.
    /// - Throws: `ICUError` when ICU fails.
    func transliterate<S: StringProtocol>(_ text: S) throws(ICUError) -> String {
        let units = Array(text.utf16)
        return try lock.withLock { () throws(ICUError) -> String in
            try units.withUnsafeBufferPointer { source throws(ICUError) -> String in
                // Transliteration may lengthen text (one Han character becomes a pinyin syllable).
                try withResizingUTF16Buffer(estimate: source.count * 4 + 16, operation: "transliterating with '\(id)'") {
                    dz_transliterate(handle, source.baseAddress, Int32(source.count), $0, $1, &$2)
                }
            }
        }
    }
}
