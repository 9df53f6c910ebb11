import CDuizhaoICU

/// An ICU call that failed, with the operation that made it.
///
/// Thrown by the ICU layer as soon as a call reports a failure `UErrorCode`, so nothing above
/// that layer ever sees a status code.
public struct ICUError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The raw `UErrorCode`.
    public let code: Int32
    /// What Duizhao was doing, e.g. "opening the word break iterator".
    public let operation: String

    /// ICU's name for the code, e.g. `U_ILLEGAL_ARGUMENT_ERROR`.
    public var name: String { String(cString: dz_error_name(code)) }

    public var description: String { "ICU error while \(operation): \(name) (\(code))" }

    /// Throws when `status` is a failure.
    static func check(_ status: Int32, _ operation: @autoclosure () -> String) throws(ICUError) {
        if dz_failure(status) != 0 {
            throw ICUError(code: status, operation: operation())
        }
    }
}

/// Facts about the ICU library Duizhao is linked against.
public enum ICULibrary {
    /// The version of ICU in use, e.g. "72.1".
    public static var version: String { String(cString: dz_icu_version()) }
}
