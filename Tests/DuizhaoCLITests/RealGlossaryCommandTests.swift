import Foundation
import Testing

/// The glossary commands on glossaries as translators have them (issue 16).
@Suite struct RealGlossaryCommandTests {
    static func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func aGlossaryWithOneBadRowStillAnswersLookups() throws {
        let folder = try BinaryRunner.temporaryFolder("badrow")
        defer { try? FileManager.default.removeItem(at: folder) }
        let glossary = try Self.write("slug\t缩略名\norphan term\n", "g.txt", in: folder)
        let warning = "duizhao: \(glossary):2:1: warning: no Chinese term (column zh or zh-Hant); left out\n"
        for _ in 0..<2 {  // built, then from the cache: the warning either way
            let lookup = try BinaryRunner.run(["lookup", "slug", "--glossary", glossary, "--no-dictionary", "--format", "tsv"])
            #expect(lookup.status == 0)
            #expect(lookup.stdout.contains("\nslug\t缩略名\t"))
            #expect(lookup.stderr == warning)
        }
        let gloss = try BinaryRunner.run(["gloss", "--glossary", glossary, "--no-dictionary", "-"], stdin: Data("缩略名".utf8))
        #expect(gloss.status == 0)
        #expect(gloss.stdout.contains("缩略名[slug]"))
        let convert = try BinaryRunner.run(["glossary", "convert", glossary, "--to", "csv"])
        #expect(convert.status == 0)
        #expect(convert.stdout.contains("slug,缩略名"))
        #expect(convert.stderr == warning)
        let check = try BinaryRunner.run(["glossary", "check", glossary])
        #expect(check.status == 65)
        #expect(check.stdout.contains("\(glossary):2:1: error: no Chinese term (column zh or zh-Hant)"))
    }

    @Test(arguments: [["segment", "--unit", "word", "ARTICLE"], ["annotate", "ARTICLE"], ["align", "ARTICLE", "ARTICLE"]])
    func everyCommandThatLoadsGlossariesGoesOnPastABadRow(command: [String]) throws {
        let folder = try BinaryRunner.temporaryFolder("badrow-all")
        defer { try? FileManager.default.removeItem(at: folder) }
        let glossary = try Self.write("slug\t缩略名\norphan term\n", "g.txt", in: folder)
        let article = try Self.write("The slug is short. 缩略名很短。\n", "article.txt", in: folder)
        let arguments = command.map { $0 == "ARTICLE" ? article : $0 } + ["--no-dictionary", "--glossary", glossary]
        let result = try BinaryRunner.run(arguments)
        #expect(result.status == 0, "\(command[0]): \(result.stderr)")
        #expect(result.stderr.contains("\(glossary):2:1: warning: no Chinese term (column zh or zh-Hant); left out"))
        #expect(!result.stdout.isEmpty)
    }

    @Test func aTBXv2WithItsDoctypeLoads() throws {
        let folder = try BinaryRunner.temporaryFolder("tbx2")
        defer { try? FileManager.default.removeItem(at: folder) }
        let tbx = try Self.write(
            """
            <?xml version="1.0"?>
            <!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
            <martif type="TBX" xml:lang="en"><text><body><termEntry id="t1"><langSet xml:lang="en"><tig><term>bookmark</term></tig></langSet><langSet xml:lang="zh-CN"><tig><term>书签</term></tig></langSet></termEntry></body></text></martif>
            """, "pootle.tbx", in: folder)
        let lookup = try BinaryRunner.run(["lookup", "bookmark", "--glossary", tbx, "--no-dictionary", "--format", "tsv"])
        #expect(lookup.status == 0, "\(lookup.stderr)")
        #expect(lookup.stdout.contains("\nbookmark\t书签\t"))
        #expect(lookup.stderr.isEmpty)
    }

    @Test(arguments: ["en_US,zh_CN", "en,zh_Hant", "source,target", "English,Chinese (Simplified)", "English,Chinese (Traditional)", "英文,中文"])
    func csvHeadersFromRealToolsLoadEveryTerm(header: String) throws {
        let folder = try BinaryRunner.temporaryFolder("csv")
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = try Self.write("\(header)\nbookmark,书签\nrepository,仓库\nbranch,分支\n", "g.csv", in: folder)
        let result = try BinaryRunner.run(["glossary", "convert", csv, "--to", "tsv"])
        #expect(result.status == 0, "\(header): \(result.stderr)")
        #expect(result.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false)[0] } == ["bookmark", "repository", "branch"])
    }

    @Test func languagesSayWhatTheColumnsHold() throws {
        let folder = try BinaryRunner.temporaryFolder("languages")
        defer { try? FileManager.default.removeItem(at: folder) }
        let tsv = try Self.write("Term\tTranslation\n書籤\tbookmark\n", "g.tsv", in: folder)
        let result = try BinaryRunner.run(["lookup", "bookmark", "--glossary", tsv, "--languages", "zh-TW,en", "--no-dictionary", "--format", "tsv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\nbookmark\t书签\t書籤\t"))
        let bad = try BinaryRunner.run(["lookup", "bookmark", "--glossary", tsv, "--languages", "en,de"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--languages"))
    }

    @Test func aTraditionalOmegaTGlossaryConvertsToTraditionalTBX() throws {
        let folder = try BinaryRunner.temporaryFolder("zhtw")
        defer { try? FileManager.default.removeItem(at: folder) }
        let glossary = try Self.write("repository\t儲存庫\t\nbookmark\t書籤\tbrowser\n", "zh_TW.utf8", in: folder)
        let result = try BinaryRunner.run(["glossary", "convert", glossary, "--to", "tbx"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("<langSec xml:lang=\"zh-Hant\">\n          <termSec>\n            <term>儲存庫</term>"))
        #expect(!result.stdout.contains("zh-Hans"))
        let check = try BinaryRunner.run(["glossary", "check", glossary])
        #expect(check.status == 0)
        #expect(check.stdout.hasSuffix("0 errors, 0 warnings\n"))
        // Lookup says which form ICU derived.
        let json = try BinaryRunner.run(["lookup", "儲存庫", "--glossary", glossary, "--no-dictionary", "--format", "json"])
        #expect(json.stdout.hasPrefix("{\"en\":\"repository\",\"en_variants\":[],\"zh\":\"储存库\",\"zh_derived\":true,\"zh_hant\":\"儲存庫\""))
        let table = try BinaryRunner.run(["lookup", "repository", "--glossary", glossary, "--no-dictionary"])
        #expect(table.stdout.contains("  储存库: 简体 by ICU from 繁體\n"))
    }

    @Test func checkOnACleanOmegaTGlossaryExitsZeroWithWarningsAtMost() throws {
        let folder = try BinaryRunner.temporaryFolder("omegat")
        defer { try? FileManager.default.removeItem(at: folder) }
        let glossary = try Self.write(
            "action\t动作\t\nactions\t动作\t\nTileset\t图块集\ttiles\ntile set\t图块集\t\nDnD\t拖放\t\nDnD™\t拖放\t\nbank\t银行\t\n", "zh_CN.txt", in: folder)
        let result = try BinaryRunner.run(["glossary", "check", glossary])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(!result.stdout.contains("error:"))
        // One line for the missing Traditional forms, not one a row.
        #expect(result.stdout.split(separator: "\n").filter { $0.contains("no Traditional form") }.count == 1)
        #expect(result.stdout.hasSuffix("0 errors, 4 warnings\n"))
    }

    @Test func theExtensionDecidesAndTheHintNamesTheOption() throws {
        let folder = try BinaryRunner.temporaryFolder("ext")
        defer { try? FileManager.default.removeItem(at: folder) }
        let tsv = try Self.write("書籤 书签 [shu1 qian1] /bookmark/\n", "cedict-terms.tsv", in: folder)
        let refused = try BinaryRunner.run(["lookup", "bookmark", "--glossary", tsv, "--no-dictionary"])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("\(tsv):1:1: error: read as TSV for its name, but it looks like CC-CEDICT; name it .u8 or pass --glossary-format cedict"))
        let told = try BinaryRunner.run(["lookup", "bookmark", "--glossary", tsv, "--glossary-format", "cedict", "--no-dictionary", "--format", "tsv"])
        #expect(told.status == 0, "\(told.stderr)")
        #expect(told.stdout.contains("\nbookmark\t书签\t書籤\tshū qiān"))
        let check = try BinaryRunner.run(["glossary", "check", tsv])
        #expect(check.stdout.contains("pass --format cedict"))
        #expect(try BinaryRunner.run(["glossary", "check", "--format", "cedict", tsv]).status == 0)
    }

    @Test func aGB18030GlossaryIsAClearError() throws {
        let folder = try BinaryRunner.temporaryFolder("gbk")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("gbk.tsv")
        try Data(Array("en\tzh\nbank\t".utf8) + [0xD2, 0xF8, 0xD0, 0xD0, 0x0A]).write(to: path)
        let result = try BinaryRunner.run(["lookup", "bank", "--glossary", path.path, "--no-dictionary"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(path.path):2:6: error: not UTF-8: the file looks like GB18030"))
        #expect(result.stderr.contains("iconv -f GB18030 -t UTF-8 '\(path.path)'"))
        #expect(!result.stderr.contains("byte offset"))
    }
}
