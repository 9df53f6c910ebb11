/// Normalizes text for matching; display always keeps the original.
///
/// The normalized form is NFKC with case folding (full-width ＡＩ２ becomes ai2), curly
/// apostrophes and quotes made straight (Hongyi’s → hongyi's), and Traditional Chinese made
/// Simplified (臺積電 → 台积电), so that either script and any width match one form.
///
/// `@unchecked Sendable`: its only state is the transliterator, which locks around each use.
public final class TextNormalizer: @unchecked Sendable {
    private let traditionalToSimplified: ICUTransliterator

    /// Creates a normalizer.
    /// - Throws: `ICUError` when ICU's Traditional-Simplified transform is missing.
    public init() throws(ICUError) {
        traditionalToSimplified = try ICUTransliterator(id: "Traditional-Simplified")
    }

    /// The normalized form of `text`.
    /// - Throws: `ICUError` when ICU fails.
    public func normalize<S: StringProtocol>(_ text: S) throws(ICUError) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: NFKC changes nothing and case folding is lowercasing.
            return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        var result = try ICUNormalization.nfkcCaseFolded(text)
        if result.unicodeScalars.contains(where: { Self.straightened[$0] != nil }) {
            result = String(String.UnicodeScalarView(result.unicodeScalars.map { Self.straightened[$0] ?? $0 }))
        }
        if result.unicodeScalars.contains(where: { ScriptClass($0) == .han }) {
            result = try traditionalToSimplified.transliterate(result)
        }
        return result
    }

    /// Traditional Chinese made Simplified, nothing else changed.
    /// - Throws: `ICUError` when ICU fails.
    public func simplified<S: StringProtocol>(_ text: S) throws(ICUError) -> String {
        try traditionalToSimplified.transliterate(text)
    }

    /// Curly and typographic apostrophes and quotes, with their plain forms.
    static let straightened: [Unicode.Scalar: Unicode.Scalar] = [
        "\u{2018}": "'", "\u{2019}": "'", "\u{02BC}": "'", "\u{2032}": "'", "\u{201B}": "'",
        "\u{201C}": "\"", "\u{201D}": "\"", "\u{201F}": "\"", "\u{2033}": "\"",
    ]
}
