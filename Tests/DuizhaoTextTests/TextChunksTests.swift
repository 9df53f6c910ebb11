import Testing

@testable import DuizhaoText

@Suite struct TextChunksTests {
    static func texts() -> [String] {
        var generator = MixedTextGenerator(seed: 4242)
        var texts = (0..<60).map { _ in generator.text(maximumPieces: 120) }
        texts.append(String(repeating: "他说：“两年内赶上。”然后走了！", count: 40))  // one long line of Chinese
        texts.append(String(repeating: "A line of English.\n", count: 40) + "\n\n" + String(repeating: "第二段。", count: 30))
        return texts
    }

    @Test(arguments: [8, 64, 300])
    func piecesPartitionTheText(limit: Int) {
        for text in Self.texts() {
            let ranges = TextChunks.ranges(in: text, limit: limit, at: limit == 64 ? .paragraphs : .lines)
            #expect(ranges.first?.lowerBound ?? 0 == 0)
            #expect(ranges.last?.upperBound ?? 0 == text.utf8.count)
            #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            #expect(ranges.allSatisfy { !$0.isEmpty })
        }
    }

    /// Segmenting piece by piece gives what segmenting the whole text gives (paragraphs here are
    /// never more than 4 × 300 bytes, so no fallback cut is needed).
    @Test(arguments: [300, 1000])
    func piecesSegmentAsTheWhole(limit: Int) throws {
        let sentences = try SentenceSegmenter()
        let words = try WordSegmenter()
        for text in Self.texts() {
            func contents(_ piece: String, at offset: Int) throws -> [Range<Int>] {
                try sentences.sentences(in: piece).filter { $0.kind != .blank }.map {
                    let range = $0.contentRange.utf8Offsets(in: piece)
                    return (range.lowerBound + offset)..<(range.upperBound + offset)
                }
            }
            func tokens(_ piece: String, at offset: Int) throws -> [Range<Int>] {
                try words.tokens(in: piece).map {
                    let range = $0.range.utf8Offsets(in: piece)
                    return (range.lowerBound + offset)..<(range.upperBound + offset)
                }
            }
            var pieceSentences: [Range<Int>] = []
            var pieceTokens: [Range<Int>] = []
            for range in TextChunks.ranges(in: text, limit: limit, at: .paragraphs) {
                pieceSentences += try contents(String(text[text.range(utf8Offsets: range)]), at: range.lowerBound)
            }
            for range in TextChunks.ranges(in: text, limit: limit, at: .lines) {
                pieceTokens += try tokens(String(text[text.range(utf8Offsets: range)]), at: range.lowerBound)
            }
            #expect(pieceSentences == (try contents(text, at: 0)), "\(text.debugDescription)")
            #expect(pieceTokens == (try tokens(text, at: 0)), "\(text.debugDescription)")
        }
    }
}
