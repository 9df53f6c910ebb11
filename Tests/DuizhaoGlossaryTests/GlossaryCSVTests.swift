import DuizhaoText
import Foundation
import Testing

@testable import DuizhaoGlossary

@Suite struct GlossaryCSVTests {
    /// A Duizhao TSV glossary using every column, with text CSV must protect.
    static let tsv = """
        en\tzh\tzh-Hant\tpinyin\ttype\ten-variants\tzh-variants\tnote
        Zhou Hongyi\t周鸿祎\t周鴻禕\tZhōu Hóngyī\tperson\tHongyi Zhou\t\tfounder of 360 Group, "Red-shirted Uncle"
        360 Group\t360集团\t360集團\t\torganization\t\t三六零|360公司\t
        artificial general intelligence\t通用人工智能\t通用人工智慧\ttōngyòng réngōng zhìnéng\tterm\tAGI|general artificial intelligence\t\t
        -ism\t主义\t主義\tzhǔyì\tterm\t\t\t=a suffix, not a formula
        +86\t中国区号\t\t\tother\t\t\t@country code
        TSMC\t台积电\t臺積電\t\torganization\tTaiwan Semiconductor Manufacturing Company\t台積電\t'quoted' note; with semicolon
        """

    @Test func readsAHeaderByLanguageTags() {
        let csv = "\u{FEFF}EN-US,zh-CN,zh-TW,Notes\r\nTSMC,台积电,臺積電,\"chip maker, Hsinchu\"\r\n\r\n,,,\r\nBaidu,百度,,\r\n"
        let (entries, diagnostics) = GlossaryCSV.read(csv, file: "g.csv", layer: .user)
        #expect(diagnostics.isEmpty)
        #expect(entries.count == 2)
        #expect(entries[0].english == "TSMC")
        #expect(entries[0].simplified == "台积电")
        #expect(entries[0].traditional == "臺積電")
        #expect(entries[0].note == "chip maker, Hsinchu")
        #expect(entries[0].origin == EntryOrigin(file: "g.csv", line: 2, layer: .user))
        #expect(entries[1].origin.line == 5)
        #expect(entries[1].traditional == nil)
    }

    @Test(arguments: ["zh-Hans", "zh", "Chinese", "zho"])
    func simplifiedColumnNames(name: String) {
        let (entries, diagnostics) = GlossaryCSV.read("en,\(name)\ncomputing power,算力\n", file: "g.csv", layer: .user)
        #expect(diagnostics.isEmpty)
        #expect(entries.first?.simplified == "算力")
    }

    @Test func aTraditionalOnlyGlossaryReads() {
        let (entries, diagnostics) = GlossaryCSV.read("zh-Hant,en\n臺積電,TSMC\n", file: "g.csv", layer: .user)
        #expect(diagnostics.isEmpty)
        #expect(entries.first?.simplified == "臺積電")
        #expect(entries.first?.traditional == "臺積電")
    }

    @Test func cellsMayHoldLineBreaksAndRowsKnowTheirLine() {
        let csv = "en,zh,note\r\nZhou Hongyi,周鸿祎,\"founder\r\nof 360\"\r\nTSMC,台积电,\r\n"
        let (entries, diagnostics) = GlossaryCSV.read(csv, file: "g.csv", layer: .user)
        #expect(diagnostics.isEmpty)
        #expect(entries.map(\.note) == ["founder\r\nof 360", nil])
        #expect(entries.map(\.origin.line) == [2, 4])
    }

    @Test(arguments: [
        ("en,note\nTSMC,chip maker\n", "g.csv:1:1: error: the header names no Chinese column (zh, zh-CN, zh-Hans, zh-TW, zh-Hant or Chinese …); it names 'en', 'note'"),
        ("zh,zh-Hant,note\n台积电,臺積電,x\n", "g.csv:1:1: error: the header names no English column (en)"),
        ("TSMC,chip maker\nBaidu,search\n", "g.csv:1:1: error: no Chinese in the file: the first two columns of its 2 rows hold no Chinese characters"),
        ("\n\nen,note\n", "g.csv:3:1: error: the header names no Chinese column (zh, zh-CN, zh-Hans, zh-TW, zh-Hant or Chinese …); it names 'en', 'note'"),
        ("", "g.csv:1:1: error: no header and no entries"),
    ])
    func aHeaderWithoutBothLanguagesIsAnError(csv: String, message: String) {
        let (entries, diagnostics) = GlossaryCSV.read(csv, file: "g.csv", layer: .user)
        #expect(entries.isEmpty)
        #expect(diagnostics.map(\.description) == [message])
    }

    @Test func aParseErrorIsOneDiagnosticAtItsPlace() {
        let csv = "en,zh\nTSMC,台积电\nBaidu,\"百度\n"
        let (entries, diagnostics) = GlossaryCSV.read(csv, file: "bad.csv", layer: .user)
        #expect(entries.isEmpty)
        #expect(diagnostics.map(\.description) == ["bad.csv:3:7: error: quoted field is not closed"])
        let stray = GlossaryCSV.read("en,zh\nsay \"hi\",说\n", file: "bad.csv", layer: .user)
        #expect(stray.diagnostics.map { "\($0.line):\($0.column)" } == ["2:5"])
    }

    @Test func rowsAreCheckedLikeTSVRows() {
        let csv = """
            en,zh,type,unknown
            Zhou Hongyi,周鸿祎,person,
            ,算力,term,
            computing power,,term,
            TSMC,台积电,company,
            Baidu,百度,organization,,extra
            Tencent,Tencent Holdings,organization,
            """
        let (entries, diagnostics) = GlossaryCSV.read(csv, file: "bad.csv", layer: .user)
        #expect(entries.map(\.english) == ["Zhou Hongyi", "Tencent"])
        #expect(diagnostics.map(\.description) == [
            "bad.csv:1:12: warning: unknown column 'unknown' is ignored",
            "bad.csv:3:1: error: no English term (column en)",
            "bad.csv:4:17: error: no Chinese term (column zh or zh-Hant)",
            "bad.csv:5:10: error: unknown type 'company' (one of: person, organization, product, place, term, other)",
            "bad.csv:6:24: error: 5 cells, but the header names 4 columns",
            "bad.csv:7:9: warning: 'Tencent Holdings' in column zh has no Chinese characters",
        ])
    }

    @Test func writesTheEightColumnsWithoutNeutralizing() {
        let (entries, _) = DuizhaoTSV.read(Self.tsv, file: "g.tsv", layer: .user)
        let csv = GlossaryCSV.write(entries)
        #expect(csv.hasPrefix("\u{FEFF}en,zh,zh-Hant,pinyin,type,en-variants,zh-variants,note\r\n"))
        #expect(csv.contains("\r\n-ism,主义,主義,zhǔyì,term,,,=a suffix, not a formula\r\n") == false)
        #expect(csv.contains("\r\n-ism,主义,主義,zhǔyì,term,,,\"=a suffix, not a formula\"\r\n"))
        #expect(csv.contains("\r\n+86,中国区号,,,other,,,@country code\r\n"))
        #expect(csv.contains("\"founder of 360 Group, \"\"Red-shirted Uncle\"\"\""))
        let forSpreadsheets = GlossaryCSV.write(entries, options: .init())
        #expect(forSpreadsheets.contains("\r\n'-ism,"))
    }

    @Test func roundTripTSVToCSVToEntries() {
        let (entries, tsvDiagnostics) = DuizhaoTSV.read(Self.tsv, file: "g.tsv", layer: .user)
        #expect(tsvDiagnostics.isEmpty)
        #expect(entries.count == 6)
        let csv = GlossaryCSV.write(entries)
        let (again, diagnostics) = GlossaryCSV.read(csv, file: "g.csv", layer: .user)
        #expect(diagnostics.isEmpty)
        #expect(again.map(\.withoutOrigin) == entries.map(\.withoutOrigin))
        #expect(again.map(\.origin.line) == Array(2...7))
        #expect(GlossaryCSV.write(again) == csv)
    }

    @Test func roundTripKeepsWhatTSVCannot() {
        let origin = EntryOrigin(file: "", line: 0, layer: .user)
        let entries = [
            GlossaryEntry(english: "Zhou Hongyi", simplified: "周鸿祎", type: .person, note: "line one\nline two\ttabbed", origin: origin),
            GlossaryEntry(english: "a, \"b\"", englishVariants: ["c,d"], simplified: "甲，乙", chineseVariants: ["丙"], origin: origin),
        ]
        let (again, diagnostics) = GlossaryCSV.read(GlossaryCSV.write(entries), file: "g.csv", layer: .user)
        #expect(diagnostics.isEmpty)
        #expect(again.map(\.withoutOrigin) == entries.map(\.withoutOrigin))
    }

    @Test func theShippedGlossaryRoundTrips() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Glossaries/china-tech.tsv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return }
        let (entries, _) = DuizhaoTSV.read(text, file: "china-tech.tsv", layer: .shipped)
        let (again, diagnostics) = GlossaryCSV.read(GlossaryCSV.write(entries), file: "china-tech.csv", layer: .shipped)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(again.map(\.withoutOrigin) == entries.map(\.withoutOrigin))
    }
}
