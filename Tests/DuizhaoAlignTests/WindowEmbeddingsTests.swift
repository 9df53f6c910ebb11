import DuizhaoEmbedding
import Testing

@testable import DuizhaoAlign

@Suite struct WindowEmbeddingsTests {
    @Test func everyWindowHasItsOwnRow() {
        let texts = WindowEmbeddings.texts(["一。", "二。", "三。", "四。"], separator: "")
        #expect(texts == ["一。", "二。", "三。", "四。", "一。二。", "二。三。", "三。四。", "一。二。三。", "二。三。四。"])
        let windows = WindowEmbeddings(
            matrix: EmbeddingMatrix(dimension: 1, values: texts.map { _ in 1 }), sentences: 4)
        for length in 1...3 {
            for start in 0...(4 - length) {
                let joined = (start..<(start + length)).map { ["一。", "二。", "三。", "四。"][$0] }.joined()
                #expect(texts[windows.row(start..<(start + length))] == joined)
            }
        }
    }

    @Test func aSideShorterThanAWindowHasItsShorterWindowsOnly() {
        #expect(WindowEmbeddings.texts(["a"], separator: " ") == ["a"])
        #expect(WindowEmbeddings.texts(["a", "b"], separator: " ") == ["a", "b", "a b"])
        #expect(WindowEmbeddings.texts([], separator: " ").isEmpty)
    }

    /// With meaning weighed, the aligner embeds the windows and still aligns a clear pair.
    @Test func theAlignerWeighsWindowsWhenAskedTo() throws {
        let zh = ["今天北京下雨。", "工厂去年关闭了。"]
        let en = ["It rained in Beijing today.", "The factory closed last year."]
        var table: [String: [Float]] = [:]
        for (i, text) in WindowEmbeddings.texts(zh, separator: "").enumerated() { table[text] = [Float(i % 2), Float(1 - i % 2), 0.1, 0] }
        for (i, text) in WindowEmbeddings.texts(en, separator: " ").enumerated() { table[text] = [Float(i % 2), Float(1 - i % 2), 0.1, 0] }
        let embedder = TableEmbedder(table)
        var parameters = AlignmentParameters()
        parameters.meaning = 1
        let alignment = try SentenceAligner(glossaries: try CrossReferenceFixture.glossaries(), parameters: parameters, embedder: embedder)
            .align(source: zh, target: en)
        #expect(alignment.beads.map(\.source) == [0..<1, 1..<2])
        #expect(alignment.beads.map(\.target) == [0..<1, 1..<2])
        #expect(embedder.calls == 2)
        // Without a weight for meaning, nothing is embedded.
        let unweighed = TableEmbedder(table)
        _ = try SentenceAligner(glossaries: try CrossReferenceFixture.glossaries(), embedder: unweighed).align(source: zh, target: en)
        #expect(unweighed.calls == 0)
    }
}
