import DuizhaoText
import Foundation
import Testing

@testable import DuizhaoGlossary

@Suite struct WordFrequenciesTests {
    @Test func readsJiebaLinesTabsCommentsAndRepeats() {
        let text = "# counts\r\n研究 800 vn\r\n生命\t600\n\n \t\n研究 200\n命 5 n\n"
        let (list, diagnostics) = WordFrequencies.read(text, file: "f.txt")
        #expect(diagnostics.isEmpty)
        #expect(list.counts == ["研究": 1000, "生命": 600, "命": 5])
        #expect(list.total == 1605)
    }

    @Test(arguments: [
        ("研究\n", "f.txt:1:3: error: expected a count after '研究'"),
        ("研究 many\n", "f.txt:1:4: error: 'many' is not a count (a whole number, 0 or more)"),
        ("研究 -3\n", "f.txt:1:4: error: '-3' is not a count (a whole number, 0 or more)"),
        ("研究 +5\n", "f.txt:1:4: error: '+5' is not a count (a whole number, 0 or more)"),
        ("研究 281474976710656\n", "f.txt:1:4: error: the count 281474976710656 is too large (at most 281474976710655)"),
        ("研究 ３\n", "f.txt:1:4: error: '３' is not a count (a whole number, 0 or more)"),
        ("研究 99999999999999999999\n", "f.txt:1:4: error: the count 99999999999999999999 is too large (at most 281474976710655)"),
        (" 研究 3\n", "f.txt:1:1: error: expected a word, then its count"),
        ("命 1\n中國 中国 [Zhong1 guo2] /China/\n", "f.txt:2:4: error: '中国' is not a count (a whole number, 0 or more)"),
    ])
    func placesEveryMalformedLine(text: String, message: String) {
        let (_, diagnostics) = WordFrequencies.read(text, file: "f.txt")
        #expect(diagnostics.map(\.description) == [message])
    }

    @Test func hugeCountsSaturateRatherThanOverflow() {
        let line = "词 \((1 << 48) - 1)\n"
        let (list, diagnostics) = WordFrequencies.read(String(repeating: line, count: 40_000) + "另 5\n", file: "f.txt")
        #expect(diagnostics.isEmpty)
        #expect(list.counts["词"] == Int.max)
        #expect(list.total == Int.max)
    }

    @Test func everyBadLineIsListed() {
        let (list, diagnostics) = WordFrequencies.read("a 1\nb\nc 2\nd x\ne 3\n", file: "f.txt")
        #expect(diagnostics.map(\.line) == [2, 4])
        #expect(list.counts.count == 3)
    }

    /// A dictionary in which 研究生命 reads as two words either way: 研究 生命 or 研究生 命.
    static let dictionary = """
        研究 研究 [yan2 jiu1] /research/
        研究生 研究生 [yan2 jiu1 sheng1] /graduate student/
        生命 生命 [sheng1 ming4] /life/
        命 命 [ming4] /life; fate/
        銀行 银行 [yin2 hang2] /bank/
        國有 国有 [guo2 you3] /state-owned/
        企業 企业 [qi3 ye4] /company/
        國有企業 国有企业 [guo2 you3 qi3 ye4] /state-owned enterprise/
        月 月 [yue4] /month/
        二 二 [er4] /two/
        年 年 [nian2] /year/
        研 研 [yan2] /to grind/
        """

    static func set(frequencies: String?) throws -> GlossarySet {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-freq-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let dictionary = folder.appendingPathComponent("cedict.u8")
        try Data(Self.dictionary.utf8).write(to: dictionary)
        var frequencyPath: String?
        if let frequencies {
            frequencyPath = folder.appendingPathComponent("freq.txt").path
            try Data(frequencies.utf8).write(to: URL(fileURLWithPath: frequencyPath!))
        }
        return try GlossarySet.load(
            [GlossarySource(path: dictionary.path, layer: .dictionary)], frequencies: frequencyPath, cacheDirectory: nil)
    }

    static func words(_ text: String, _ set: GlossarySet) throws -> [String] {
        try GlossarySegmenter(glossaries: set).tokens(in: text).map { String(text[$0.range]) }
    }

    @Test func frequenciesChooseBetweenReadingsOfAsManyWords() throws {
        // Counted alone, 研究生 命 is as good as 研究 生命: the counts decide, either way.
        let common = "研究 5000\n生命 3000\n研究生 200\n命 100\n"
        #expect(try Self.words("研究生命", Self.set(frequencies: common)) == ["研究", "生命"])
        let otherwise = "研究 10\n生命 10\n研究生 5000\n命 3000\n"
        #expect(try Self.words("研究生命", Self.set(frequencies: otherwise)) == ["研究生", "命"])
    }

    @Test func aLongWordMustBeCountedFarMoreOftenThanItsParts() throws {
        // 国有企业 at 4 % beats 国有 (10 %) and 企业 (20 %) on counts alone (3.2 nats against
        // 3.9), but not with 4 nats for its two characters past two.
        let parts = "国有企业 400\n国有 1000\n企业 2000\n其他 6600\n"
        #expect(try Self.words("国有企业", Self.set(frequencies: parts)) == ["国有", "企业"])
        let whole = "国有企业 5000\n国有 10\n企业 10\n其他 4980\n"
        #expect(try Self.words("国有企业", Self.set(frequencies: whole)) == ["国有企业"])
    }

    @Test(arguments: [
        // A longest match that cuts the segmenter's words gives way to them.
        ("研究生命的銀行", ["研究生", "命", "銀行"], ["研究", "生命", "銀行"]),
        // One that starts and ends where words do is kept, though the segmenter splits it.
        ("国有企业", ["国有企业"], ["国有企业"]),
        // A word that is no term keeps the matches inside it, unless it is a number or date.
        ("生命研命生命", ["生命", "研", "命", "生命"], ["生命", "研", "命", "生命"]),
        ("二〇〇一年研究", ["二", "年", "研究"], ["研究"]),
    ])
    func wordTermsFollowTheSegmentationWhereMatchingCutsAWord(text: String, longest: [String], words: [String]) throws {
        let set = try Self.set(frequencies: "研究 5000\n生命 3000\n研究生 200\n命 100\n国有企业 400\n国有 1000\n企业 2000\n")
        #expect(try set.matcher.matches(in: text).map { String(text[$0.range]) } == longest)
        #expect(try WordTerms(glossaries: set).matches(in: text).map { String(text[$0.range]) } == words)
        #expect(try Self.words("国有企业", set) == ["国有", "企业"])
        #expect(try Self.words("生命研命生命", set) == ["生命", "研命", "生命"])  // two characters the rules joined
    }

    /// A set of made-up dictionary `words` weighed by `counts`.
    static func set(words: [String], counts: String) throws -> GlossarySet {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-terms-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let dictionary = folder.appendingPathComponent("d.u8")
        try Data(words.map { "\($0) \($0) [x] /w/\n" }.joined().utf8).write(to: dictionary)
        let list = folder.appendingPathComponent("f.txt")
        try Data(counts.utf8).write(to: list)
        return try GlossarySet.load([GlossarySource(path: dictionary.path, layer: .dictionary)], frequencies: list.path, cacheDirectory: nil)
    }

    /// Found in review: a longest match that the words before it had cut was skipped, and the
    /// words after them with it.
    @Test(arguments: [
        (
            ["甲乙", "甲乙丙", "丙丁", "丁戊己", "戊己"], "甲乙 900\n丙丁 900\n戊己 900\n甲乙丙 1\n丁戊己 1\n", "甲乙丙丁戊己",
            ["甲乙", "丙丁", "戊己"], ["甲乙", "丙丁", "戊己"]
        ),
        // 毒副, no term, is two characters the rules joined: read alone, then 作用 after it.
        (["毒", "副", "副作用", "作用"], "毒 900\n副 900\n作用 900\n副作用 1\n", "毒副作用", ["毒副", "作用"], ["毒", "副", "作用"]),
    ])
    func wordTermsAfterAMatchTheWordsBeforeItCut(words: [String], counts: String, text: String, segmented: [String], terms: [String]) throws {
        let set = try Self.set(words: words, counts: counts)
        #expect(try Self.words(text, set) == segmented)
        #expect(try WordTerms(glossaries: set).matches(in: text).map { String(text[$0.range]) } == terms)
    }

    @Test(arguments: Array(UInt64(1)...10))
    func wordTermsAreInOrderAndNeverOverlap(seed: UInt64) throws {
        let set = try Self.set(
            words: ["甲乙", "甲乙丙", "丙丁", "丁戊己", "戊己", "毒", "副", "副作用", "作用", "研究", "研究生", "生命", "命"],
            counts: "甲乙 900\n丙丁 900\n戊己 900\n毒 900\n副 900\n作用 900\n研究 500\n生命 500\n命 50\n研究生 20\n")
        let terms = try WordTerms(glossaries: set)
        let pieces = ["甲", "乙", "丙", "丁", "戊", "己", "毒", "副", "作", "用", "研", "究", "生", "命", "。", " ", "\n", "a", "二〇〇一年", "\u{301}"]
        var random = RandomText(seed: seed)
        for _ in 0..<50 {
            let text = random.next(from: pieces, limit: 40)
            let matches = try terms.matches(in: text)
            for (match, next) in zip(matches, matches.dropFirst()) {
                #expect(match.utf8Range.upperBound <= next.utf8Range.lowerBound, "\(text)")
            }
            #expect(matches.allSatisfy { !$0.utf8Range.isEmpty && text.range(utf8Offsets: $0.utf8Range) == $0.range }, "\(text)")
        }
    }

    @Test func wordTermsKeepTheirPlacesAcrossPieces() throws {
        let set = try Self.set(frequencies: "研究 5000\n生命 3000\n研究生 200\n命 100\n")
        // About 150 KB: several of the pieces the text is read in.
        let text = String(repeating: "研究生命的銀行。\n", count: 6_000)
        let matches = try WordTerms(glossaries: set).matches(in: text)
        #expect(matches.count == 18_000)
        #expect(matches.allSatisfy { text.range(utf8Offsets: $0.utf8Range) == $0.range })
        #expect(Set(matches.map { String(text[$0.range]) }) == ["研究", "生命", "銀行"])
    }

    /// Found in review: words that fold into one pattern (中 with selectors) overflowed its sum.
    @Test func countsFoldingIntoOnePatternSaturate() throws {
        let (entries, _) = CEDICT.read("中 中 [zhong1] /middle/\n", file: "d.u8")
        let matcher = try TermMatcher(termBase: TermBase(entries: entries, normalizer: TextNormalizer()))
        let huge = WordFrequencies.largestCount - 1
        // 40,000 spellings of 中: four of the sixteen selectors U+FE00…U+FE0F after it, by k's hex digits.
        var counts: [String: Int] = [:]
        for k in 0..<40_000 {
            let selectors = (0..<4).map { Character(Unicode.Scalar(0xFE00 + UInt32((k >> (4 * $0)) & 15))!) }
            counts["中" + String(selectors)] = huge
        }
        let costs = try WordCosts(frequencies: WordFrequencies(counts: counts), matcher: matcher)
        #expect(costs.patternCosts.allSatisfy { $0 >= 1 })
    }

    @Test func aWordCountedInEitherScriptCostsTheSame() throws {
        let set = try Self.set(frequencies: "銀行 30\n银行 10\n命 960\n")
        let costs = try #require(set.wordCosts)
        let pattern = try #require(set.matcher.trie.value(of: try MatchNormalizer().key("銀行")))
        // 40 of 1,000: 100 × ln(1000 / 40).
        #expect(costs.patternCosts[Int(pattern)] == 322)
        #expect(costs.unknown == 691)  // seen once: 100 × ln 1000
        #expect(set.hasWordFrequencies)
        #expect(try !Self.set(frequencies: nil).hasWordFrequencies)
    }

    @Test func aMalformedListIsRefusedWithItsLines() throws {
        #expect {
            _ = try Self.set(frequencies: "研究 5\n生命 lots\n")
        } throws: { error in
            (error as? GlossaryError)?.diagnostics.map { "\($0.line):\($0.column)" } == ["2:4"]
        }
    }
}
