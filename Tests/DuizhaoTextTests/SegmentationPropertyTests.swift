import Testing

@testable import DuizhaoText

/// Losslessness: the segments of any text concatenate back to it, byte for byte.
@Suite struct SegmentationPropertyTests {
    static let seeds: [UInt64] = Array(1...40)

    @Test(arguments: seeds)
    func sentencesPartitionTheText(seed: UInt64) throws {
        var generator = MixedTextGenerator(seed: seed)
        let segmenter = try SentenceSegmenter()
        for _ in 0..<25 {
            let text = generator.text(maximumPieces: 80)
            let sentences = try segmenter.sentences(in: text)
            #expect(sentences.map { String(text[$0.range]) }.joined().utf8.elementsEqual(text.utf8), "seed \(seed): \(text.debugDescription)")
            var position = text.startIndex
            for sentence in sentences {
                #expect(sentence.range.lowerBound == position)
                #expect(sentence.range.contains(sentence.contentRange.lowerBound) || sentence.contentRange.isEmpty)
                #expect(sentence.contentRange.upperBound <= sentence.range.upperBound)
                let content = text[sentence.contentRange]
                #expect(content.first?.isWhitespace != true && content.last?.isWhitespace != true, "\(content.debugDescription)")
                position = sentence.range.upperBound
            }
            #expect(position == text.endIndex)
            #expect(text.isEmpty == sentences.isEmpty)
        }
    }

    @Test(arguments: seeds)
    func tokensPartitionTheText(seed: UInt64) throws {
        var generator = MixedTextGenerator(seed: seed)
        let segmenter = try WordSegmenter()
        for _ in 0..<25 {
            let text = generator.text(maximumPieces: 80)
            let tokens = try segmenter.tokens(in: text)
            #expect(tokens.map { String(text[$0.range]) }.joined().utf8.elementsEqual(text.utf8), "seed \(seed): \(text.debugDescription)")
            var position = text.startIndex
            for token in tokens {
                #expect(token.range.lowerBound == position)
                #expect(!token.range.isEmpty)
                position = token.range.upperBound
                if token.kind == .whitespace {
                    let whitespace = text[token.range]
                    #expect(whitespace.allSatisfy { $0.isWhitespace }, "\(whitespace.debugDescription)")
                }
            }
            #expect(position == text.endIndex)
        }
    }

    /// The UTF-16 path in offsets gives `forEachToken`'s tokens: the same ends and kinds.
    @Test(arguments: seeds)
    func tokenEndsFromUTF16AreTheTokens(seed: UInt64) throws {
        var generator = MixedTextGenerator(seed: seed)
        let segmenter = try WordSegmenter()
        for _ in 0..<25 {
            // Astral characters and emoji take two UTF-16 units and four UTF-8 bytes.
            var text = generator.text(maximumPieces: 80) + "𠀀𪚥 😀👍🏽 e\u{301} 葉\u{FE00}"
            let expected = try segmenter.tokens(in: text).map { ($0.range.utf8Offsets(in: text).upperBound, $0.kind) }
            var ends: [(Int, TokenKind)] = []
            try text.withUTF8 { bytes in try segmenter.forEachTokenEnd(inUTF8: bytes) { ends.append(($0, $1)) } }
            #expect(ends.map(\.0) == expected.map(\.0), "seed \(seed): \(text.debugDescription)")
            #expect(ends.map(\.1) == expected.map(\.1), "seed \(seed): \(text.debugDescription)")
        }
    }

    @Test func byteOffsetsMatchIndices() throws {
        let text = "周鸿祎 said：“AI差距一两年。” 😀 Done."
        for token in try WordSegmenter().tokens(in: text) {
            let offsets = token.range.utf8Offsets(in: text)
            let bytes = Array(text.utf8)[offsets]
            #expect(String(decoding: bytes, as: UTF8.self) == String(text[token.range]))
            #expect(text.range(utf8Offsets: offsets) == token.range)
        }
    }
}

@Suite struct HugeInputTests {
    /// One line of about 4 MB, no line break anywhere: segmented whole, nothing lost.
    @Test func aHugeLineIsSegmentedWhole() throws {
        var generator = MixedTextGenerator(seed: 99)
        var line = ""
        while line.utf8.count < 4_000_000 {
            line += generator.text(maximumPieces: 60).filter { !$0.isNewline }
        }
        let sentences = try SentenceSegmenter().sentences(in: line)
        #expect(sentences.count > 1000)
        #expect(sentences.first?.range.lowerBound == line.startIndex)
        #expect(sentences.last?.range.upperBound == line.endIndex)
        #expect(zip(sentences, sentences.dropFirst()).allSatisfy { $0.range.upperBound == $1.range.lowerBound })
        let tokens = try WordSegmenter().tokens(in: line)
        #expect(tokens.last?.range.upperBound == line.endIndex)
        #expect(zip(tokens, tokens.dropFirst()).allSatisfy { $0.range.upperBound == $1.range.lowerBound })
    }
}
