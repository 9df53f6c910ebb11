import DuizhaoGlossary
import DuizhaoText
import Foundation
import Testing

@testable import DuizhaoAlign

/// ECDICT's renderings as evidence: a claim's word counts as covered when a rendering ECDICT
/// gives it stands in the source, and an inflected form reaches its headword.
@Suite struct EnglishRenderingEvidenceTests {
    static let ecdict = """
        en\tforms\ttranslation
        catch\tcaught|catches\tvt. 捕捉, 赶上, 抓住
        thief\tthieves\tn. 小偷, 贼
        revenue\trevenues\tn. 收入, 岁入, 税收, 税务局
        tax\ttaxes\tn. 税, 税款

        """

    /// The glossaries: a user glossary of one unrelated row, with ECDICT or without.
    static func glossaries(ecdict: Bool) throws -> GlossarySet {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-ecdict-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let user = directory.appendingPathComponent("user.tsv").path
        try Data("en\tzh\nBeijing\t北京\n".utf8).write(to: URL(fileURLWithPath: user))
        var sources = [GlossarySource(path: user, layer: .user)]
        if ecdict {
            let path = directory.appendingPathComponent("ecdict-frequent.tsv").path
            try Data(Self.ecdict.utf8).write(to: URL(fileURLWithPath: path))
            sources.append(GlossarySource(path: path, layer: .englishDictionary, name: "ecdict-frequent.tsv"))
        }
        return try GlossarySet.load(sources, cacheDirectory: nil)
    }

    @Test func renderingsAndInflectedFormsCoverTheClaimsWords() throws {
        let pairs = [(english: "The police caught the thieves.", chinese: "警察抓住了小偷。")]
        let without = try FeatureExtractor(glossaries: try Self.glossaries(ecdict: false)).wordCoverage(pairs: pairs)
        let with = try FeatureExtractor(glossaries: try Self.glossaries(ecdict: true)).wordCoverage(pairs: pairs)
        // police, caught, thieves: none without a dictionary; caught (抓住) and thieves (小偷) with ECDICT.
        #expect(without.total == 3 && without.covered == 0)
        #expect(with.total == 3 && with.covered == 2)
    }

    @Test func onlyAHeadwordsFirstRenderingsCount() throws {
        // 税务局 is revenue's fourth rendering: a rarer sense, no evidence; 税收 is its third.
        let extractor = try FeatureExtractor(glossaries: try Self.glossaries(ecdict: true))
        #expect(try extractor.wordCoverage(pairs: [("Revenue rose.", "税收增加。")]).covered == 1)
        #expect(try extractor.wordCoverage(pairs: [("Revenue rose.", "税务局增加。")]).covered == 0)
        // A one-character rendering counts only where it is the headword's first: 税 for tax.
        #expect(try extractor.wordCoverage(pairs: [("Taxes rose.", "税增加。")]).covered == 1)
    }

    @Test func theLinkListsTheRenderingAsEvidence() throws {
        let source = try SourceDocument(
            file: "s.txt", input: "今天天气很好。\n\n警察抓住了小偷。", format: .plain, segmenter: SentenceSegmenter())
        let claim = Claim(id: "c1", text: "The police caught the thieves.", range: 0..<30, originalRange: 0..<30, citations: [], paragraphCitations: [])
        let referencer = try CrossReferencer(glossaries: try Self.glossaries(ecdict: true))
        let result = try referencer.crossReference(claims: [claim], sources: [source], references: [:])
        let top = try #require(result.claims[0].links.first ?? result.claims[0].bestCandidate)
        #expect(top.sentences == 1..<2)
        #expect(top.terms.contains("caught=抓住"))
        #expect(top.terms.contains("thieves=小偷"))
    }

    @Test func alignmentLeavesTheRenderingsOut() throws {
        let glossaries = try Self.glossaries(ecdict: true)
        let aligner = try FeatureExtractor(glossaries: glossaries, englishRenderings: false)
        #expect(try aligner.wordCoverage(pairs: [("The police caught the thieves.", "警察抓住了小偷。")]).covered == 0)
    }
}
