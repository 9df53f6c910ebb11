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
