import Testing

@testable import DuizhaoReports

/// How `annotate` renders a dictionary gloss beside a source word.
@Suite struct GlossRenderingTests {
    @Test(arguments: [
        ("(of sb) to express; to state; to show", true, "to express"),
        ("to accept (a suggestion, punishment, bribe etc); to acquiesce", true, "to accept"),
        ("(completed action marker)", false, "(completed action marker)"),
        ("surname Nian", false, "surname Nian"),
        ("variant of 為|为[wei2]", false, "variant of 為|为[wei2]"),
        ("abbr. for 日本[Ri4 ben3], Japan", false, "abbr. for 日本[Ri4 ben3], Japan"),
        ("media, esp. news media", true, "media, esp. news media"),
    ])
    func aGlossIsCutToItsFirstSense(gloss: String, plain: Bool, concise: String) {
        #expect(AnnotationReport.isPlainGloss(gloss) == plain)
        #expect(AnnotationReport.concise(gloss) == concise)
    }
}
