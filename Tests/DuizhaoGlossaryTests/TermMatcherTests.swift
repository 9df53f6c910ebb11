import DuizhaoText
import Testing

@testable import DuizhaoGlossary

@Suite struct TermMatcherTests {
    static let glossary = """
        en\tzh\tzh-Hant\ttype\ten-variants\tzh-variants
        Zhou Hongyi\t周鸿祎\t周鴻禕\tperson\tHongyi Zhou\t
        360 Group\t360集团\t360集團\torganization\t\t三六零
        TSMC\t台积电\t台積電\torganization\tTaiwan Semiconductor Manufacturing Company\t臺積電
        OpenAI\tOpenAI\tOpenAI\torganization\t\t
        World Health Organization\t世界卫生组织\t世界衛生組織\torganization\tWHO\t世卫组织
        chip\t芯片\t晶片\tterm\t\t
        artificial intelligence\t人工智能\t人工智慧\tterm\tAI\t
        artificial general intelligence\t通用人工智能\t通用人工智慧\tterm\tAGI\t
        """

    static func matcher() throws -> (TermBase, TermMatcher) {
        let (entries, diagnostics) = DuizhaoTSV.read(glossary, file: "g.tsv", layer: .shipped)
        precondition(diagnostics.isEmpty, "\(diagnostics)")
        let base = try TermBase(entries: entries, normalizer: TextNormalizer())
        return (base, try TermMatcher(termBase: base))
    }

    static func found(_ text: String, overlapping: Bool = false) throws -> [String] {
        let (_, matcher) = try matcher()
        return try matcher.matches(in: text, overlapping: overlapping).map { String(text[$0.range]) }
    }

    @Test(arguments: [
        ("周鸿祎表示，360集团将投入", ["周鸿祎", "360集团"]),
        ("周鴻禕說臺積電與台積電", ["周鴻禕", "臺積電", "台積電"]),  // either script
        ("我们用OpenAI的模型", ["OpenAI"]),  // English next to Han
        ("ZHOU HONGYI and zhou hongyi", ["ZHOU HONGYI", "zhou hongyi"]),  // any case
        ("Hongyi Zhou’s company and Zhou Hongyi's", ["Hongyi Zhou’s", "Zhou Hongyi's"]),  // possessives
        ("chips and a chip, but not chipset", ["chips", "chip"]),  // plurals, word boundaries
        ("The WHO said who knows", ["WHO"]),  // all capitals match only capitals
        ("Zhou\nHongyi spoke", ["Zhou\nHongyi"]),  // a line break is a space
        ("ＡＩ and AI and ai", ["ＡＩ", "AI"]),  // full width; "ai" is not the all-caps AI
        ("通用人工智能不是人工智能", ["通用人工智能", "人工智能"]),  // longest leftmost
        ("TSMCs", ["TSMCs"]),
        ("retsmc", []),
        // Never inside a character: not before a combining mark, selector or joiner.
        ("chip\u{301} chip\u{FE0F} chip\u{200D}x chip", ["chip\u{FE0F}", "chip"]),  // a selector folded away goes with the term
        ("人工智能\u{301}，人工智能", ["人工智能"]),
    ])
    func longestLeftmost(text: String, expected: [String]) throws {
        #expect(try Self.found(text) == expected)
    }

    @Test func overlappingOnRequest() throws {
        #expect(try Self.found("通用人工智能", overlapping: true) == ["通用人工智能", "人工智能"])
    }

    @Test func matchesNameTheirEntriesAndOffsets() throws {
        let (base, matcher) = try Self.matcher()
        let text = "据报道，臺積電"
        let match = try #require(try matcher.matches(in: text).first)
        #expect(base.entries[Int(match.entries[0])].english == "TSMC")
        #expect(match.utf8Range == 12..<21)
        #expect(match.isChinese)
    }

    @Test func dictionaryGlossesAreNotEnglishTerms() throws {
        let (entries, _) = CEDICT.read("銀行 银行 [yin2 hang2] /bank/\n", file: "d.u8")
        let base = try TermBase(entries: entries, normalizer: TextNormalizer())
        let matcher = try TermMatcher(termBase: base)
        #expect(try matcher.matches(in: "the bank 银行").map(\.isChinese) == [true])
    }
}

@Suite struct DoubleArrayTrieTests {
    @Test func findsEveryKeyAndNoOther() {
        let words = ["a", "ab", "abc", "b", "中", "中国", "中国人", "国人", "zz", "\u{1F600}"]
        let trie = DoubleArrayTrie(keys: words.enumerated().map { (Array($0.element.utf8), Int32($0.offset)) })
        for (index, word) in words.enumerated() {
            #expect(trie.value(of: Array(word.utf8)) == Int32(index))
        }
        for absent in ["", "abcd", "c", "中国人民", "国"] {
            #expect(trie.value(of: Array(absent.utf8)) == nil)
        }
        let text = Array("中国人".utf8)
        var ends: [Int] = []
        text.withUnsafeBufferPointer { bytes in trie.forEachPrefix(in: bytes, from: 0) { end, _ in ends.append(end) } }
        #expect(ends == [3, 6, 9])
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func manyRandomKeys(seed: UInt64) {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        var keys: [[UInt8]] = []
        for _ in 0..<3000 {
            keys.append((0..<(1 + Int(next() % 8))).map { _ in UInt8(next() % 256) })
        }
        let trie = DoubleArrayTrie(keys: keys.enumerated().map { ($0.element, Int32($0.offset)) })
        for (index, key) in keys.enumerated() {
            // A repeated key keeps its first value.
            #expect(trie.value(of: key) == Int32(keys.firstIndex(of: key)!), "key \(index)")
        }
    }
}
