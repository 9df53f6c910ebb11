import DuizhaoGlossary
import DuizhaoText
import Foundation
import Testing

@testable import DuizhaoAlign

/// What a real article brings: mixed-script titles, numbers inside names, one-character words.
@Suite struct RealArticleTests {
    static let glossary = """
        en\tzh\tzh-Hant\tpinyin\ttype\ten-variants\tzh-variants\tnote
        36Kr\t36氪\t36氪\t36 Kè\torganization\t\t\t
        360 Group\t360集团\t360集團\t360 Jítuán\torganization\t\t\t
        catch up\t赶上\t趕上\tgǎnshàng\tterm\t\t\t
        report\t报道\t報導\tbàodào\tterm\t\t\t
        team\t团队\t團隊\ttuánduì\tterm\t\t\t
        employee\t员工\t員工\tyuángōng\tterm\t\t\t
        founder\t创办人\t創辦人\tchuàngbànrén\tterm\t\t\t

        """

    /// A few CC-CEDICT lines: 一 has "Chinese" in a late gloss, 两 and 年 mean "two" and "year" first.
    static let dictionary = """
        一 一 [yi1] /one/single/a (article)/as soon as/entire; whole; all; throughout/"one" radical in Chinese characters (Kangxi radical 1)/
        兩 两 [liang3] /two/both/some/a few/tael, unit of weight equal to 50 grams/
        年 年 [nian2] /year/CL:個|个[ge4]/
        方向 方向 [fang1 xiang4] /direction/orientation/
        正確 正确 [zheng4 que4] /correct/proper/
        一年半 一年半 [yi1 nian2 ban4] /a year and a half/

        """

    static func glossaries() throws -> GlossarySet {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-real-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let glossary = directory.appendingPathComponent("news.tsv")
        let dictionary = directory.appendingPathComponent("cedict.u8")
        try Data(Self.glossary.utf8).write(to: glossary)
        try Data(Self.dictionary.utf8).write(to: dictionary)
        return try GlossarySet.load(
            [GlossarySource(path: glossary.path, layer: .user), GlossarySource(path: dictionary.path, layer: .dictionary)], cacheDirectory: nil)
    }

    /// The claim's best link, above the threshold or not.
    private func best(_ claim: String, against sources: [SourceDocument]) throws -> ClaimLink {
        let referencer = try CrossReferencer(glossaries: try Self.glossaries())
        let result = try referencer.crossReference(claims: [CrossReferenceFixture.claim("c1", claim)], sources: sources, references: [:])
        return try #require(result.claims.first?.links.first ?? result.claims.first?.bestCandidate)
    }

    @Test(arguments: [
        ("Zhou's title: 360集团创办人:一旦方向正确 中美AI差距一两年就能赶上.", ["360集团创办人:一旦方向正确 中美AI差距一两年就能赶上"]),
        ("He said “一旦方向正确” and then 中美AI差距一两年就能赶上。 Nothing more.", ["一旦方向正确", "中美AI差距一两年就能赶上。"]),
        ("A 3M plant, 三个厂 in all.", []),
        ("据36氪报道，该团队员工人数不到150人", ["据36氪报道，该团队员工人数不到150人"]),
    ])
    func chineseRunsKeepTheirScripts(text: String, runs: [String]) {
        let bytes = Array(text.utf8)
        #expect(SourceMatching.chineseRuns(in: text).map { String(decoding: bytes[$0], as: UTF8.self) } == runs)
    }

    /// The article: an indented reference list without heading whose title mixes scripts.
    @Test func aMixedScriptTitleIsOneSourceAndItsClausesAreChecked() throws {
        let page = """
            Zhou Hongyi's assertion that domestic companies can catch up to SORA within two years was widely shared.

                1. 360集团创办人:一旦方向正确 中美AI差距一两年就能赶上
                2. Click here for more from The Example Times

            Leave a Reply

            """
        let article = Article(reading: page, format: .plain)
        let (sources, references) = try SourceMatching.articleSources(article, segmenter: SentenceSegmenter())
        #expect(sources.map { $0.sentences.map(\.text) } == [["360集团创办人:一旦方向正确 中美AI差距一两年就能赶上"]])
        #expect(references == ["1": 0])
        let claims = try ClaimExtractor.claims(in: article, segmenter: SentenceSegmenter())
        #expect(claims.count == 1)
        let link = try best(claims[0].text, against: sources)
        let kinds = link.discrepancies.map(\.kind)
        #expect(kinds.contains(.droppedCondition))
        #expect(link.discrepancies.first { $0.kind == .droppedCondition }?.sourceText == "一旦方向正确")
        let range = try #require(link.discrepancies.first { $0.kind == .rangeDiffers })
        #expect(range.claimText == "within two years" && range.sourceText == "一两年")
    }

    /// Only a list item's first sentence loses the item's marker.
    @Test func aListItemsLaterSentenceKeepsItsNumber() throws {
        let page = """
            Chinese companies expanded abroad last year, according to the ministry's report on trade.

            - Revenue rose by a third in the first half of the year.  300 Chinese firms joined the programme.
            - 12 of them were state-owned enterprises with listed subsidiaries.

            The ministry expects the programme to grow again next year, its spokesman said on Monday.
            """
        let claims = try ClaimExtractor.claims(in: Article(reading: page, format: .plain), segmenter: SentenceSegmenter())
        let texts = claims.map(\.text)
        #expect(texts.contains("Revenue rose by a third in the first half of the year."), "\(texts)")
        #expect(texts.contains("300 Chinese firms joined the programme."), "\(texts)")
        #expect(texts.contains("12 of them were state-owned enterprises with listed subsidiaries."), "\(texts)")
    }

    @Test func aNumberInsideANameIsNoQuantity() throws {
        let source = try CrossReferenceFixture.source("36kr.txt", ["据36氪报道，该团队员工人数不到150人。"])
        let link = try best("According to a report in 36Kr, the team has fewer than 200 employees.", against: [source])
        let numbers = link.discrepancies.filter { $0.kind == .numberMismatch || $0.kind == .rangeDiffers }
        #expect(numbers.map(\.claimText) == ["fewer than 200 employees"])
        #expect(numbers.map(\.sourceText) == ["不到150人"])
        #expect(numbers.map(\.kind) == [.numberMismatch])
        #expect(link.terms.contains("36Kr=36氪"))
    }

    /// A dictionary word written in Chinese numerals (一年半) is a quantity still: only Arabic
    /// digits make a name.
    @Test func aNumberWrittenInChineseIsCompared() throws {
        let source = try CrossReferenceFixture.source("gap.txt", ["差距一年半就能赶上。"])
        let link = try best("The team can catch up within two years.", against: [source])
        let numbers = link.discrepancies.filter { $0.kind == .rangeDiffers || $0.kind == .numberMismatch }
        #expect(numbers.map(\.sourceText) == ["一年半"])
    }

    /// 周 of 周二 ("Tuesday") sounds like Zhou, but one character alone is no name.
    @Test func oneSyllableIsNoName() throws {
        let source = try CrossReferenceFixture.source("ernie.txt", ["李彦宏周二表示，文心大模型4.0与GPT-4相当，团队赶上了。"])
        let link = try best("Zhou said the team could catch up with GPT-4.", against: [source])
        #expect(link.terms.contains("catch up=赶上"))
        #expect(!link.names.contains { $0.hasPrefix("Zhou=") })
    }

    /// 一 glosses "radical in Chinese characters" among its senses: no evidence for "Chinese".
    @Test func aOneCharacterWordIsEvidenceInItsFirstSenseOnly() throws {
        let source = try CrossReferenceFixture.source("gap.txt", ["方向正确，差距一两年就能赶上。"])
        let link = try best("Chinese firms can catch up in two years if the direction is correct.", against: [source])
        #expect(!link.terms.contains { $0.hasSuffix("=一") })
        #expect(link.terms.contains("two=两"))
        #expect(link.terms.contains("direction=方向"))
        // Each pair's words stand in both texts.
        let claim = "Chinese firms can catch up in two years if the direction is correct."
        for pair in link.terms + link.names {
            let sides = pair.split(separator: "=", maxSplits: 1).map(String.init)
            #expect(claim.contains(sides[0]) && "方向正确，差距一两年就能赶上。".contains(sides[1]), "\(pair)")
        }
    }
}
