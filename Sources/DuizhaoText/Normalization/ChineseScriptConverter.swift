/// Converts Chinese text between its Simplified and Traditional scripts with ICU's transforms.
///
/// Simplified → Traditional is one-to-many (发 is 發 or 髮), so ICU's answer is a suggestion
/// for a person to check, not a fact; Traditional → Simplified is reliable.
public final class ChineseScriptConverter: Sendable {
    /// The script to convert into.
    public enum Target: Sendable {
        case simplified, traditional
    }

    private let transliterator: ICUTransliterator

    /// Creates a converter.
    /// - Throws: `ICUError` when ICU lacks the transform.
    public init(to target: Target) throws(ICUError) {
        transliterator = try ICUTransliterator(id: target == .simplified ? "Traditional-Simplified" : "Simplified-Traditional")
    }

    /// `text` in the target script; anything that is not Chinese is left as it is.
    /// - Throws: `ICUError` when ICU fails.
    public func convert<S: StringProtocol>(_ text: S) throws(ICUError) -> String {
        try transliterator.transliterate(text)
    }
}
