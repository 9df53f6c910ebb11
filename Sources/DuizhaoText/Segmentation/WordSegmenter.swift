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
    /// The UTF-16 copy of `forEachTokenEnd`, kept between calls.
    private var utf16: [UInt16] = []

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

    /// Calls `body` with the end (a UTF-8 offset into `bytes`) and the kind of each token of
    /// valid UTF-8 `bytes`, in order: the tokens of `forEachToken`, for callers that work in
    /// offsets.
    ///
    /// ICU reads a UTF-16 copy, made here: it iterates UTF-16 faster than UTF-8 through a
    /// `UText`, the conversion included. Its boundaries are mapped back to UTF-8 offsets by
    /// walking both encodings together.
    /// - Throws: `ICUError` when ICU fails.
    package func forEachTokenEnd(inUTF8 bytes: UnsafeBufferPointer<UInt8>, _ body: (_ end: Int, _ kind: TokenKind) -> Void) throws(ICUError) {
        // ICU takes at most 2^31 - 1 units; such a text goes through UTF-8 as it is.
        guard bytes.count < Int(Int32.max) else {
            var start = 0
            try iterator.forEachBoundary(inUTF8: bytes) { end, status in
                body(end, Self.kind(ruleStatus: status, firstByteAt: start, in: bytes))
                start = end
            }
            return
        }
        let unitCount = Self.transcode(bytes, into: &utf16)
        try utf16.withUnsafeBufferPointer { units throws(ICUError) in
            var start = 0
            var unitOffset = 0
            try iterator.forEachBoundary(inUTF16: UnsafeBufferPointer(rebasing: units[..<unitCount])) { boundary, status in
                // Each scalar is one UTF-16 unit, or two from a four-byte sequence.
                var end = start
                while unitOffset < boundary {
                    let lead = bytes[end]
                    if lead < 0x80 {
                        end += 1
                        unitOffset += 1
                    } else {
                        end += lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                        unitOffset += lead < 0xF0 ? 1 : 2
                    }
                }
                body(end, Self.kind(ruleStatus: status, firstByteAt: start, in: bytes))
                start = end
            }
        }
    }

    /// Writes valid UTF-8 `bytes` as UTF-16 into `units` (grown as needed); returns the count.
    private static func transcode(_ bytes: UnsafeBufferPointer<UInt8>, into units: inout [UInt16]) -> Int {
        // UTF-16 never needs more units than UTF-8 has bytes.
        if units.count < bytes.count { units = Array(repeating: 0, count: bytes.count) }
        return units.withUnsafeMutableBufferPointer { units in
            var count = 0
            var i = 0
            while i < bytes.count {
                let lead = UInt32(bytes[i])
                if lead < 0x80 {
                    units[count] = UInt16(lead)
                    count += 1
                    i += 1
                } else if lead < 0xE0 {
                    units[count] = UInt16((lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F))
                    count += 1
                    i += 2
                } else if lead < 0xF0 {
                    units[count] = UInt16((lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F))
                    count += 1
                    i += 3
                } else {
                    let value =
                        (lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                        | UInt32(bytes[i + 3] & 0x3F)
                    units[count] = UInt16(0xD800 + ((value - 0x10000) >> 10))
                    units[count + 1] = UInt16(0xDC00 + ((value - 0x10000) & 0x3FF))
                    count += 2
                    i += 4
                }
            }
            return count
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
        // The punctuation of Chinese text (，。、“” —…): outside a word or number status the
        // general case goes by the scalar alone.
        if !(100..<500).contains(ruleStatus), let index = punctuationIndex(scalar.value) { return punctuationKinds[index] }
        return kind(ruleStatus: ruleStatus, scalar: scalar)
    }

    /// The kinds of the ASCII characters outside a word status, from the general case.
    static let asciiKinds: [TokenKind] = (0..<128).map { kind(ruleStatus: 0, scalar: Unicode.Scalar(UInt8($0))) }

    /// Where `value` is in `punctuationKinds`: General Punctuation (U+2000–U+206F), CJK Symbols
    /// and Punctuation (U+3000–U+303F) and the full-width forms (U+FF00–U+FF65), one after the
    /// other; nil outside them.
    @inline(__always)
    private static func punctuationIndex(_ value: UInt32) -> Int? {
        switch value {
        case 0x2000..<0x2070: Int(value - 0x2000)
        case 0x3000..<0x3040: 0x70 + Int(value - 0x3000)
        case 0xFF00..<0xFF66: 0xB0 + Int(value - 0xFF00)
        default: nil
        }
    }

    /// The kinds of the scalars of `punctuationIndex` outside a word or number status, from the
    /// general case.
    private static let punctuationKinds: [TokenKind] = (UInt32(0x2000)..<0xFF66).compactMap { value in
        guard punctuationIndex(value) != nil, let scalar = Unicode.Scalar(value) else { return nil }
        return kind(ruleStatus: 0, scalar: scalar)
    }

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
