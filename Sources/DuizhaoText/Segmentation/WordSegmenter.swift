/// Anything that splits text into word tokens which partition it.
public protocol WordTokenizer: AnyObject {
    /// The tokens of `text`, in order.
    /// - Throws: `ICUError` when ICU fails.
    func tokens(in text: String) throws(ICUError) -> [Token]
}

/// Splits mixed Chinese/English text into word tokens with ICU's word break.
///
/// Han runs are split by ICU's dictionary; everything else by the Unicode word rules. Every
/// byte of the input lands in exactly one token, whitespace included, so the tokens concatenate
/// back to the input.
///
/// Not thread-safe (it owns an ICU iterator): give each thread its own.
public final class WordSegmenter: WordTokenizer {
    private let iterator: ICUBreakIterator

    /// Creates a segmenter.
    /// - Parameter locale: the ICU locale of the word rules; Han is split by dictionary in any.
    /// - Throws: `ICUError` when ICU cannot open its word break iterator.
    public init(locale: String = "zh") throws(ICUError) {
        iterator = try ICUBreakIterator(kind: .word, locale: locale)
    }

    /// The tokens of `text`, in order.
    /// - Throws: `ICUError` when ICU fails.
    public func tokens(in text: String) throws(ICUError) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(text.utf8.count / 3)
        try forEachToken(in: text) { tokens.append($0) }
        return tokens
    }

    /// Calls `body` with each token of `text`, in order, without collecting them.
    /// - Throws: `ICUError` when ICU fails.
    public func forEachToken(in text: String, _ body: (Token) -> Void) throws(ICUError) {
        // withUTF8 needs a mutable string; the copy shares storage unless `text` was bridged.
        var storage = text
        try storage.withUTF8Bytes { bytes throws(ICUError) in
            var start = 0
            var startIndex = text.startIndex
            try iterator.forEachBoundary(inUTF8: bytes) { end, status in
                let endIndex = text.utf8.index(startIndex, offsetBy: end - start)
                let kind = Self.kind(ruleStatus: status, firstByteAt: start, in: bytes)
                body(Token(range: startIndex..<endIndex, kind: kind))
                start = end
                startIndex = endIndex
            }
        }
    }

    /// Classifies a token from ICU's rule status and, where that is silent, its first scalar.
    static func kind(ruleStatus: Int32, firstByteAt offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> TokenKind {
        // Fast paths for the tokens of nearly every text, with the same answers as the general
        // case below but without its Unicode property look-ups (binary searches in the standard
        // library, several per token, which cost more than ICU's own iteration).
        let lead = bytes[offset]
        if lead < 0x80 {
            // ASCII letters are Latin and digits numbers whatever the status; other ASCII is a
            // number only where ICU says so ("_1").
            let kind = asciiKinds[Int(lead)]
            if kind != .latin && kind != .number && (100..<200).contains(ruleStatus) { return .number }
            return kind
        }
        let scalar = UTF8.decodeScalar(in: bytes, at: offset)
        // CJK Unified Ideographs and Extension A: all Han letters, whatever the status.
        if (0x4E00..<0xA000).contains(scalar.value) || (0x3400..<0x4DC0).contains(scalar.value) { return .han }
        return kind(ruleStatus: ruleStatus, scalar: scalar)
    }

    /// The kinds of the ASCII characters outside a word status, from the general case.
    static let asciiKinds: [TokenKind] = (0..<128).map { kind(ruleStatus: 0, scalar: Unicode.Scalar(UInt8($0))) }

    /// The general case: ICU's rule status, then the first scalar's Unicode properties.
    static func kind(ruleStatus: Int32, scalar: Unicode.Scalar) -> TokenKind {
        switch ruleStatus {
        case 100..<500 where scalar.properties.isAlphabetic || scalar.properties.isIdeographic:
            // ICU's status says "word"; the script says which. "R1" has a number status but is a name.
            switch ScriptClass(scalar) {
            case .han: return .han
            case .latin: return .latin
            default: return .other
            }
        case 100..<200: return .number
        default: break
        }
        let properties = scalar.properties
        if properties.isWhitespace { return .whitespace }
        if properties.generalCategory.isPunctuation { return .punctuation }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            // Letters ICU left without a word status, e.g. a lone Han character outside its dictionary.
            switch ScriptClass(scalar) {
            case .han: return .han
            case .latin: return .latin
            default: return .other
            }
        case .decimalNumber, .letterNumber, .otherNumber:
            return .number
        case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return .whitespace
        default:
            return .symbol
        }
    }
}

extension UTF8 {
    /// Decodes the scalar starting at `offset` of valid UTF-8.
    @inlinable
    static func decodeScalar(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Unicode.Scalar {
        let lead = UInt32(bytes[offset])
        var value: UInt32
        switch lead {
        case 0..<0x80: return Unicode.Scalar(UInt8(lead))
        case 0xC0..<0xE0: value = (lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F)
        case 0xE0..<0xF0:
            value = (lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F)
        default:
            value =
                (lead & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12
                | UInt32(bytes[offset + 2] & 0x3F) << 6 | UInt32(bytes[offset + 3] & 0x3F)
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }
}
