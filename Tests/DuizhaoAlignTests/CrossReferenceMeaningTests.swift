import DuizhaoEmbedding
import DuizhaoText
import Foundation
import Testing

@testable import DuizhaoAlign

/// An embedder of the test's own: each text's vector is given, unit length, in a small space.
final class TableEmbedder: SentenceEmbedding {
    let dimension = 4
    let modelDigest = "table"
    let table: [String: [Float]]
    private(set) var calls = 0

    init(_ table: [String: [Float]]) {
        self.table = table.mapValues { vector in
            let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return vector.map { $0 / norm }
        }
    }

    func embed(_ texts: [String], prefix: EmbeddingPrefix) throws(EmbeddingError) -> EmbeddingMatrix {
        calls += 1
        // Texts the table does not know are close to nothing in particular.
        return EmbeddingMatrix(dimension: dimension, values: texts.flatMap { table[$0] ?? [0.5, 0.5, 0.5, 0.5] })
    }
}

@Suite struct CrossReferenceMeaningTests {
    static let sentences = ["他昨晚很晚才回家。", "天气预报说明天会下雪。", "这家工厂去年关闭了。"]

    /// The claims against one source of `sentences` (the suite's three by default).
    static func run(
        _ claims: [Claim], embedder: TableEmbedder?, sentences: [String] = sentences, fullLimit: Int = 5_000
    ) throws -> CrossReference {
        let referencer = try CrossReferencer(glossaries: nil, options: CrossReferenceOptions(meaningFullLimit: fullLimit), embedder: embedder)
        return try referencer.crossReference(claims: claims, sources: [try CrossReferenceFixture.source("story.txt", sentences)], references: [:])
    }

    @Test func meaningLinksAClaimThatSharesNoWordWithItsSource() throws {
        let claim = CrossReferenceFixture.claim("c1", "The factory was shut down last year.")
        let embedder = TableEmbedder([
            claim.text: [0, 0, 1, 0.1],
            Self.sentences[0]: [1, 0, 0, 0.1],
            Self.sentences[1]: [0, 1, 0, 0.1],
            Self.sentences[2]: [0, 0, 1, 0.12],
        ])
        let lexical = try Self.run([claim], embedder: nil)
        #expect(!lexical.claims[0].isSupported)
        let result = try Self.run([claim], embedder: embedder)
        let link = try #require(result.claims[0].links.first)
        #expect(link.sentences == 2..<3)
        #expect(link.similarity.map { $0 > 0.99 } == true)
        #expect(link.terms.isEmpty && link.numbers.isEmpty)
    }

    @Test func aSentenceOfPunctuationAloneIsNeverALinkOfItsOwn() throws {
        // Paragraphs of their own, so that "”" is a source sentence; the model finds it closest.
        let sentences = ["他昨晚很晚才回家。", "”", "这家工厂去年关闭了。"]
        let claim = CrossReferenceFixture.claim("c1", "He came home late last night.")
        let embedder = TableEmbedder([
            claim.text: [1, 0, 0, 0],
            sentences[0]: [0.9, 0.1, 0, 0],
            sentences[1]: [1, 0, 0, 0],
            sentences[2]: [0, 0, 1, 0],
        ])
        let result = try Self.run([claim], embedder: embedder, sentences: sentences)
        let source = try #require(result.sources.first)
        #expect(source.sentences.map(\.text).contains("”"))
        let links = result.claims[0].links + [result.claims[0].bestCandidate].compactMap { $0 }
        #expect(!links.isEmpty)
        #expect(links.allSatisfy { $0.sentences != 1..<2 })
    }

    @Test func pastTheLimitOnlyTheCandidatesTheWordsFoundAreEmbedded() throws {
        let claims = [
            CrossReferenceFixture.claim("c1", "In 2019 the factory was shut down."),
            CrossReferenceFixture.claim("c2", "The factory was shut down last year."),
        ]
        let sentences = ["他2019年很晚才回家。", "工厂2019年关闭了。", "这家工厂去年关闭了。"]
        let embedder = TableEmbedder([
            claims[0].text: [0, 1, 0, 0.1], claims[1].text: [0, 0, 1, 0.1],
            sentences[0]: [1, 0, 0, 0.1], sentences[1]: [0, 1, 0, 0.1], sentences[2]: [0, 0, 1, 0.12],
        ])
        let result = try Self.run(claims, embedder: embedder, sentences: sentences, fullLimit: 0)
        // c1 shares its year with two sentences: meaning picks the one it means. c2 shares no
        // word with any sentence, so nothing of it is a candidate: unsupported, as with words alone.
        let link = try #require(result.claims[0].links.first)
        #expect(link.sentences == 1..<2)
        #expect(link.similarity != nil)
        #expect(!result.claims[1].isSupported)
    }

    /// A source of one sentence (a reference title) and an article of one claim: each side's
    /// missing neighbours count as unrelated sentences, not as the one pair itself.
    @Test func aSourceOfOneSentenceSupportsTheClaimThatMeansIt() throws {
        let claim = CrossReferenceFixture.claim("c1", "The factory was shut down last year.")
        let sentence = "这家工厂去年关闭了。"
        let embedder = TableEmbedder([claim.text: [0, 0, 1, 0.1], sentence: [0, 0, 1, 0.12]])
        let result = try Self.run([claim], embedder: embedder, sentences: [sentence])
        let link = try #require(result.claims[0].links.first)
        #expect(link.score > 0.9)
    }

    @Test func aClaimFarFromEverySentenceIsNotSupported() throws {
        let claim = CrossReferenceFixture.claim("c1", "The committee approved the budget.")
        let embedder = TableEmbedder([
            claim.text: [0, 0, 0, 1],
            Self.sentences[0]: [1, 0, 0, 0.05],
            Self.sentences[1]: [0, 1, 0, 0.05],
            Self.sentences[2]: [0, 0, 1, 0.05],
        ])
        let result = try Self.run([claim], embedder: embedder)
        #expect(!result.claims[0].isSupported)
        #expect(result.claims[0].bestCandidate.map { $0.score < 0.1 } ?? true)
    }

    @Test func theSameInputGivesTheSameOutput() throws {
        let claims = [
            CrossReferenceFixture.claim("c1", "The factory was shut down last year."),
            CrossReferenceFixture.claim("c2", "It will snow tomorrow, the forecast says."),
        ]
        let table: [String: [Float]] = [
            claims[0].text: [0, 0, 1, 0.1], claims[1].text: [0, 1, 0, 0.2],
            Self.sentences[0]: [1, 0, 0, 0.1], Self.sentences[1]: [0, 1, 0, 0.1], Self.sentences[2]: [0, 0, 1, 0.12],
        ]
        let first = try Self.run(claims, embedder: TableEmbedder(table))
        let second = try Self.run(claims, embedder: TableEmbedder(table))
        #expect(first.claims.map(\.links) == second.claims.map(\.links))
        #expect(first.claims.map { $0.links.first?.sentences } == [2..<3, 1..<2])
    }
}
