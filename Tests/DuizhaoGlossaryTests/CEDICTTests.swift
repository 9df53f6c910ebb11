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
    ])
    func malformedLinesAreReported(line: String) {
        let (entries, diagnostics) = CEDICT.read("# header\n" + line + "\n", file: "bad.u8")
        #expect(entries.isEmpty)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.line == 2)
        #expect(diagnostics.first?.description.hasPrefix("bad.u8:2:") == true)
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

@Suite struct CEDICTLineEndTests {
    @Test func crlfLineEnds() {
        let text = CEDICTTests.sample.split(separator: "\n").joined(separator: "\r\n") + "\r\n"
        let (entries, diagnostics) = CEDICT.read(text, file: "crlf.u8")
        #expect(diagnostics.isEmpty)
        #expect(entries.map(\.english) == ["bank", "the Great Wall", "daughter", "Chongqing city"])
        #expect(entries.last?.origin.line == 5)
    }
}
