import DuizhaoText
import Testing

@testable import DuizhaoGlossary

/// Pins each rule of `GlossarySegmenter` on small examples written for these tests.
///
/// The rules were chosen by measuring word F1 on the SIGHAN 2005 PKU and MSR test sets (research
/// data, read in place and never copied here); these examples are not drawn from them.
@Suite struct SegmentationQualityTests {
    /// A shipped glossary: its terms must never be cut.
    static let glossary = """
        en\tzh\tzh-Hant\ttype
        Zhou Hongyi\t周鸿祎\t周鴻禕\tperson
        Huawei Cloud\t华为云\t華為雲\torganization
        Tiangong\t天工\t天工\tproduct
        TSMC\t台积电\t台積電\torganization
        """

    /// A few CC-CEDICT lines: the general dictionary.
    static let dictionary = """
        記者 记者 [ji4 zhe3] /reporter/
        報道 报道 [bao4 dao4] /to report (news)/
        華為 华为 [Hua2 wei2] /Huawei/
        雲計算 云计算 [yun2 ji4 suan4] /cloud computing/
        計算 计算 [ji4 suan4] /to count; to calculate/
        服務 服务 [fu2 wu4] /to serve/service/
        明天 明天 [ming2 tian1] /tomorrow/
        工作 工作 [gong1 zuo4] /to work/job/
        開發 开发 [kai1 fa1] /to develop/
        大開 大开 [da4 kai1] /to open wide/
        西部 西部 [xi1 bu4] /western part/
        有了 有了 [you3 le5] /I've got a solution!/
        為了 为了 [wei4 le5] /in order to/
        問題 问题 [wen4 ti2] /question/problem/
        保護 保护 [bao3 hu4] /to protect/
        收購 收购 [shou1 gou4] /to purchase/
        副主席 副主席 [fu4 zhu3 xi2] /vice-chairperson/
        主席 主席 [zhu3 xi2] /chairperson/
        會議 会议 [hui4 yi4] /meeting/
        召開 召开 [zhao4 kai1] /to convene/
        增長 增长 [zeng1 zhang3] /to grow/
        營收 营收 [ying2 shou1] /revenue/
        支付 支付 [zhi1 fu4] /to pay/
        訪問 访问 [fang3 wen4] /to visit/
        球員 球员 [qiu2 yuan2] /player/
        方面 方面 [fang1 mian4] /aspect/
        大會 大会 [da4 hui4] /general assembly/
        """

    static func segmenter(glossary: String = glossary, dictionary: String = dictionary) throws -> GlossarySegmenter {
        let (terms, termProblems) = DuizhaoTSV.read(glossary, file: "g.tsv", layer: .shipped)
        let (words, wordProblems) = CEDICT.read(dictionary, file: "cedict.u8")
        precondition(termProblems.isEmpty && wordProblems.isEmpty, "\(termProblems) \(wordProblems)")
        let base = try TermBase(entries: terms + words, normalizer: TextNormalizer())
        return try GlossarySegmenter(matcher: TermMatcher(termBase: base), termBase: base)
    }

    static func words(_ text: String) throws -> [String] {
        try segmenter().tokens(in: text).filter { $0.kind != .whitespace }.map { String(text[$0.range]) }
    }

    // MARK: Numbers and dates

    @Test(arguments: [
        ("会议于2024年3月15日召开", ["会议", "于", "2024年", "3月", "15日", "召开"]),
        ("会议于２０２４年３月召开", ["会议", "于", "２０２４年", "３月", "召开"]),  // full width
        ("二〇二四年十二月三十一日", ["二〇二四年", "十二月", "三十一日"]),
        ("二○○一年", ["二○○一年"]),  // ○ as typeset for zero
        ("营收增长12.5％", ["营收", "增长", "12.5％"]),
        ("营收增长百分之三十", ["营收", "增长", "百分之三十"]),
        ("营收增长三分之二", ["营收", "增长", "三分之二"]),
        ("营收3.6亿", ["营收", "3.6亿"]),
        ("营收560万", ["营收", "560万"]),
        ("会议8时召开", ["会议", "8时", "召开"]),
        ("气温－5", ["气温", "－5"]),
        ("第三方面", ["第三", "方面"]),  // ordinals
        ("二十五", ["二十五"]),
    ])
    func numbersAndDatesAreOneWord(text: String, expected: [String]) throws {
        #expect(try Self.words(text) == expected)
    }

    @Test func numeralsStandApartFromMeasureWords() throws {
        // Segmentation standards keep 三 个 apart but 一个 (the indefinite article) and a
        // demonstrative with its measure word (这次, 各项) together.
        #expect(try Self.words("三个问题") == ["三", "个", "问题"])
        #expect(try Self.words("一个问题") == ["一个", "问题"])
        #expect(try Self.words("这次会议") == ["这次", "会议"])
        #expect(try Self.words("各项工作") == ["各项", "工作"])
    }

    @Test func numbersKeepTheirValueKind() throws {
        let text = "增长12.5％和2024年"
        let tokens = try Self.segmenter().tokens(in: text)
        #expect(tokens.first { text[$0.range] == "12.5％" }?.kind == .number)
        #expect(tokens.first { text[$0.range] == "2024年" }?.kind == .han)
    }

    // MARK: Names and words the dictionary lacks

    @Test(arguments: [
        ("记者李明华报道", ["记者", "李明华", "报道"]),  // surname + two-character given name
        ("记者王建国报道", ["记者", "王建国", "报道"]),
        ("记者报道了", ["记者", "报道", "了"]),  // no surname, nothing merged
    ])
    func namesAreOneWord(text: String, expected: [String]) throws {
        #expect(try Self.words(text) == expected)
    }

    @Test func transliteratedNamesAreOneWord() throws {
        #expect(try Self.words("球员阿尔贝托") == ["球员", "阿尔贝托"])
    }

    @Test func twoUnknownCharactersMakeOneWord() throws {
        // Neither 微 nor 信 is a function word: most likely one word the dictionary lacks.
        #expect(try Self.words("微信支付") == ["微信", "支付"])
        // 就 and 了 are function words: left alone.
        #expect(try Self.words("就了") == ["就", "了"])
    }

    @Test func boundSuffixesJoinTheirWord() throws {
        #expect(try Self.words("保护价") == ["保护价"])
        #expect(try Self.words("收购价") == ["收购价"])
    }

    // MARK: Choosing among dictionary words

    @Test func fewestWordsBeatsGreedyLongestMatch() throws {
        // Greedy longest matching reads 大开 发; the fewest-words path with two-character words
        // in the middle reads 大 开发.
        #expect(try Self.words("西部大开发") == ["西部", "大", "开发"])
    }

    @Test func particlesAreSplitFromTheDictionarysPhrases() throws {
        // CC-CEDICT lists 有了 for a rarer sense; the aspect particle 了 is its own word.
        #expect(try Self.words("有了问题") == ["有", "了", "问题"])
        #expect(try Self.words("为了会议") == ["为了", "会议"])  // a preposition of its own
        // 副 with a title is two words, as the title has its own entry.
        #expect(try Self.words("副主席") == ["副", "主席"])
    }

    // MARK: Glossary terms

    @Test(arguments: [
        ("周鸿祎说", "周鸿祎"),
        ("周鴻禕說", "周鴻禕"),
        ("华为云计算服务", "华为云"),  // not 华为 云计算
        ("明天工作", "天工"),  // the glossary outranks the dictionary's 明天 工作
        ("台積電的營收", "台積電"),
    ])
    func glossaryTermsAreNeverCut(text: String, term: String) throws {
        #expect(try Self.words(text).contains(term))
    }

    @Test func glossaryTermsAreKnownWithoutTheTermBase() throws {
        // Given only the matcher, the segmenter still tells glossary entries (ranked first, with
        // English terms) from dictionary words, and keeps them whole.
        let (terms, _) = DuizhaoTSV.read(Self.glossary, file: "g.tsv", layer: .shipped)
        let (words, _) = CEDICT.read(Self.dictionary, file: "cedict.u8")
        let base = try TermBase(entries: terms + words, normalizer: TextNormalizer())
        let segmenter = try GlossarySegmenter(matcher: TermMatcher(termBase: base))
        let text = "明天工作"
        #expect(try segmenter.tokens(in: text).map { String(text[$0.range]) } == ["明", "天工", "作"])
    }

    @Test func englishGlossaryTermsSpanTheirSpaces() throws {
        let text = "Zhou Hongyi's company, 华为云"
        let tokens = try Self.segmenter().tokens(in: text)
        let term = try #require(tokens.first { text[$0.range] == "Zhou Hongyi's" })
        #expect(term.kind == .latin)
    }

    @Test(arguments: [
        "周鸿祎表示，360集团将投入", "周鴻禕說臺積電與台積電", "我们用OpenAI的模型", "ZHOU HONGYI and zhou hongyi",
        "Hongyi Zhou’s company and Zhou Hongyi's", "chips and a chip, but not chipset", "The WHO said who knows",
        "Zhou\nHongyi spoke", "ＡＩ and AI and ai", "通用人工智能不是人工智能", "TSMCs", "retsmc",
    ])
    func theScannerFindsWhatTheMatcherFinds(text: String) throws {
        // The segmenter's own scan must find the matcher's terms (less one-character
        // dictionary words), at the same offsets.
        let (entries, _) = DuizhaoTSV.read(TermMatcherTests.glossary, file: "g.tsv", layer: .shipped)
        let (words, _) = CEDICT.read(Self.dictionary + "\n人 人 [ren2] /person/\n工 工 [gong1] /work/\n", file: "cedict.u8")
        let base = try TermBase(entries: entries + words, normalizer: TextNormalizer())
        let matcher = try TermMatcher(termBase: base)
        let expected = try matcher.matches(in: text, overlapping: true).filter { match in
            let isGlossary = base.entries[Int(match.entries[0])].origin.layer != .dictionary
            return isGlossary || text[match.range].unicodeScalars.count > 1
        }.map { [$0.utf8Range.lowerBound, $0.utf8Range.upperBound] }
        let scanner = try TermScanner(matcher: matcher, termBase: base)
        var copy = text
        let found = try copy.withUTF8 { bytes in
            try scanner.terms(in: UTF8Text(bytes: bytes)).map { [$0.start, $0.end] }
        }
        #expect(found == expected)
    }

    // MARK: Partition

    static let pieces = [
        "周鸿祎", "周", "鸿祎", "华为云", "云计算", "天工", "明天", "2024年", "２０", "12.5", "％", "二〇", "十二月", "第",
        "三个", "这次", "李明华", "阿尔贝托", "微信", "——", "……", "·", " ", "\n", "\r\n", "Zhou", " Hongyi", "'s",
        "AI", "😀", "e\u{301}", "葛\u{E0100}", "－", "有了", "副主席", "的", "了",
    ]

    @Test(arguments: Array(UInt64(1)...25))
    func tokensPartitionTheTextAndKeepTermsWhole(seed: UInt64) throws {
        let segmenter = try Self.segmenter()
        var random = RandomText(seed: seed)
        for _ in 0..<40 {
            let text = random.next(from: Self.pieces, limit: 29)
            let tokens = try segmenter.tokens(in: text)
            #expect(tokens.map { String(text[$0.range]) }.joined() == text, "\(text.debugDescription)")
            #expect(tokens.allSatisfy { !$0.range.isEmpty })
            // Every token boundary falls between characters, never inside one.
            #expect(tokens.allSatisfy { $0.range.lowerBound.samePosition(in: text) != nil }, "\(text.debugDescription)")
            // No token boundary falls inside a glossary term (the first one found, as the
            // overlapping ones defer to it).
            for term in ["周鸿祎", "华为云", "天工"] {
                guard let range = text.range(of: term) else { continue }
                let cuts = tokens.map(\.range.lowerBound).filter { $0 > range.lowerBound && $0 < range.upperBound }
                let overlapsEarlierTerm = ["周鸿祎", "华为云", "天工"].contains { other in
                    guard other != term, let earlier = text.range(of: other) else { return false }
                    return earlier.overlaps(range) && earlier.lowerBound < range.lowerBound
                }
                #expect(cuts.isEmpty || overlapsEarlierTerm, "\(term) cut in \(text.debugDescription)")
            }
        }
    }

    @Test func longTextsArePartitionedAcrossChunks() throws {
        // More than one chunk: lines end in 。 so the text is cut between them.
        let line = "记者李明华报道，华为云计算服务2024年3月15日营收增长12.5％。\n"
        let text = String(repeating: line, count: GlossarySegmenter.chunkSize / line.utf8.count * 3)
        #expect(TextChunks.ranges(in: text, limit: GlossarySegmenter.chunkSize, at: .lines).count > 1)
        let tokens = try Self.segmenter().tokens(in: text)
        #expect(tokens.map { String(text[$0.range]) }.joined() == text)
        let single = try Self.segmenter().tokens(in: line).map { String(line[$0.range]) }
        let all = tokens.map { String(text[$0.range]) }
        #expect(Array(all.prefix(single.count)) == single)
        #expect(Array(all.suffix(single.count)) == single)
    }
}
