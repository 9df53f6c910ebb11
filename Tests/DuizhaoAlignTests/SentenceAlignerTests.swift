import DuizhaoGlossary
import Foundation
import Testing

@testable import DuizhaoAlign

@Suite struct SentenceAlignerTests {
    @Test func alignsAPairWithTwoOneOneTwoAndZeroOneBeads() throws {
        let aligner = try SentenceAligner(glossaries: try AlignmentFixture.glossaries())
        let alignment = try aligner.align(source: AlignmentFixture.chinese, target: AlignmentFixture.english)
        let beads = alignment.beads.map { "\($0.source)->\($0.target)" }
        let gold = AlignmentFixture.gold.map { "\($0.0)->\($0.1)" }
        #expect(beads == gold)
        #expect(alignment.sourceLanguage == .chinese)
        #expect(alignment.targetLanguage == .english)
        #expect(alignment.warnings.isEmpty)
    }

    @Test func alignsEnglishToChineseWithTheSourceFirst() throws {
        let aligner = try SentenceAligner(glossaries: try AlignmentFixture.glossaries())
        let alignment = try aligner.align(source: AlignmentFixture.english, target: AlignmentFixture.chinese)
        let beads = alignment.beads.map { "\($0.source)->\($0.target)" }
        let gold = AlignmentFixture.gold.map { "\($0.1)->\($0.0)" }
        #expect(beads == gold)
        #expect(alignment.sourceLanguage == .english)
    }

    @Test func evidenceNamesTheLinks() throws {
        let aligner = try SentenceAligner(glossaries: try AlignmentFixture.glossaries())
        let alignment = try aligner.align(source: AlignmentFixture.chinese, target: AlignmentFixture.english, evidence: true)
        let first = try #require(alignment.beads.first?.evidence)
        #expect(first.terms.contains("杭州=Hangzhou"))
        #expect(first.terms.contains("昨天=yesterday"))
        #expect(first.names.contains { $0.hasSuffix("=Wenfeng") })
        let last = try #require(alignment.beads.last?.evidence)
        #expect(last.terms.contains("书=books"))
    }

    @Test func numbersAndLatinTokensLinkWithoutADictionary() throws {
        let aligner = try SentenceAligner(glossaries: nil)
        let alignment = try aligner.align(
            source: ["DeepSeek发布了R1模型。", "公司有150名员工。", "2025年1月20日发布。"],
            target: ["DeepSeek released its R1 model.", "The company has 150 employees.", "It came out on January 20, 2025."],
            evidence: true)
        #expect(alignment.beads.map(\.shape) == ["1-1", "1-1", "1-1"])
        #expect(alignment.beads[0].evidence?.terms.contains("R1=R1") == true)
        #expect(alignment.beads[1].evidence?.numbers.isEmpty == false)
    }

    @Test(arguments: [
        ([String](), ["One sentence."], "the source has no sentences"),
        (["一句话。"], [String](), "the target has no sentences"),
        (["一句话。"], ["另一句话。"], "both texts look Chinese"),
        (["One sentence."], ["Another sentence."], "both texts look English"),
    ])
    func warnsAboutEmptyOrSameLanguageInput(source: [String], target: [String], warning: String) throws {
        let aligner = try SentenceAligner(glossaries: nil)
        let alignment = try aligner.align(source: source, target: target)
        #expect(alignment.warnings.contains { $0.contains(warning) }, "\(alignment.warnings)")
        #expect(alignment.beads.flatMap(\.source) == Array(source.indices))
        #expect(alignment.beads.flatMap(\.target) == Array(target.indices))
    }

    @Test func warnsWhenTheTextsLookUnrelated() throws {
        let aligner = try SentenceAligner(glossaries: try AlignmentFixture.glossaries())
        let unrelated = (0..<12).map { "Sentence number \($0) talks about quantum chromodynamics and gluons." }
        let chinese = (0..<10).flatMap { _ in AlignmentFixture.chinese }
        let alignment = try aligner.align(source: Array(chinese.prefix(12)), target: unrelated)
        #expect(alignment.warnings.contains { $0.contains("unrelated") }, "\(alignment.warnings)")
        let related = try aligner.align(source: AlignmentFixture.chinese, target: AlignmentFixture.english)
        #expect(related.confidence > 0.5)
    }

    /// Every sentence lands in exactly one bead, in order, whatever the input.
    @Test(arguments: 0..<12)
    func everySentenceAppearsExactlyOnce(seed: Int) throws {
        var random = SplitMix64(state: UInt64(seed))
        let aligner = try SentenceAligner(glossaries: try AlignmentFixture.glossaries())
        let n = Int.random(in: 0...40, using: &random)
        let m = Int.random(in: 0...40, using: &random)
        let chinese = (0..<n).map { _ in AlignmentFixture.chinese.randomElement(using: &random)! }
        let english = (0..<m).map { _ in AlignmentFixture.english.randomElement(using: &random)! }
        var parameters = AlignmentParameters()
        parameters.band = Int.random(in: 1...10, using: &random)
        parameters.window = Int.random(in: 0...4, using: &random)
        let alignment = try SentenceAligner(glossaries: nil, parameters: parameters).align(source: chinese, target: english)
        #expect(alignment.beads.flatMap(\.source) == Array(0..<n))
        #expect(alignment.beads.flatMap(\.target) == Array(0..<m))
        #expect(alignment.beads.allSatisfy { !$0.source.isEmpty || !$0.target.isEmpty })
        #expect(alignment.beads.allSatisfy { $0.source.count <= 4 && $0.target.count <= 4 })
        let withDictionary = try aligner.align(source: english, target: chinese)
        #expect(withDictionary.beads.flatMap(\.source) == Array(0..<m))
        #expect(withDictionary.beads.flatMap(\.target) == Array(0..<n))
    }

    @Test func presegmentedInputKeepsEveryLine() throws {
        #expect(try AlignmentInput.sentences(in: "一。\n\n二。\r\n", presegmented: true) == ["一。", "", "二。"])
        #expect(try AlignmentInput.sentences(in: "He came. She left.\n\nThen rain.", presegmented: false) == ["He came.", "She left.", "Then rain."])
    }

    @Test func parametersParse() {
        #expect(AlignmentParameters(assignments: "skip=0.5,band=30")?.skip == 0.5)
        #expect(AlignmentParameters(assignments: "skip=0.5,band=30")?.band == 30)
        #expect(AlignmentParameters(assignments: "nonsense=1") == nil)
        #expect(AlignmentParameters(assignments: "skip=x") == nil)
    }
}
