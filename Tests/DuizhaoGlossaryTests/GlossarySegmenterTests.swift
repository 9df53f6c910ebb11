import DuizhaoText
import Testing

@testable import DuizhaoGlossary

@Suite struct GlossarySegmenterTests {
    static func segmenter() throws -> GlossarySegmenter {
        let (entries, _) = DuizhaoTSV.read(TermMatcherTests.glossary, file: "g.tsv", layer: .shipped)
        return try GlossarySegmenter(matcher: TermMatcher(termBase: TermBase(entries: entries, normalizer: TextNormalizer())))
    }

    @Test func termsAreNeverSplit() throws {
        let text = "周鸿祎说360集团和臺積電都用人工智能。Zhou Hongyi's chips"
        let tokens = try Self.segmenter().tokens(in: text)
        let words = tokens.filter { $0.kind != .whitespace }.map { String(text[$0.range]) }
        #expect(words.contains("周鸿祎"))
        #expect(words.contains("360集团"))
        #expect(words.contains("臺積電"))
        #expect(words.contains("人工智能"))
        #expect(words.contains("Zhou Hongyi's"))
        #expect(tokens.first { text[$0.range] == "360集团" }?.kind == .han)
    }

    @Test(arguments: Array(UInt64(1)...20))
    func tokensPartitionTheText(seed: UInt64) throws {
        let segmenter = try Self.segmenter()
        var state = seed
        let pieces = ["周鸿祎", "周", "鸿祎", "360", "集团", "360集团", "臺積電", "通用", "人工智能", " ", "\n", "Zhou", " Hongyi", "'s", "chip", "s", "AI", "😀", "e\u{301}"]
        for _ in 0..<30 {
            var text = ""
            for _ in 0..<(state % 23) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            let tokens = try segmenter.tokens(in: text)
            #expect(tokens.map { String(text[$0.range]) }.joined() == text, "\(text.debugDescription)")
            #expect(tokens.allSatisfy { !$0.range.isEmpty })
        }
    }
}
