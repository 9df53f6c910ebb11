import Testing

@testable import DuizhaoText

@Suite struct NormalizationTests {
    @Test(arguments: [
        ("ＡＩ２０２５", "ai2025"),  // full-width to half-width
        ("Zhou Hongyi", "zhou hongyi"),
        ("Hongyi’s", "hongyi's"),  // curly apostrophe
        ("“AI”", "\"ai\""),
        ("臺積電", "台积电"),  // Traditional to Simplified
        ("台积电", "台积电"),
        ("通用人工智慧", "通用人工智慧"),  // a different word, not a different script: left alone
        ("Straße", "strasse"),  // case folding, not lowercasing
        ("ﬁ", "fi"),
        ("360集團", "360集团"),
    ])
    func normalizedForms(text: String, expected: String) throws {
        #expect(try TextNormalizer().normalize(text) == expected)
    }

    @Test func simplifiedChangesOnlyTheScript() throws {
        #expect(try TextNormalizer().simplified("周鴻禕說ＡＩ") == "周鸿祎说ＡＩ")
    }

    @Test(arguments: [
        ("a", ScriptClass.latin), ("é", .latin), ("中", .han), ("〇", .han), ("5", .common), ("。", .common),
        ("\u{301}", .inherited), ("Ж", .other), ("あ", .other),
    ])
    func scriptClasses(text: String, script: ScriptClass) {
        #expect(ScriptClass(text.unicodeScalars.first!) == script)
    }
}

@Suite struct ScriptRunTests {
    static func runs(_ text: String) -> [(String, ScriptClass)] {
        ScriptRun.runs(in: text).map { (String(text[$0.range]), $0.script) }
    }

    @Test func runsOfMixedText() {
        let runs = Self.runs("“我们用OpenAI的模型，café 2025。Москва")
        #expect(runs.map(\.0) == ["“我们用", "OpenAI", "的模型，", "café 2025。", "Москва"])
        #expect(runs.map(\.1) == [.han, .latin, .han, .latin, .other])
    }

    @Test func neutralTextIsOneCommonRun() {
        #expect(Self.runs("2025 — 39%").map(\.1) == [.common])
        #expect(ScriptRun.runs(in: "").isEmpty)
    }

    @Test func combiningMarksStayWithTheirBase() {
        #expect(Self.runs("e\u{301}中").map(\.0) == ["e\u{301}", "中"])
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func runsPartitionTheText(seed: UInt64) {
        var generator = MixedTextGenerator(seed: seed)
        for _ in 0..<50 {
            let text = generator.text(maximumPieces: 40)
            #expect(ScriptRun.runs(in: text).map { String(text[$0.range]) }.joined() == text)
        }
    }
}
