import CDuizhaoICU

/// Owns one ICU break iterator; closes it in `deinit`.
///
/// Not thread-safe: ICU break iterators hold iteration state. Give each thread its own.
final class ICUBreakIterator {
    enum Kind: Int32 {
        case character = 0  // DZ_BREAK_CHARACTER
        case word = 1  // DZ_BREAK_WORD
        case line = 2  // DZ_BREAK_LINE
        case sentence = 3  // DZ_BREAK_SENTENCE
    }

    private let handle: OpaquePointer

    /// Opens a break iterator.
    /// - Parameters:
    ///   - kind: what boundaries to find.
    ///   - locale: an ICU locale ID, e.g. "zh" or "en@ss=standard".
    /// - Throws: `ICUError` when ICU cannot open it.
    init(kind: Kind, locale: String) throws(ICUError) {
        var status: Int32 = 0
        let handle = dz_break_open(kind.rawValue, locale, &status)
        try ICUError.check(status, "opening the \(kind) break iterator for '\(locale)'")
        guard let handle else { throw ICUError(code: status, operation: "opening the \(kind) break iterator") }
        self.handle = handle
    }

    deinit { dz_break_close(handle) }

    /// Calls `body` with every boundary after the start of `utf8` (a UTF-8 byte offset) and the
    /// rule status ICU gives the segment that ends there, in order.
    ///
    /// The text is only borrowed for the duration of the call.
    /// - Throws: `ICUError` when ICU cannot take the text.
    func forEachBoundary(
        inUTF8 utf8: UnsafeBufferPointer<UInt8>,
        _ body: (_ boundary: Int, _ ruleStatus: Int32) -> Void
    ) throws(ICUError) {
        var status: Int32 = 0
        utf8.withMemoryRebound(to: CChar.self) { chars in
            dz_break_set_utf8(handle, chars.baseAddress, Int64(chars.count), &status)
        }
        try ICUError.check(status, "setting the text of a break iterator")
        forEachRemainingBoundary(body)
        // Leave no dangling pointer behind in ICU's UText.
        dz_break_set_utf8(handle, nil, 0, &status)
    }

    /// Calls `body` with every boundary after the start of `utf16` (a UTF-16 offset) and the
    /// rule status ICU gives the segment that ends there, in order.
    ///
    /// ICU iterates UTF-16, its own encoding, faster than UTF-8 through a `UText`. The text is
    /// only borrowed for the duration of the call; it must be shorter than 2^31 units.
    /// - Throws: `ICUError` when ICU cannot take the text.
    func forEachBoundary(
        inUTF16 utf16: UnsafeBufferPointer<UInt16>,
        _ body: (_ boundary: Int, _ ruleStatus: Int32) -> Void
    ) throws(ICUError) {
        // ICU counts UTF-16 units in an int32_t: U_ILLEGAL_ARGUMENT_ERROR (1) rather than a wrap.
        guard utf16.count <= Int(Int32.max) else { throw ICUError(code: 1, operation: "setting a text of 2^31 UTF-16 units or more") }
        var status: Int32 = 0
        dz_break_set_utf16(handle, utf16.baseAddress, Int32(utf16.count), &status)
        try ICUError.check(status, "setting the text of a break iterator")
        forEachRemainingBoundary(body)
        dz_break_set_utf16(handle, nil, 0, &status)
    }

    /// Calls `body` with each boundary after the current one, to the end of the text.
    private func forEachRemainingBoundary(_ body: (_ boundary: Int, _ ruleStatus: Int32) -> Void) {
        // Boundaries come in batches so that the C call is amortised over many tokens.
        let batch = 512
        withUnsafeTemporaryAllocation(of: Int64.self, capacity: batch) { boundaries in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: batch) { statuses in
                while true {
                    let count = Int(
                        dz_break_next_batch(handle, boundaries.baseAddress, statuses.baseAddress, Int32(batch)))
                    if count == 0 { break }
                    for i in 0..<count { body(Int(boundaries[i]), statuses[i]) }
                }
            }
        }
    }
}
