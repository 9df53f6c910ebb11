/// Splits mixed Chinese/English text into sentences, headings and list items.
///
/// ICU's sentence break (with its English abbreviation suppressions) does the core work. On top
/// of it, Duizhao:
/// - treats blank lines as paragraph ends, and Markdown headings and list items (numbered,
///   bulleted, `[1]` references, `一、`) as segments of their own;
/// - joins the lines of a paragraph, so that a hard line break does not cut a sentence in two;
/// - ends Chinese sentences at `；` and `…` too, keeping closing quotes and brackets with them;
/// - keeps abbreviations ICU misses (`Dr. Smith`, `Feb. 18`, `the U.S. Commerce Department`)
///   inside their sentence.
///
/// Not thread-safe (it owns an ICU iterator): give each thread its own.
public final class SentenceSegmenter {
    private let iterator: ICUBreakIterator
    /// Scratch copy of a paragraph with its line breaks turned into spaces.
    private var scratch: [UInt8] = []

    /// Creates a segmenter.
    /// - Throws: `ICUError` when ICU cannot open its sentence break iterator.
    public init() throws(ICUError) {
        // "ss=standard" turns on ICU's own list of abbreviations that do not end a sentence.
        iterator = try ICUBreakIterator(kind: .sentence, locale: "en@ss=standard")
    }

    /// The segments of `text`, in order; their ranges partition `text`.
    ///
    /// Empty text has no segments; text of whitespace alone has one `.blank` segment.
    /// - Throws: `ICUError` when ICU fails.
    public func sentences(in text: String) throws(ICUError) -> [Sentence] {
        var storage = text
        let pieces = try storage.withUTF8Bytes { bytes throws(ICUError) in try segment(bytes) }
        return pieces.map { piece in
            Sentence(
                range: text.range(utf8Offsets: piece.range),
                contentRange: text.range(utf8Offsets: piece.content),
                kind: piece.kind,
                language: piece.language)
        }
    }

    /// A segment in UTF-8 offsets, before it is turned into string indices.
    struct Piece {
        var range: Range<Int>
        var content: Range<Int>
        var kind: SegmentKind
        var language: LanguageLabel
    }

    func segment(_ bytes: UnsafeBufferPointer<UInt8>) throws(ICUError) -> [Piece] {
        if bytes.isEmpty { return [] }
        let blocks = TextBlock.blocks(in: bytes)
        if blocks.isEmpty {
            return [Piece(range: 0..<bytes.count, content: 0..<0, kind: .blank, language: .undetermined)]
        }
        var pieces: [Piece] = []
        for (blockNumber, block) in blocks.enumerated() {
            let blockEnd = blockNumber + 1 < blocks.count ? blocks[blockNumber + 1].start : bytes.count
            var start = blockNumber == 0 ? 0 : block.start
            let cuts = try sentenceEnds(in: block, bytes)
            for (i, cut) in cuts.enumerated() {
                let end = i == cuts.count - 1 ? blockEnd : cut
                let content = TextBlock.trimmed(start..<cut, in: bytes)
                pieces.append(
                    Piece(
                        range: start..<end, content: content, kind: block.kind,
                        language: LanguageLabel(utf8: bytes, range: content)))
                start = end
            }
        }
        return pieces
    }

    /// The ends of the sentences of one block: ICU's, adjusted; the last is the block's content end.
    private func sentenceEnds(in block: TextBlock, _ bytes: UnsafeBufferPointer<UInt8>) throws(ICUError) -> [Int] {
        let range = block.start..<block.contentEnd
        // ICU ends a sentence at every line break; inside a paragraph a line break is only a
        // space, so ICU sees the paragraph with line breaks blanked (same length, same offsets).
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: bytes[range])
        for i in scratch.indices where scratch[i] == 0x0A || scratch[i] == 0x0D { scratch[i] = 0x20 }
        var cuts: [Int] = []
        try scratch.withUnsafeBufferPointer { paragraph throws(ICUError) in
            try iterator.forEachBoundary(inUTF8: paragraph) { boundary, _ in cuts.append(range.lowerBound + boundary) }
        }
        cuts = ChineseSentenceEnds.addingCuts(to: cuts, in: range, bytes)
        cuts = cuts.filter { cut in
            if cut >= range.upperBound { return false }
            // A list marker ("1. ", "[2] ") is never a sentence of its own.
            if let markerEnd = block.markerEnd, cut <= markerEnd { return false }
            return !Abbreviations.continuesAfter(cut: cut, in: range, bytes)
        }
        cuts.append(range.upperBound)
        return cuts
    }
}
