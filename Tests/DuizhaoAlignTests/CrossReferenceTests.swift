import DuizhaoGlossary
import DuizhaoText
import Foundation
import Testing

@testable import DuizhaoAlign

/// Claims and sources written for these tests, with a glossary of their words.
enum CrossReferenceFixture {
    static let glossary = """
        en\tzh\tzh-Hant\tpinyin\ttype\ten-variants\tzh-variants\tnote
        Zhou Hongyi\t周鸿祎\t周鴻禕\tZhōu Hóngyī\tperson\t\t\t
        TSMC\t台积电\t台積電\tTáijīdiàn\torganization\t\t\t
        Beijing\t北京\t北京\tBěijīng\tplace\t\t\t
        gap\t差距\t差距\tchājù\tterm\t\t\t
        team\t团队\t團隊\ttuánduì\tterm\t\t\t
        revenue\t营收\t營收\tyíngshōu\tterm\t\t\t
        double\t翻倍\t翻倍\tfānbèi\tterm\t\t\t
        catch up\t赶上\t趕上\tgǎnshàng\tterm\t\t\t
        direction\t方向\t方向\tfāngxiàng\tterm\t\t\t
        rain\t下雨\t下雨\txiàyǔ\tterm\t\t\t
        close\t缩小\t縮小\tsuōxiǎo\tterm\t\t\t
        Ma Huateng\t马化腾\t馬化騰\tMǎ Huàténg\tperson\t\t\t

        """

    static func glossaries() throws -> GlossarySet {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-xref-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("xref.tsv").path
        try Data(glossary.utf8).write(to: URL(fileURLWithPath: path))
        return try GlossarySet.load([GlossarySource(path: path, layer: .user)], cacheDirectory: nil)
    }

    static func source(_ file: String, _ sentences: [String]) throws -> SourceDocument {
        try SourceDocument(file: file, input: sentences.joined(separator: "\n\n"), format: .plain, segmenter: SentenceSegmenter())
    }

    static func claim(_ id: String, _ text: String, citations: [String] = []) -> Claim {
        Claim(id: id, text: text, range: 0..<text.utf8.count, originalRange: 0..<text.utf8.count, citations: citations, paragraphCitations: [])
    }

    static func interview() throws -> SourceDocument {
        try source("interview.txt", [
            "周鸿祎在北京表示，一旦方向正确，中美差距一两年就能赶上。",
            "周鸿祎说，目前团队不到150人。",
            "今天北京下雨。",
        ])
    }

    static func revenue() throws -> SourceDocument {
        try source("revenue.txt", ["台积电预计营收将于2027年翻倍。"])
    }
}

@Suite struct CrossReferenceTests {
    private func run(_ claims: [Claim], _ sources: [SourceDocument], references: [String: Int] = [:]) throws -> CrossReference {
        let referencer = try CrossReferencer(glossaries: try CrossReferenceFixture.glossaries())
        return try referencer.crossReference(claims: claims, sources: sources, references: references)
    }

    @Test func linksAClaimToItsSentence() throws {
        let result = try run(
            [CrossReferenceFixture.claim("c1", "Zhou Hongyi said in Beijing that the gap will close within two years.")],
            [try CrossReferenceFixture.interview(), try CrossReferenceFixture.revenue()])
        let link = try #require(result.claims[0].links.first)
        #expect(link.source == 0)
        #expect(link.sentences == 0..<1)
        #expect(link.score >= 0.5)
        #expect(link.terms.contains("Zhou Hongyi=周鸿祎"))
        #expect(link.terms.contains("gap=差距"))
    }

    @Test func claimWithNoSourceIsUnsupportedButKept() throws {
        let result = try run(
            [CrossReferenceFixture.claim("c1", "Quantum computers will replace smartphones everywhere by 2040.")],
            [try CrossReferenceFixture.interview(), try CrossReferenceFixture.revenue()])
        #expect(result.claims.count == 1)
        #expect(!result.claims[0].isSupported)
        #expect(result.claims[0].links.isEmpty)
        #expect((result.claims[0].bestCandidate?.score ?? 0) <= 0.2)
    }

    @Test func numbersThatDisagreeAreFlagged() throws {
        let result = try run(
            [CrossReferenceFixture.claim("c1", "Zhou Hongyi said the team now has fewer than 200 people.")],
            [try CrossReferenceFixture.interview()])
        let link = try #require(result.claims[0].links.first)
        #expect(link.sentences == 1..<2)
        let flag = try #require(link.discrepancies.first { $0.kind == .numberMismatch })
        #expect(flag.claimText == "fewer than 200 people")
        #expect(flag.sourceText == "不到150人")
        #expect(flag.sourceSentence == 1)
    }

    @Test func yearsThatDisagreeAreFlagged() throws {
        let result = try run([CrossReferenceFixture.claim("c1", "TSMC expects its revenue to double in 2028.")], [try CrossReferenceFixture.revenue()])
        let link = try #require(result.claims[0].links.first)
        let flag = try #require(link.discrepancies.first { $0.kind == .numberMismatch })
        #expect(flag.claimText == "2028")
        #expect(flag.sourceText == "2027年")
    }

    @Test func droppedConditionAndRangeAreFlagged() throws {
        let result = try run(
            [CrossReferenceFixture.claim("c1", "Zhou Hongyi said the gap will close within two years.")], [try CrossReferenceFixture.interview()])
        let link = try #require(result.claims[0].links.first)
        let condition = try #require(link.discrepancies.first { $0.kind == .droppedCondition })
        #expect(condition.sourceText == "一旦方向正确")
        let range = try #require(link.discrepancies.first { $0.kind == .rangeDiffers })
        #expect(range.claimText == "within two years")
        #expect(range.sourceText == "一两年")
        #expect(!link.discrepancies.contains { $0.kind == .numberMismatch })
    }

    @Test func aNumberTheSourceLacksIsFlagged() throws {
        let result = try run(
            [CrossReferenceFixture.claim("c1", "Zhou Hongyi said the team now has fewer than 150 people and 3 million dollars.")],
            [try CrossReferenceFixture.interview()])
        let link = try #require(result.claims[0].links.first)
        let flag = try #require(link.discrepancies.first { $0.kind == .numberOnlyInClaim })
        #expect(flag.claimText == "3 million dollars")
        #expect(flag.sourceText == nil)
    }

    @Test func aConditionTheClaimKeepsIsNotFlagged() throws {
        let result = try run(
            [CrossReferenceFixture.claim("c1", "Zhou Hongyi said the gap could close in a year or two once the direction is right.")],
            [try CrossReferenceFixture.interview()])
        let link = try #require(result.claims[0].links.first)
        #expect(!link.discrepancies.contains { $0.kind == .droppedCondition })
    }

    @Test func aCitationPrefersItsSource() throws {
        let same = "台积电营收将翻倍。"
        let sources = [try CrossReferenceFixture.source("a.txt", [same]), try CrossReferenceFixture.source("b.txt", [same])]
        let claim = CrossReferenceFixture.claim("c1", "TSMC revenue will double.", citations: ["2"])
        let result = try run([claim], sources, references: ["1": 0, "2": 1])
        let link = try #require(result.claims[0].links.first)
        #expect(link.source == 1)
        #expect(link.cited)
        let uncited = try run([CrossReferenceFixture.claim("c1", "TSMC revenue will double.")], sources, references: ["1": 0, "2": 1])
        #expect(uncited.claims[0].links.first?.source == 0)
        #expect(link.score > uncited.claims[0].links.first!.score)
    }

    @Test func namesOnOneSideAreFlagged() throws {
        let result = try run(
            [CrossReferenceFixture.claim("c1", "Ma Huateng said the team now has fewer than 150 people.")], [try CrossReferenceFixture.interview()])
        let link = try #require(result.claims[0].links.first)
        #expect(link.sentences == 1..<2)
        let inClaim = try #require(link.discrepancies.first { $0.kind == .nameOnlyInClaim })
        #expect(inClaim.claimText == "Ma Huateng")
        let inSource = try #require(link.discrepancies.first { $0.kind == .nameOnlyInSource })
        #expect(inSource.sourceText == "周鸿祎")
        #expect(!link.discrepancies.contains { $0.kind == .numberMismatch })
        #expect(link.numbers == ["fewer than 150 people=不到150人"])
    }

    @Test func aChineseQuotationCitesItsSource() throws {
        let same = "台积电营收将翻倍。"
        let sources = [
            try CrossReferenceFixture.source("a.txt", ["台积电公告", same]),
            try CrossReferenceFixture.source("b.txt", ["台积电:营收将于明年翻倍", same]),
        ]
        let claim = CrossReferenceFixture.claim("c1", "TSMC revenue will double, according to “台积电:营收将于明年翻倍”.")
        let result = try run([claim], sources)
        let link = try #require(result.claims[0].links.first)
        #expect(link.source == 1)
        #expect(link.cited)
    }

    @Test func quantityRelations() {
        let parser = QuantityParser()
        let within = parser.quantities(in: "within two years")[0]
        let oneOrTwo = parser.quantities(in: "一两年")[0]
        #expect(DiscrepancyFinder.relation(within, oneOrTwo) == .rangeDiffers)
        let fewer = parser.quantities(in: "fewer than 200 people")[0]
        let under = parser.quantities(in: "不到150人")[0]
        #expect(DiscrepancyFinder.compatible(fewer, under))
        #expect(DiscrepancyFinder.relation(fewer, under) == .mismatch)
        let money = parser.quantities(in: "5.6 million dollars")[0]
        let wan = parser.quantities(in: "560万美元")[0]
        #expect(DiscrepancyFinder.relation(money, wan) == .agree)
    }

    @Test func claimsComeFromRunningTextWithTheirMarkers() throws {
        let markdown = """
            # A heading that is no claim

            Zhou Hongyi said the gap would close within two years [1]. He spoke in Beijing.

            ## References

            1. 360集团创办人:一旦方向正确 中美AI差距一两年就能赶上

            """
        let article = Article(reading: markdown, format: .markdown)
        let claims = try ClaimExtractor.claims(in: article, segmenter: SentenceSegmenter())
        #expect(claims.map(\.text) == ["Zhou Hongyi said the gap would close within two years.", "He spoke in Beijing."])
        #expect(claims[0].citations == ["1"])
        #expect(claims[1].citations.isEmpty)
        #expect(claims[1].paragraphCitations == ["1"])
        let bytes = Array(markdown.utf8)
        let original = String(decoding: bytes[claims[1].originalRange], as: UTF8.self)
        #expect(original == "He spoke in Beijing.")
    }

    @Test func footnoteMarkersStayWithTheirSentence() throws {
        let markdown = """
            Zhou Hongyi said China could catch up within two years.[^1] TSMC expects revenue to double in 2028^2.

            [^1]: 360集团创办人:一旦方向正确 中美AI差距一两年就能赶上
            [^2]: 台積電:AI加速器營收將於2027年翻倍

            """
        let article = Article(reading: markdown, format: .markdown)
        let claims = try ClaimExtractor.claims(in: article, segmenter: SentenceSegmenter())
        #expect(claims.map(\.text) == ["Zhou Hongyi said China could catch up within two years.", "TSMC expects revenue to double in 2028."])
        #expect(claims.map(\.citations) == [["1"], ["2"]])
    }

    @Test func referencesMatchSourcesByTitleOrFileName() throws {
        let sources = [
            try SourceDocument(file: "dir/interview.txt", input: "360集团创办人:一旦方向正确 中美AI差距一两年就能赶上\n\n正文。", format: .plain, segmenter: SentenceSegmenter()),
            try SourceDocument(file: "dir/tsmc-revenue.txt", input: "标题\n\n正文。", format: .plain, segmenter: SentenceSegmenter()),
        ]
        #expect(sources[0].title == "360集团创办人:一旦方向正确 中美AI差距一两年就能赶上")
        #expect(sources[0].sentences[0].isTitle)
        let article = Article(
            reading: "Text.\n\n## References\n\n1. 360集团创办人：一旦方向正确，中美AI差距一两年就能赶上\n2. See tsmc-revenue.txt\n3. 无关的标题\n",
            format: .markdown)
        let references = article.references
        #expect(references.map(\.label) == ["1", "2", "3"])
        #expect(SourceMatching.match(references, to: sources) == ["1": 0, "2": 1])
    }

    /// Many claims against many near-identical sentences: each finds the one sentence whose
    /// number is its own (time is measured in docs/BENCHMARKS.md, not here).
    @Test func manyClaimsFindTheSentenceWithTheirNumber() throws {
        var sentences: [String] = []
        for i in 0..<3000 { sentences.append("第\(i)天北京下雨，团队营收\(i * 7)万美元。") }
        let sources = [try CrossReferenceFixture.source("big.txt", sentences)]
        let claims = (0..<200).map { CrossReferenceFixture.claim("c\($0)", "The team's revenue was \($0 * 7 * 10_000) dollars on a rainy day in Beijing.") }
        let result = try run(claims, sources)
        #expect(result.claims.count == 200)
        let found = result.claims.enumerated().filter { index, claim in claim.links.first?.sentences.contains(index) == true }.count
        #expect(found == 200)
    }
}
