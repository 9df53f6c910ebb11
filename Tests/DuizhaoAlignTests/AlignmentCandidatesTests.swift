import DuizhaoEmbedding
import Testing

@testable import DuizhaoAlign

@Suite struct AlignmentCandidatesTests {
    /// The best path through the candidates, found as BandedSearch finds it (ties to the first).
    static func bestPath(_ candidates: AlignmentCandidates) -> [(Range<Int>, Range<Int>)] {
        struct Cell: Hashable {
            var z: Int
            var e: Int
        }
        var best: [Cell: (Float, Int)] = [Cell(z: 0, e: 0): (0, -1)]
        for (k, c) in candidates.candidates.enumerated() {
            guard let previous = best[Cell(z: c.chinese.lowerBound, e: c.english.lowerBound)] else { continue }
            let value = previous.0 + c.value
            let cell = Cell(z: c.chinese.upperBound, e: c.english.upperBound)
            if best[cell].map({ value > $0.0 }) ?? true { best[cell] = (value, k) }
        }
        var path: [(Range<Int>, Range<Int>)] = []
        var cell = Cell(z: candidates.chineseCount, e: candidates.englishCount)
        while cell != Cell(z: 0, e: 0) {
            guard let k = best[cell]?.1, k >= 0 else { return [] }
            let c = candidates.candidates[k]
            path.append((c.chinese, c.english))
            cell = Cell(z: c.chinese.lowerBound, e: c.english.lowerBound)
        }
        return path.reversed()
    }

    /// The candidates are the beads the search weighs: their best path is align's alignment.
    @Test(arguments: [false, true])
    func theBestPathThroughTheCandidatesIsTheAlignment(englishFirst: Bool) throws {
        let aligner = try SentenceAligner(glossaries: try AlignmentFixture.glossaries())
        let (source, target) = englishFirst
            ? (AlignmentFixture.english, AlignmentFixture.chinese) : (AlignmentFixture.chinese, AlignmentFixture.english)
        let candidates = try aligner.candidates(source: source, target: target)
        #expect(candidates.chineseIsTarget == englishFirst)
        #expect(candidates.chineseCount == AlignmentFixture.chinese.count)
        #expect(candidates.englishCount == AlignmentFixture.english.count)
        #expect(candidates.chineseWindows == nil)
        let path = Self.bestPath(candidates).map { englishFirst ? "\($0.1)->\($0.0)" : "\($0.0)->\($0.1)" }
        let alignment = try aligner.align(source: source, target: target)
        #expect(!path.isEmpty)
        #expect(path == alignment.beads.map { "\($0.source)->\($0.target)" })
    }

    @Test func withTheModelBothSidesWindowsAreEmbedded() throws {
        let zh = ["今天北京下雨。", "工厂去年关闭了。"]
        let en = ["It rained in Beijing today.", "The factory closed last year."]
        var table: [String: [Float]] = [:]
        for text in WindowEmbeddings.texts(zh, separator: "") + WindowEmbeddings.texts(en, separator: " ") {
            table[text] = [1, 0, 0, 0]
        }
        let embedder = TableEmbedder(table)
        let candidates = try SentenceAligner(glossaries: nil, embedder: embedder).candidates(source: zh, target: en)
        // Two sentences a side: two single windows and one pair each.
        #expect(candidates.chineseWindows?.count == 3)
        #expect(candidates.englishWindows?.count == 3)
        #expect(embedder.calls == 2)
    }
}
