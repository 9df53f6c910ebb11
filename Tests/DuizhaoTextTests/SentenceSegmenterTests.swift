import Testing

@testable import DuizhaoText

@Suite struct SentenceSegmenterTests {
    static func contents(_ text: String) throws -> [String] {
        try SentenceSegmenter().sentences(in: text).filter { $0.kind != .blank }.map { String(text[$0.contentRange]) }
    }

    @Test(arguments: [
        // Chinese terminators, with closing quotes kept
        ("他说：“两年内赶上。”", ["他说：“两年内赶上。”"]),
        ("他说：“两年内赶上。”我们不信。", ["他说：“两年内赶上。”", "我们不信。"]),
        ("真的吗？真的！好。", ["真的吗？", "真的！", "好。"]),
        ("先做这个；再做那个。", ["先做这个；", "再做那个。"]),
        ("他沉默了……然后走了。", ["他沉默了……", "然后走了。"]),
        ("「好的。」她说。", ["「好的。」", "她说。"]),
        ("And so on… and on.", ["And so on… and on."]),
        // Abbreviations
        ("Dr. Smith arrived. He sat.", ["Dr. Smith arrived.", "He sat."]),
        ("Mr. Zhou and Prof. Li met.", ["Mr. Zhou and Prof. Li met."]),
        ("They met in the U.S. on Feb. 18. Talks went well.", ["They met in the U.S. on Feb. 18.", "Talks went well."]),
        ("The U.S. Commerce Department said so.", ["The U.S. Commerce Department said so."]),
        ("Chips are made in the U.S. The rest are not.", ["Chips are made in the U.S.", "The rest are not."]),
        ("See No. 5 and e.g. Fig. 3 now.", ["See No. 5 and e.g. Fig. 3 now."]),
        ("Zhou H. Yi spoke.", ["Zhou H. Yi spoke."]),
        ("Alibaba Holding Ltd. Chairman Joe Tsai spoke. It rained.", ["Alibaba Holding Ltd. Chairman Joe Tsai spoke.", "It rained."]),
        // Mixed
        ("周鸿祎表示：差距一两年就能赶上。Zhou said the gap was two years.", ["周鸿祎表示：差距一两年就能赶上。", "Zhou said the gap was two years."]),
    ])
    func sentences(text: String, expected: [String]) throws {
        #expect(try Self.contents(text) == expected)
    }

    @Test func lineBreakInsideAParagraphDoesNotCut() throws {
        #expect(try Self.contents("这是一个\n中文句子。下一句。") == ["这是一个\n中文句子。", "下一句。"])
        #expect(try Self.contents("A sentence that is\r\nhard wrapped. Next.") == ["A sentence that is\r\nhard wrapped.", "Next."])
    }

    @Test func blankLinesEndParagraphs() throws {
        #expect(try Self.contents("A title without a stop\n\nBody text here.") == ["A title without a stop", "Body text here."])
        #expect(try Self.contents("标题\r\n\r\n正文") == ["标题", "正文"])
    }

    @Test func listItemsAndHeadingsStandAlone() throws {
        let text = """
            # References
            1. 360集团创办人:一旦方向正确 中美AI差距一两年就能赶上
            2) Second item
            [3] 周鸿祎谈AI
            - bullet one
            一、第一部分
            （4）第四
            Not a list: 2.5 million people.
            """
        let sentences = try SentenceSegmenter().sentences(in: text)
        let pairs = sentences.map { (String(text[$0.contentRange]), $0.kind) }
        #expect(pairs.map(\.0) == [
            "# References",
            "1. 360集团创办人:一旦方向正确 中美AI差距一两年就能赶上",
            "2) Second item",
            "[3] 周鸿祎谈AI",
            "- bullet one",
            "一、第一部分",
            "（4）第四\nNot a list: 2.5 million people.",
        ])
        #expect(pairs.map(\.1) == [.heading, .listItem, .listItem, .listItem, .listItem, .listItem, .listItem])
    }

    @Test func aHeadingEndsAtItsLine() throws {
        #expect(try Self.contents("# Title\nFirst line of body.") == ["# Title", "First line of body."])
    }

    @Test(arguments: [
        ("周鸿祎表示差距很小。", LanguageLabel.zh),
        ("我们用OpenAI的模型。", .zh),
        ("Zhou Hongyi (周鸿祎) said the gap could close.", .en),
        ("The gap is small.", .en),
        ("周鸿祎 said 差距 is 一两年 only", .mixed),
        ("2025 — 39%", .undetermined),
    ])
    func languageLabels(text: String, expected: LanguageLabel) throws {
        let sentences = try SentenceSegmenter().sentences(in: text)
        #expect(sentences.count == 1)
        #expect(sentences.first?.language == expected)
    }

    @Test func emptyAndBlankInput() throws {
        #expect(try SentenceSegmenter().sentences(in: "").isEmpty)
        let blank = try SentenceSegmenter().sentences(in: " \n\r\n\t")
        #expect(blank.map(\.kind) == [.blank])
    }

    @Test func trailingWhitespaceBelongsToTheSentenceBefore() throws {
        let text = "\n\nOne.  Two.\n\n\nThree."
        let sentences = try SentenceSegmenter().sentences(in: text)
        #expect(sentences.map { String(text[$0.range]) } == ["\n\nOne.  ", "Two.\n\n\n", "Three."])
    }
}
