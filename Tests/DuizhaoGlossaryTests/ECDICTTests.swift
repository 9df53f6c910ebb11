import DuizhaoText
import Testing

@testable import DuizhaoGlossary

@Suite struct ECDICTTests {
    private func chinese(_ translation: String) -> [String] {
        ECDICT.renderings(of: translation).map(\.chinese)
    }

    @Test func readsPartsOfSpeechDomainsAndLinesInOrderWithoutRepeats() {
        let renderings = ECDICT.renderings(of: #"n. 政府, 内阁\n[经] 政府, 政治, 政体"#)
        #expect(renderings.map(\.chinese) == ["政府", "内阁", "政治", "政体"])
        #expect(renderings.map(\.partOfSpeech) == ["n.", "n.", "", ""])
        #expect(renderings.map(\.domain) == ["", "", "经", "经"])
    }

    @Test(arguments: [
        (#"vt.&vi. 捕捉；赶上\r\nvi. 抓住"#, ["捕捉", "赶上", "抓住"]),
        ("a. 美丽的, 漂亮的", ["美丽的", "美丽", "漂亮的", "漂亮"]),
        ("adv. 突然地", ["突然地", "突然"]),
        // A noun's 的 and 地 are its own: 目的, 土地.
        ("n. 目的, 土地, 殖民地", ["目的", "土地", "殖民地"]),
        ("v. (使)成为, 变成(某种状态)", ["成为", "变成"]),
        ("vt. 对…感兴趣", ["感兴趣"]),
        ("abbr. American Association for the Advancement of the Humanities 美国人权促进会", ["美国人权促进会"]),
        ("第一个字母 A; 一个; 第一的", ["第一个字母", "一个", "第一的"]),
        ("n. 书, 书籍", ["书", "书籍"]),
        ("[n. 于健康有益；卫生", ["于健康有益", "卫生"]),
        ("catch的过去式和过去分词", []),
        ("n. 最高级会议参加者", ["最高级会议参加者"]),
        ("n. （英国作家J R R Tolkien笔下的）", []),
    ])
    func parsesTranslationText(_ translation: String, _ expected: [String]) {
        #expect(chinese(translation) == expected)
    }

    @Test func readsTheFileWithFormsAndLines() {
        let text = "# comment\nen\tforms\ttranslation\ncatch\tcaught|catching\tvt. 捕捉, 赶上\nleft\t\tn. 左边\nleave\tleft|leaves\tvt. 离开\n"
        let (dictionary, diagnostics) = ECDICT.read(text, file: "e.tsv")
        #expect(diagnostics.isEmpty)
        #expect((0..<dictionary.count).map { dictionary.headword(at: $0).line } == [3, 4, 5])
        #expect(dictionary.headwords(for: "Caught").map(\.word) == ["catch"])
        // The word itself first, then the word it is a form of.
        #expect(dictionary.headwords(for: "left").map(\.word) == ["left", "leave"])
        #expect(dictionary.headwordIndexes(rendering: "赶上") == [0])
        #expect(dictionary.renderingPlaces("赶上").map { [$0.headword, $0.position] } == [[0, 1]])
        #expect(dictionary.renderingPlaces("离").isEmpty)
    }

    /// Every rendering in random texts, found the slow way: each piece of Chinese characters
    /// compared with every rendering. Covers characters outside `firstCharacters` (𠀀, of
    /// extension B), its ends (㐀, 鿿), Latin renderings and texts mixing scripts.
    @Test(arguments: [1, 2, 3])
    func findsRenderingsAsASlowSearchDoes(seed: UInt64) {
        var random = Seeded(seed)
        let alphabet = ["政", "府", "的", "㐀", "鿿", "𠀀", "赶", "上", "A", "I"]
        func piece(_ count: Int) -> String {
            (0..<count).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }.joined()
        }
        let headwords = (0..<40).map { h in
            let renderings = Set((0..<Int(1 + random.next() % 4)).map { _ in piece(Int(1 + random.next() % 3)) })
            return EnglishDictionary.Headword(
                word: "w\(h)", forms: [], renderings: renderings.sorted().map { EnglishDictionary.Rendering(chinese: $0) }, line: h + 1)
        }
        let dictionary = EnglishDictionary(file: "e.tsv", headwords: headwords)
        for _ in 0..<30 {
            let text = piece(Int(random.next() % 12)) + " " + piece(Int(random.next() % 6))
            let characters = Array(text.unicodeScalars)
            let offsets = characters.reduce(into: [0]) { $0.append($0.last! + UTF8.width($1)) }
            for limit in [Int.max, 1] {
                var expected: [[Int]] = []
                for first in characters.indices where ScriptClass(characters[first]) == .han {
                    var last = first
                    while last < characters.count, ScriptClass(characters[last]) == .han, last - first < 8 {
                        let candidate = String(String.UnicodeScalarView(characters[first...last]))
                        for (h, headword) in headwords.enumerated() {
                            if let position = headword.renderings.firstIndex(where: { $0.chinese == candidate }), position < limit {
                                expected.append([offsets[first], offsets[last + 1], h, position])
                            }
                        }
                        last += 1
                    }
                }
                let found = dictionary.renderingsFound(in: text, positionsBelow: { _ in limit }).flatMap { piece in
                    piece.places.map { [piece.utf8Range.lowerBound, piece.utf8Range.upperBound, $0.headword, $0.position] }
                }
                #expect(found == expected, "\(text), positions below \(limit)")
            }
        }
    }

    @Test func survivesTheCompiledCacheAndRefusesItDamaged() {
        let (dictionary, _) = ECDICT.read("en\tforms\ttranslation\ncatch\tcaught\tvt. 捕捉, 赶上\nrevenue\t\tn. 收入\n", file: "e.tsv")
        var writer = BinaryWriter()
        dictionary.encode(into: &writer)
        let bytes = writer.bytes
        let read = bytes.withUnsafeBytes { raw -> EnglishDictionary? in
            var reader = BinaryReader(raw)
            return EnglishDictionary.decode(from: &reader)
        }
        #expect(read.map { d in (0..<d.count).map(d.headword(at:)) } == (0..<dictionary.count).map(dictionary.headword(at:)))
        #expect(read?.headwords(for: "caught").first?.word == "catch")
        // Cut anywhere, or an offset pointing out of range: never trusted.
        for cut in stride(from: 0, to: bytes.count, by: 7) {
            let damaged = Array(bytes.prefix(cut))
            #expect(damaged.withUnsafeBytes { raw in var reader = BinaryReader(raw); return EnglishDictionary.decode(from: &reader) } == nil)
        }
    }

    @Test func reportsMalformedRowsWithTheirPlaceAndAFileWithoutHeader() {
        let (dictionary, diagnostics) = ECDICT.read("en\tforms\ttranslation\nword\tonly two\nrow\t\t[口语]=damned\n", file: "e.tsv")
        #expect(dictionary.count == 0)
        #expect(diagnostics.map { "\($0.line):\($0.column) \($0.message)" } == ["2:1 expected 3 cells, found 2", "3:6 no Chinese rendering"])
        let (_, bad) = ECDICT.read("word\ttranslation\n", file: "e.tsv")
        #expect(bad.first?.extent == .file)
    }
}

/// A small seeded generator (SplitMix64), so that a failing case can be run again.
private struct Seeded {
    private var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
