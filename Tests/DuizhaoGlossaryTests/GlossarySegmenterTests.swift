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

    /// The same glossary, words weighed by made-up counts: ICU then reads no Chinese.
    static func weighingSegmenter() throws -> GlossarySegmenter {
        let (entries, _) = DuizhaoTSV.read(TermMatcherTests.glossary, file: "g.tsv", layer: .shipped)
        let base = try TermBase(entries: entries, normalizer: TextNormalizer())
        let counts = WordFrequencies(counts: ["通用": 50, "集团": 40, "人工": 30, "智能": 30, "周": 20, "说": 100])
        return try GlossarySegmenter(matcher: TermMatcher(termBase: base), termBase: base, frequencies: counts)
    }

    @Test func withWordCostsTermsAreNeverSplitEither() throws {
        let text = "周鸿祎说360集团和臺積電都用人工智能。Zhou Hongyi's chips"
        let tokens = try Self.weighingSegmenter().tokens(in: text)
        let words = tokens.filter { $0.kind != .whitespace }.map { String(text[$0.range]) }
        #expect(words == ["周鸿祎", "说", "360集团", "和", "臺積電", "都", "用", "人工智能", "。", "Zhou Hongyi's", "chips"])
        #expect(tokens.map(\.kind) == [.han, .han, .han, .han, .han, .han, .han, .han, .punctuation, .latin, .whitespace, .latin])
    }

    /// The rules' character classes hold both scripts: Traditional text is cut where its
    /// Simplified form is (names, numbers with 萬 and 點, 這個, function characters kept apart).
    @Test func traditionalTextIsCutAsItsSimplifiedForm() throws {
        let simplified = "陈清扬说这个问题几十万人都知道，约为三点五亿元，第二个将于2027年。"
        let traditional = "陳清揚說這個問題幾十萬人都知道，約為三點五億元，第二個將於2027年。"
        func words(_ text: String) throws -> [Int] {
            try Self.weighingSegmenter().tokens(in: text).map { text[$0.range].count }
        }
        #expect(try words(traditional) == words(simplified))
        let tokens = try Self.weighingSegmenter().tokens(in: traditional).map { String(traditional[$0.range]) }
        #expect(tokens.starts(with: ["陳清揚", "說", "這個", "問題", "幾十萬"]))
        #expect(tokens.contains("三點五億") && tokens.contains("將") && tokens.contains("於"))
    }

    @Test(arguments: Array(UInt64(1)...20))
    func tokensPartitionTheText(seed: UInt64) throws {
        // Odd seeds weigh words by counts, where Chinese runs bypass ICU.
        let segmenter = try seed % 2 == 0 ? Self.segmenter() : Self.weighingSegmenter()
        var random = RandomText(seed: seed)
        let pieces = [
            "周鸿祎", "周", "鸿祎", "360", "集团", "360集团", "臺積電", "通用", "人工智能", " ", "\n", "Zhou", " Hongyi", "'s", "chip", "s", "AI", "😀",
            "e\u{301}", "\u{FE0F}", "\u{301}", "〇", "々", "食べる", "\u{20000}", "\u{200D}",
        ]
        for _ in 0..<30 {
            let text = random.next(from: pieces, limit: 23)
            let tokens = try segmenter.tokens(in: text)
            #expect(tokens.map { String(text[$0.range]) }.joined() == text, "\(text.debugDescription)")
            #expect(tokens.allSatisfy { !$0.range.isEmpty })
            // No token starts with a mark or selector that belongs to the character before it.
            for token in tokens.dropFirst() {
                let first = text[token.range].unicodeScalars.first!
                #expect(!first.properties.isGraphemeExtend || text[..<token.range.lowerBound].unicodeScalars.last!.properties.isWhitespace, "\(text.debugDescription) \(tokens.map { String(text[$0.range]) })")
            }
        }
    }
}
