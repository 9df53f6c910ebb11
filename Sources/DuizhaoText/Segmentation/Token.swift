/// What a word token is made of.
public enum TokenKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Chinese characters (either script).
    case han
    /// Latin-script letters, possibly with digits (AI, R1, café).
    case latin
    /// Digits, with ICU's idea of what belongs to a number (1,200 and 3.5 are one token).
    case number
    case punctuation
    case whitespace
    /// Symbols and emoji.
    case symbol
    /// Letters of any other script (Kana, Hangul, Cyrillic …).
    case other

    /// Whether the token carries content, as opposed to whitespace.
    public var isContent: Bool { self != .whitespace }
}

/// One word-level token of a text, with its exact range in that text.
public struct Token: Sendable, Hashable {
    /// The range of the token in the segmented text.
    public var range: Range<String.Index>
    public var kind: TokenKind

    public init(range: Range<String.Index>, kind: TokenKind) {
        self.range = range
        self.kind = kind
    }
}

extension Range where Bound == String.Index {
    /// This range as UTF-8 byte offsets into `text`.
    public func utf8Offsets(in text: String) -> Range<Int> {
        let start = text.utf8.distance(from: text.startIndex, to: lowerBound)
        return start..<(start + text.utf8.distance(from: lowerBound, to: upperBound))
    }
}

extension String {
    /// The index of the UTF-8 byte at `offset` (constant time for native strings).
    @inlinable
    func utf8Index(_ offset: Int) -> String.Index {
        utf8.index(startIndex, offsetBy: offset)
    }

    /// The range of UTF-8 byte offsets `offsets` as string indices.
    @inlinable
    public func range(utf8Offsets offsets: Range<Int>) -> Range<String.Index> {
        let lower = utf8Index(offsets.lowerBound)
        return lower..<utf8.index(lower, offsetBy: offsets.count)
    }
}
