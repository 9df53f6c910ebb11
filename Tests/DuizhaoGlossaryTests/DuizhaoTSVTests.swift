import DuizhaoText
import Foundation
import Testing

@testable import DuizhaoGlossary

@Suite struct DuizhaoTSVTests {
    static let sample = """
        # Glossary written for the tests
        en\tzh\tzh-Hant\tpinyin\ttype\ten-variants\tzh-variants\tnote
        Zhou Hongyi\t周鸿祎\t周鴻禕\tZhōu Hóngyī\tperson\tHongyi Zhou\t\tfounder of 360 Group

        # a section
        360 Group\t360集团\t360集團\t\torganization\t\t三六零|360公司\t
        artificial general intelligence\t通用人工智能\t通用人工智慧\ttōngyòng réngōng zhìnéng\tterm\tAGI|general artificial intelligence\t\t
        """

    @Test func readsEntriesWithVariantsAndOrigins() {
        let (entries, diagnostics) = DuizhaoTSV.read(Self.sample, file: "g.tsv", layer: .user)
        #expect(diagnostics.isEmpty)
        #expect(entries.count == 3)
        #expect(entries[0].english == "Zhou Hongyi")
        #expect(entries[0].englishVariants == ["Hongyi Zhou"])
        #expect(entries[0].traditional == "周鴻禕")
        #expect(entries[0].type == .person)
        #expect(entries[0].note == "founder of 360 Group")
        #expect(entries[0].origin == EntryOrigin(file: "g.tsv", line: 3, layer: .user))
        #expect(entries[1].chineseVariants == ["三六零", "360公司"])
        #expect(entries[1].pinyin == nil)
        #expect(entries[2].englishTerms == ["artificial general intelligence", "AGI", "general artificial intelligence"])
    }

    @Test func roundTripsWithoutLoss() {
        let (entries, _) = DuizhaoTSV.read(Self.sample, file: "g.tsv", layer: .user)
        let written = DuizhaoTSV.write(entries)
        let (again, diagnostics) = DuizhaoTSV.read(written, file: "g.tsv", layer: .user)
        #expect(diagnostics.isEmpty)
        #expect(again.map { $0.withoutOrigin } == entries.map { $0.withoutOrigin })
        #expect(DuizhaoTSV.write(again) == written)
    }

    @Test func columnsInAnyOrderAndByLanguageTag() {
        let text = "zh-TW\tEN\tzh-CN\n臺積電\tTSMC\t台积电\n"
        let (entries, diagnostics) = DuizhaoTSV.read(text, file: "g.tsv", layer: .user)
        #expect(diagnostics.isEmpty)
        #expect(entries.first?.english == "TSMC")
        #expect(entries.first?.simplified == "台积电")
        #expect(entries.first?.traditional == "臺積電")
    }

    @Test func withoutAHeaderItIsAnOmegaTGlossary() {
        let (entries, diagnostics) = DuizhaoTSV.read("周鸿祎\tZhou Hongyi\tfounder\n算力\tcomputing power\n", file: "o.txt", layer: .user)
        #expect(diagnostics.isEmpty)
        #expect(entries.map(\.english) == ["Zhou Hongyi", "computing power"])
        #expect(entries.first?.note == "founder")
        let (english, _) = DuizhaoTSV.read("Zhou Hongyi\t周鸿祎\n", file: "o.txt", layer: .user)
        #expect(english.first?.simplified == "周鸿祎")
    }

    @Test func crlfAndByteOrderMark() throws {
        let text = Self.sample.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-bom-\(UUID()).tsv")
        try Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let entries = try GlossaryLoader.load(path: url.path, layer: .user)
        #expect(entries.map(\.english) == ["Zhou Hongyi", "360 Group", "artificial general intelligence"])
        #expect(entries.last?.note == nil)
    }

    @Test func everyMalformedRowIsReportedWithLineAndColumn() {
        let text = """
            en\tzh\ttype
            Zhou Hongyi\t周鸿祎\tperson
            \t算力\tterm
            computing power\t\tterm
            TSMC\t台积电\tcompany
            Baidu\t百度\torganization\textra
            Tencent\tTencent Holdings\torganization
            腾讯\t腾讯\torganization
            """
        let (entries, diagnostics) = DuizhaoTSV.read(text, file: "bad.tsv", layer: .user)
        #expect(entries.map(\.english) == ["Zhou Hongyi", "Tencent"])
        #expect(diagnostics.map(\.description) == [
            "bad.tsv:3:1: error: no English term (column en)",
            "bad.tsv:4:17: error: no Chinese term (column zh or zh-Hant)",
            "bad.tsv:5:10: error: unknown type 'company' (one of: person, organization, product, place, term, other)",
            "bad.tsv:6:23: error: 4 cells, but the header names 3 columns",
            "bad.tsv:7:9: warning: 'Tencent Holdings' in column zh has no Chinese characters",
            "bad.tsv:8:1: error: '腾讯' in column en is Chinese",
        ])
    }

    @Test func loaderThrowsEveryError() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-bad-\(UUID()).tsv")
        try Data("en\tzh\n\t算力\nchip\t\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect {
            try GlossaryLoader.load(path: url.path, layer: .user)
        } throws: { error in
            (error as? GlossaryError)?.diagnostics.count == 2
        }
    }
}

extension GlossaryEntry {
    /// The entry with a blank origin, to compare content only.
    var withoutOrigin: GlossaryEntry {
        var copy = self
        copy.origin = EntryOrigin(file: "", line: 0, layer: .user)
        return copy
    }
}

@Suite struct DuizhaoTSVRegressionTests {
    /// Found by fuzz-glossary: a CC-CEDICT gloss "#nk" became an English term whose TSV line
    /// read back as a comment, and the entry was lost.
    @Test func anEnglishTermStartingWithAHashSurvives() {
        let (entries, _) = CEDICT.read("銀行 银行 [yin2 hang2] //#nk/CL:家[jia1]/\n長城 长城 [Chang2 cheng2] /the Great Wall/\n", file: "d.u8")
        var all = entries
        all.append(GlossaryEntry(english: "#MeToo", simplified: "米兔", traditional: "米兔", type: .other, origin: EntryOrigin(file: "g", line: 1, layer: .user)))
        let written = DuizhaoTSV.write(all)
        #expect(written.hasPrefix("type\ten\t"))
        let (again, diagnostics) = DuizhaoTSV.read(written, file: "again.tsv", layer: .user)
        #expect(diagnostics.isEmpty)
        #expect(again.map(\.withoutOrigin) == all.map(\.withoutOrigin))
    }

    @Test func theUsualOrderOtherwise() {
        let (entries, _) = DuizhaoTSV.read(DuizhaoTSVTests.sample, file: "g.tsv", layer: .user)
        #expect(DuizhaoTSV.write(entries).hasPrefix(DuizhaoTSV.columns(for: entries).map(\.rawValue).joined(separator: "\t") + "\n"))
        // Without roles, the columns written before there were any.
        #expect(DuizhaoTSV.columns(for: entries) == GlossaryColumn.allCases.filter { $0 != .roles })
    }
}
