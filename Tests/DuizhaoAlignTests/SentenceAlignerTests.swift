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
        #expect(alignment.beads.allSatisfy { $0.source.count <= 5 && $0.target.count <= 5 })
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
        #expect(AlignmentParameters(assignments: "fiveOne=0.5,uncoverable=0.2,coverWindow=50")?.coverWindow == 50)
    }

    /// One Chinese sentence rendered as five English ones: a 1-5 bead, unless its cost rules it out.
    @Test func alignsAOneFiveBead() throws {
        let chinese = ["A1模型有11层。", "它有22、33、44、55和66组参数，叫做B2、C3、D4、E5和F6。", "G7模型有77层。"]
        let english = [
            "The A1 model has 11 layers.", "It has 22 groups called B2.", "Another 33 are called C3.",
            "Another 44 are called D4.", "Another 55 are called E5.", "And 66 are called F6.", "The G7 model has 77 layers.",
        ]
        let aligner = try SentenceAligner(glossaries: nil)
        let alignment = try aligner.align(source: chinese, target: english)
        #expect(alignment.beads.map(\.shape) == ["1-1", "1-5", "1-1"])
        var parameters = AlignmentParameters()
        parameters.fiveOne = 99
        let without = try SentenceAligner(glossaries: nil, parameters: parameters).align(source: chinese, target: english)
        #expect(!without.beads.map(\.shape).contains("1-5"))
        #expect(without.beads.flatMap(\.target) == Array(english.indices))
    }

    /// Chinese tokens nothing in the English could cover weigh less; those it could keep their
    /// weight; the English keeps all its weights.
    @Test func uncoverableTokensAreDiscounted() throws {
        let extractor = try FeatureExtractor(glossaries: try AlignmentFixture.glossaries())
        let zh = try extractor.chinese(["他在湖边看船。", "他买了三本新书。"])
        let en = try extractor.english(["He watched the boats.", "He bought three new books."])
        var parameters = AlignmentParameters()
        parameters.uncoverable = 0.25
        let scorer = BeadScorer(zh: zh, en: en, featureCount: extractor.table.count, parameters: parameters)
        let tokens = Int(zh.tokenStart[0])..<Int(zh.tokenStart[1])
        let kept = tokens.filter { scorer.zh.tokenWeight[$0] == zh.tokenWeight[$0] }
        let discounted = tokens.filter { abs(scorer.zh.tokenWeight[$0] - 0.25 * zh.tokenWeight[$0]) < 1e-6 }
        #expect(!kept.isEmpty)  // 看, 船: watch, boat
        #expect(!discounted.isEmpty)  // 湖边: no lakeside in the English
        #expect(kept.count + discounted.count == tokens.count)
        #expect(scorer.zh.sentenceWeight[0] < zh.sentenceWeight[0])
        #expect(scorer.en.tokenWeight == en.tokenWeight)
        parameters.uncoverable = 1
        let plain = BeadScorer(zh: zh, en: en, featureCount: extractor.table.count, parameters: parameters)
        #expect(plain.zh.tokenWeight == zh.tokenWeight)
        #expect(scorer.similarity(0..<1, 0..<1) > plain.similarity(0..<1, 0..<1))
    }
}

@Suite struct AlignmentProgressTests {
    @Test func phasesAreToldInOrder() throws {
        let aligner = try SentenceAligner(glossaries: nil)
        var phases: [String] = []
        _ = try aligner.align(source: ["他来了。", "他走了。"], target: ["He came.", "He left."]) { phases.append($0) }
        #expect(phases.first == "reading 2 + 2 sentences")
        #expect(phases.contains("first pass"))
        #expect(phases.last == "second pass")
    }
}
