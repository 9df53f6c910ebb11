import DuizhaoText
import Testing

@testable import DuizhaoGlossary

@Suite struct CEDICTTests {
    static let sample = """
        # CC-CEDICT sample written for the tests
        銀行 银行 [yin2 hang2] /bank/CL:家[jia1],個|个[ge4]/
        長城 长城 [Chang2 cheng2] /the Great Wall/
        女兒 女儿 [nu:3 er2] /daughter/
        重慶 重庆 [Chong2 qing4] /Chongqing city/
        """

    @Test func readsEntries() {
        let (entries, diagnostics) = CEDICT.read(Self.sample, file: "cedict.u8")
        #expect(diagnostics.isEmpty)
        #expect(entries.count == 4)
        let bank = entries[0]
        #expect(bank.simplified == "银行")
        #expect(bank.traditional == "銀行")
        #expect(bank.pinyin == "yín háng")
        #expect(bank.english == "bank")
        #expect(bank.englishVariants.isEmpty)
        #expect(bank.note == "CL:家[jia1],個|个[ge4]")
        #expect(bank.origin == EntryOrigin(file: "cedict.u8", line: 2, layer: .dictionary))
        #expect(entries[1].pinyin == "Cháng chéng")
        #expect(entries[1].note == "proper noun")
        #expect(CEDICT.write(entries).split(separator: "\n").first == "銀行 银行 [yin2 hang2] /bank/CL:家[jia1],個|个[ge4]/")
        #expect(entries[2].pinyin == "nǚ ér")
    }

    @Test(arguments: [
        "銀行 银行 yin2 hang2 /bank/",
        "銀行 银行 [yin2 hang2] bank",
        "銀行",
        "銀行 银行 [yin2 hang2] //",
        "銀行 银行 [yin2 hang2] /銀行 2]/bank/",  // found by fuzzing: TSV refuses such an English term
        "  [yin2 hang2] /bank/",  // found by fuzzing: no Chinese at all
        "銀行  [yin2 hang2] /bank/",
    ])
    func malformedLinesAreReported(line: String) {
        let (entries, diagnostics) = CEDICT.read("# header\n" + line + "\n", file: "bad.u8")
        #expect(entries.isEmpty)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.line == 2)
        #expect(diagnostics.first?.description.hasPrefix("bad.u8:2:") == true)
    }

    @Test func glossesOfSpacesAreSkippedAndGlossesTrimmed() {
        let (entries, diagnostics) = CEDICT.read("銀行 银行 [yin2 hang2] / / bank /CL:家[jia1]/\n", file: "d.u8")
        #expect(diagnostics.isEmpty)
        #expect(entries.map(\.english) == ["bank"])
        #expect(entries.first?.englishVariants == [])
    }

    @Test func aChineseFirstGlossIsPlaced() {
        let (_, diagnostics) = CEDICT.read("女兒 女儿 [nu:3 er2] /女兒 2]/daughter/\n", file: "d.u8")
        #expect(diagnostics.map(\.description) == ["d.u8:1:19: error: the first gloss '女兒 2]' is Chinese, not English"])
    }

    @Test(arguments: [
        ("zhou1 hong2 yi1", "zhōu hóng yī"), ("lu:4", "lǜ"), ("nv3", "nǚ"), ("hao3", "hǎo"), ("gou3", "gǒu"),
        ("liu2", "liú"), ("gui4", "guì"), ("de5", "de"), ("Xi1 an1", "Xī ān"), ("san1 C", "sān C"), ("er2", "ér"),
    ])
    func toneMarks(numbered: String, marked: String) {
        #expect(Pinyin.toneMarked(numbered: numbered) == marked)
    }

    @Test func toneMarksRoundTrip() {
        for numbered in ["zhou1 hong2 yi1", "lu:4", "de5", "Chong2 qing4"] {
            #expect(Pinyin.numbered(toneMarked: Pinyin.toneMarked(numbered: numbered)) == numbered)
        }
    }

    @Test func lookupFindsDictionaryWords() throws {
        let (entries, _) = CEDICT.read(Self.sample, file: "cedict.u8")
        let normalizer = try TextNormalizer()
        let base = try TermBase(entries: entries, normalizer: normalizer)
        #expect(try base.lookup("银行", normalizer: normalizer).first?.entry.english == "bank")
        #expect(try base.lookup("銀行", normalizer: normalizer).first?.entry.english == "bank")
        #expect(try base.lookup("yinhang", normalizer: normalizer).first?.entry.simplified == "银行")
        #expect(try base.lookup("yín háng", normalizer: normalizer).first?.entry.simplified == "银行")
        #expect(try base.lookup("Great Wall", normalizer: normalizer).isEmpty)  // glosses match whole, or by prefix
        #expect(try base.lookup("the great", normalizer: normalizer).first?.entry.simplified == "长城")
    }
}

/// A headword with several readings: the usual one first, whatever order the file has.
@Suite struct CEDICTReadingOrderTests {
    static let readings = """
        說 说 [shui4] /to persuade/
        日 日 [Ri4] /abbr. for 日本[Ri4 ben3], Japan/
        説 说 [shuo1] /variant of 說|说[shuo1]/
        說 说 [shuo1] /to speak/to talk/to say/
        日 日 [ri4] /sun/day/date, day of the month/
        了 了 [le5] /(completed action marker)/
        了 了 [liao3] /to finish/to understand/to know/
        行長 行长 [hang2 zhang3] /bank president/
        年 年 [Nian2] /surname Nian/
        年 年 [nian2] /year/CL:個|个[ge4]/
        秊 年 [nian2] /grain/harvest (old)/variant of 年[nian2]/
        """

    @Test func usualReadingFirstWithUnihansReading() throws {
        let pinyin = try PinyinConverter()
        let (entries, diagnostics) = CEDICT.read(Self.readings, file: "cedict.u8") { try? pinyin.pinyin($0) }
        #expect(diagnostics.isEmpty)
        #expect(entries.count == 11)
        // Each headword's entries together at its first place, the usual reading first.
        #expect(entries.map { $0.simplified + " " + ($0.pinyin ?? "") } == [
            "说 shuō", "说 shuì", "说 shuō", "日 rì", "日 Rì", "了 le", "了 liǎo", "行长 háng zhǎng", "年 nián", "年 nián", "年 Nián",
        ])
        // The form itself before an old variant with more senses.
        #expect(entries.filter { $0.simplified == "年" }.map(\.english) == ["year", "grain", "surname Nian"])
        #expect(entries[0].english == "to speak")
        #expect(entries[2].english.hasPrefix("variant of"))
        // Origins still name the file's lines.
        #expect(entries[0].origin.line == 4)
        let lexicon = try TermBase(entries: entries, normalizer: TextNormalizer()).pinyinLexicon()
        #expect(lexicon.reading(of: "说") == "shuō")
        #expect(lexicon.reading(of: "了") == "le")
    }

    @Test func withoutAUsualReadingCommonWordsAndMoreSensesComeFirst() {
        let (entries, _) = CEDICT.read(Self.readings, file: "cedict.u8")
        #expect(entries.filter { $0.simplified == "日" }.map(\.english) == ["sun", "abbr. for 日本[Ri4 ben3], Japan"])
        #expect(entries.filter { $0.simplified == "说" }.map(\.english).first == "to speak")
        // Without Unihan's word, 了's reading with more senses wins.
        #expect(entries.filter { $0.simplified == "了" }.first?.english == "to finish")
    }
}

@Suite struct CEDICTLineEndTests {
    @Test func crlfLineEnds() {
        let text = CEDICTTests.sample.split(separator: "\n").joined(separator: "\r\n") + "\r\n"
        let (entries, diagnostics) = CEDICT.read(text, file: "crlf.u8")
        #expect(diagnostics.isEmpty)
        #expect(entries.map(\.english) == ["bank", "the Great Wall", "daughter", "Chongqing city"])
        #expect(entries.last?.origin.line == 5)
    }
}
