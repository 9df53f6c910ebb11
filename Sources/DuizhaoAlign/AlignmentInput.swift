import DuizhaoText

/// The sentences of a text to align.
public enum AlignmentInput {
    /// The sentences of `text`: one per line when `presegmented` (every line, as it is),
    /// else as `SentenceSegmenter` finds them (headings and list items included, blank
    /// segments left out).
    /// - Throws: `ICUError` when ICU fails.
    public static func sentences(in text: String, presegmented: Bool) throws(ICUError) -> [String] {
        if presegmented { return text.lineSlices().map(String.init) }
        let segmenter = try SentenceSegmenter()
        return try segmenter.sentences(in: text).compactMap { sentence in
            guard sentence.kind != .blank, !sentence.contentRange.isEmpty else { return nil }
            return String(text[sentence.contentRange])
        }
    }
}
