/// What role a sentence-level segment plays in its document.
public enum SegmentKind: String, Sendable, Hashable, Codable {
    /// A sentence of running text.
    case sentence
    /// A heading: a Markdown `#` line.
    case heading
    /// An item of a numbered or bulleted list, or of a reference list (`1. 360集团创办人:…`, `[1] …`).
    case listItem = "list-item"
    /// Only whitespace: produced only when the whole input is blank.
    case blank
}

/// The language of a segment, judged from its letters.
public enum LanguageLabel: String, Sendable, Hashable, Codable {
    case zh
    case en
    /// Both Chinese and English in substantial measure.
    case mixed
    /// No letters to judge by (numbers, punctuation, other scripts).
    case undetermined = "und"
}

/// One sentence-level segment of a text.
///
/// The segments of a text partition it: `range` includes the whitespace up to the next segment
/// (and, for the first, any whitespace before it), so the ranges concatenate back to the input.
/// `contentRange` is the part without that whitespace.
public struct Sentence: Sendable, Hashable {
    /// The range in the text, trailing whitespace included.
    public var range: Range<String.Index>
    /// The range without leading and trailing whitespace.
    public var contentRange: Range<String.Index>
    public var kind: SegmentKind
    public var language: LanguageLabel

    public init(range: Range<String.Index>, contentRange: Range<String.Index>, kind: SegmentKind, language: LanguageLabel) {
        self.range = range
        self.contentRange = contentRange
        self.kind = kind
        self.language = language
    }
}
