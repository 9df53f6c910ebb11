import CDuizhaoICU

/// Calls an ICU function that writes UTF-16 into a caller's buffer, growing the buffer once.
///
/// ICU preflights: on `U_BUFFER_OVERFLOW_ERROR` it returns the length it needs. The first try
/// uses a buffer sized from `estimate`; the retry uses exactly what ICU asked for.
/// - Parameters:
///   - estimate: the expected result length in UTF-16 units.
///   - operation: what is being done, for the error message.
///   - body: writes into the buffer (pointer, capacity, status) and returns the result length.
/// - Returns: the result decoded as a `String`.
/// - Throws: `ICUError` when ICU fails, or still overflows after the retry.
func withResizingUTF16Buffer(
    estimate: Int,
    operation: @autoclosure () -> String,
    _ body: (UnsafeMutablePointer<UInt16>, Int32, inout Int32) -> Int32
) throws(ICUError) -> String {
    var capacity = max(estimate, 16)
    for attempt in 0..<2 {
        var status: Int32 = 0
        let result: String? = withUnsafeTemporaryAllocation(of: UInt16.self, capacity: capacity) { buffer in
            let length = body(buffer.baseAddress!, Int32(buffer.count), &status)
            if status == DZ_BUFFER_OVERFLOW_ERROR || Int(length) > buffer.count {
                capacity = Int(length) + 1
                return nil
            }
            if dz_failure(status) != 0 { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<Int(length)]), as: UTF16.self)
        }
        if let result { return result }
        if status != DZ_BUFFER_OVERFLOW_ERROR || attempt == 1 {
            try ICUError.check(status == 0 ? DZ_BUFFER_OVERFLOW_ERROR : status, operation())
        }
    }
    throw ICUError(code: DZ_BUFFER_OVERFLOW_ERROR, operation: operation())
}
