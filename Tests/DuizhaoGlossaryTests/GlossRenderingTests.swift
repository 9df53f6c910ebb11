import Testing

@testable import DuizhaoGlossary

/// How `annotate` and `gloss` render a dictionary gloss beside a Chinese word.
@Suite struct GlossRenderingTests {
    @Test(arguments: [
        ("(of sb) to express; to state; to show", true, "to express"),
        ("to accept (a suggestion, punishment, bribe etc); to acquiesce", true, "to accept"),
        ("(completed action marker)", false, "(completed action marker)"),
        ("surname Nian", false, "surname Nian"),
        ("variant of 為|为[wei2]", false, "variant of 為|为[wei2]"),
        ("abbr. for 日本[Ri4 ben3], Japan", false, "abbr. for 日本[Ri4 ben3], Japan"),
        ("media, esp. news media", true, "media, esp. news media"),
        ("world (CL:個|个[ge4])", true, "world"),  // a classifier remark is no cross-reference
        ("see 啥[sha2]", false, "see 啥[sha2]"),
        ("to dig (see also 挖[wa1])", true, "to dig"),
        ("type of 筷[kuai4]", false, "type of 筷[kuai4]"),
    ])
    func aGlossIsCutToItsFirstSense(gloss: String, plain: Bool, concise: String) {
        #expect(GlossaryEntry.isPlainGloss(gloss) == plain)
        #expect(GlossaryEntry.concise(gloss) == concise)
    }

    static func entry(_ english: String, _ variants: [String] = [], layer: GlossaryLayer = .dictionary) -> GlossaryEntry {
        GlossaryEntry(english: english, englishVariants: variants, simplified: "词", origin: EntryOrigin(file: "f", line: 1, layer: layer))
    }

    @Test func aGlossaryTermComesFirstThenTheFirstPlainSense() {
        #expect(GlossaryEntry.englishRendering(of: [Self.entry("surname Shi"), Self.entry("world (CL:個|个[ge4])")]) == "world")
        #expect(GlossaryEntry.englishRendering(of: [Self.entry("variant of 為|为[wei2]", ["to be; to act as"])]) == "to be")
        #expect(GlossaryEntry.englishRendering(of: [Self.entry("world"), Self.entry("World Bank", layer: .shipped)]) == "World Bank")
        #expect(GlossaryEntry.englishRendering(of: [Self.entry("(possessive particle)")]) == nil)
    }
}
