import DuizhaoText
import Foundation
import Testing

@testable import DuizhaoGlossary

/// Glossaries as translators have them: TBX v2 with a DOCTYPE, CSV headers as CAT tools and
/// teams write them, a bad row among good ones, Traditional-only files, UTF-16 and GB18030.
@Suite struct RealGlossaryTests {
    /// A folder for one test's files; the caller removes it.
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-real-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func write(_ bytes: [UInt8], _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    static let toSimplified = try! ChineseScriptConverter(to: .simplified)

    // MARK: TBX v2 with a DOCTYPE

    /// As Translate Toolkit, Pootle, Weblate and Lokalize write it.
    static let pootleTBX = """
        <?xml version="1.0"?>
        <!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
        <martif type="TBX" xml:lang="en"><text><body><termEntry id="t1"><langSet xml:lang="en"><tig><term>bookmark</term></tig></langSet><langSet xml:lang="zh-CN"><tig><term>书签</term></tig></langSet></termEntry></body></text></martif>
        """

    @Test(arguments: [
        pootleTBX,
        pootleTBX.replacingOccurrences(of: "SYSTEM \"TBXcoreStructV02.dtd\"", with: "PUBLIC '-//LISA//DTD TBX//EN'\n  'http://example.com/TBXcoreStructV02.dtd'"),
        pootleTBX.replacingOccurrences(of: " SYSTEM \"TBXcoreStructV02.dtd\"", with: ""),
        pootleTBX.replacingOccurrences(of: "<?xml version=\"1.0\"?>\n", with: "<?xml version=\"1.0\"?>\n<!-- exported -->\n"),
    ])
    func aDoctypeWithOnlyAnExternalIdentifierIsRead(xml: String) throws {
        let (entries, diagnostics) = TBX.read(data: Data(xml.utf8), file: "g.tbx", layer: .user)
        #expect(diagnostics.isEmpty)
        #expect(entries.map { "\($0.english)=\($0.simplified)" } == ["bookmark=书签"])
        // Streamed from a file too.
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.write(Array(xml.utf8), "g.tbx", in: folder)
        #expect(try GlossaryLoader.load(path: path, layer: .user).map(\.english) == ["bookmark"])
    }

    @Test func theDTDANamedDoctypeNamesIsNeverRead() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.write(Array("<!ENTITY x \"EXPANDED\">\n".utf8), "terms.dtd", in: folder)
        let xml = Self.pootleTBX.replacingOccurrences(of: "TBXcoreStructV02.dtd", with: "terms.dtd")
            .replacingOccurrences(of: "<term>bookmark</term>", with: "<term>book&x;</term>")
        let path = try Self.write(Array(xml.utf8), "g.tbx", in: folder)
        let (entries, diagnostics) = try GlossaryLoader.check(path: path)
        #expect(entries.isEmpty)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("the DTD is never read") == true)
        #expect(diagnostics.first.map { "\($0.line):\($0.severity)" } == "3:error")
    }

    @Test(arguments: [
        "<!DOCTYPE martif SYSTEM \"TBXcoreStructV02.dtd\" [<!ENTITY e \"x\">]>",
        "<!DOCTYPE martif [<!ENTITY e \"x\">]>",
        "<!DOCTYPE martif SYSTEM \"a.dtd\">\n<!DOCTYPE martif SYSTEM \"b.dtd\">",
        "<!DOCTYPE martif SYSTEM>",
        "<!DOCTYPE martif SYSTEM \"a.dtd\" extra>",
    ])
    func anInternalSubsetOrAMalformedDoctypeIsStillRefused(doctype: String) {
        let xml = "<?xml version=\"1.0\"?>\n\(doctype)\n<martif type=\"TBX\"><text><body/></text></martif>"
        let (entries, diagnostics) = TBX.read(data: Data(xml.utf8), file: "g.tbx", layer: .user)
        #expect(entries.isEmpty)
        #expect(diagnostics.map(\.message) == [TBX.Prolog.declarationMessage])
    }

    @Test func aFileWithNoChineseGetsOneLineNamingItsLanguages() {
        let v2 = """
            <martif type="TBX"><text><body>
            <termEntry id="a"><langSet xml:lang="en"><tig><term>file</term></tig></langSet><langSet xml:lang="de"><tig><term>Datei</term></tig></langSet></termEntry>
            <termEntry id="b"><langSet xml:lang="en"><tig><term>bookmark</term></tig></langSet><langSet xml:lang="fr"><tig><term>signet</term></tig></langSet></termEntry>
            </body></text></martif>
            """
        let (entries, diagnostics) = TBX.read(data: Data(v2.utf8), file: "de.tbx", layer: .user)
        #expect(entries.isEmpty)
        #expect(diagnostics.map(\.description) == [
            "de.tbx:2:18: error: no langSet in Chinese (xml:lang zh, zh-CN, zh-Hans, zh-TW, zh-Hant …) in any of the 2 entries; the languages found: en, de, fr"
        ])
        #expect(diagnostics.first?.extent == .file)
        // TBX v3 says langSec, in the one-line message and in an entry's own.
        let v3 = """
            <tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
            <conceptEntry id="a"><langSec xml:lang="en"><termSec><term>file</term></termSec></langSec></conceptEntry>
            <conceptEntry id="b"><langSec xml:lang="zh"><termSec><term>文件</term></termSec></langSec><langSec xml:lang="en"><termSec><term>file</term></termSec></langSec></conceptEntry>
            </body></text></tbx>
            """
        let mixed = TBX.read(data: Data(v3.utf8), file: "g.tbx", layer: .user)
        #expect(mixed.entries.count == 1)
        #expect(mixed.diagnostics.map(\.message) == ["conceptEntry 'a' has no Chinese term (a langSec with xml:lang zh, zh-Hans or zh-Hant)"])
        #expect(mixed.diagnostics.first?.extent == .entry)
    }

    // MARK: CSV headers from real tools

    @Test(arguments: [
        ("en_US,zh_CN", "儲存庫", nil as String?),
        ("en,zh_Hant", "储存库", "儲存庫"),
        ("source,target", "储存库", "儲存庫"),
        ("target,source", "储存库", "儲存庫"),
        ("English,Chinese (Simplified)", "儲存庫", nil),
        ("English,Chinese (Traditional)", "储存库", "儲存庫"),
        ("Chinese (Traditional),English", "储存库", "儲存庫"),
        ("英文,中文", "储存库", "儲存庫"),
        ("英文,简体中文", "儲存庫", nil),
        ("EN-GB,zh-TW", "储存库", "儲存庫"),
        ("English (United States),Chinese (Taiwan)", "储存库", "儲存庫"),
    ])
    func csvHeadersFromRealTools(header: String, simplified: String, traditional: String?) {
        let chineseFirst = header.hasPrefix("Chinese") || header.hasPrefix("target")
        let rows = chineseFirst ? "儲存庫,repository\n書籤,bookmark\n" : "repository,儲存庫\nbookmark,書籤\n"
        let (entries, diagnostics) = GlossaryCSV.read("\(header)\n\(rows)", file: "g.csv", layer: .user, toSimplified: Self.toSimplified)
        #expect(diagnostics.isEmpty, "\(header)")
        #expect(entries.map(\.english) == ["repository", "bookmark"], "\(header)")
        #expect(entries.first?.simplified == simplified, "\(header)")
        #expect(entries.first?.traditional == traditional, "\(header)")
        #expect(entries.first?.simplifiedIsDerived == (traditional != nil), "\(header)")
    }

    @Test func sidesAreToldByTheirContentAndLanguagesSayItOutright() {
        let csv = "source,target,comment\n书签,bookmark,\n仓库,repository,a note\n"
        let (entries, diagnostics) = GlossaryCSV.read(csv, file: "g.csv", layer: .user, toSimplified: Self.toSimplified)
        #expect(diagnostics.isEmpty)
        #expect(entries.map { "\($0.english)=\($0.simplified)" } == ["bookmark=书签", "repository=仓库"])
        // Without Chinese characters in either, no guess is made.
        let latin = GlossaryCSV.read("source,target\nfile,Datei\n", file: "g.csv", layer: .user)
        #expect(latin.diagnostics.map(\.message) == ["no Chinese in the file: the columns 'source' and 'target' hold no Chinese characters"])
        // --languages names the first two columns, whatever the header says.
        let languages = GlossaryReadOptions.languages("zh-TW,en")
        #expect(languages?.map(\.column) == [.traditional, .english])
        let told = DuizhaoTSV.read("src\tdst\n書籤\tbookmark\n", file: "g.tsv", layer: .user, languages: languages, toSimplified: Self.toSimplified)
        #expect(told.diagnostics.isEmpty)
        #expect(told.entries.map { "\($0.english)=\($0.simplified)/\($0.traditional ?? "")" } == ["bookmark=书签/書籤"])
    }

    @Test(arguments: ["en,zh", "zh,en", "en_US,zh_CN", "English,中文", "en-GB,Chinese (Traditional)"])
    func languagesAreOneEnglishAndOneChinese(value: String) {
        #expect(GlossaryReadOptions.languages(value)?.count == 2)
    }

    @Test(arguments: ["en", "en,de", "en,en", "zh,zh-Hant", "en,zh,note", ""])
    func otherLanguagesAreRefused(value: String) {
        #expect(GlossaryReadOptions.languages(value) == nil)
    }

    // MARK: One bad row

    @Test func aBadRowIsLeftOutWithAWarningOutsideCheck() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.write(Array("slug\t缩略名\norphan term\n".utf8), "g.txt", in: folder)
        let (entries, skipped) = try GlossaryLoader.read(path: path, layer: .user)
        #expect(entries.map(\.english) == ["slug"])
        #expect(skipped.map(\.description) == ["\(path):2:1: warning: no Chinese term (column zh or zh-Hant); left out"])
        // `check` still calls it an error.
        let checked = try GlossaryLoader.check(path: path)
        #expect(checked.diagnostics.map(\.severity) == [.error])
        // So does the set, which keeps the warnings in its cache.
        let cache = folder.appendingPathComponent("cache").path
        let sources = [GlossarySource(path: path, layer: .user)]
        let built = try GlossarySet.load(sources, cacheDirectory: cache)
        let cached = try GlossarySet.load(sources, cacheDirectory: cache)
        #expect(!built.wasCached && cached.wasCached)
        #expect(built.skipped == skipped)
        #expect(cached.skipped == skipped)
    }

    @Test func aFileThatCannotBeReadOrHasNoGoodRowIsStillAnError() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let noGood = try Self.write(Array("en\tzh\n\t算力\nchip\t\n".utf8), "g.tsv", in: folder)
        #expect(throws: GlossaryError.self) { try GlossaryLoader.load(path: noGood, layer: .user) }
        let broken = try Self.write(Array("<martif><text><body><termEntry>".utf8), "g.tbx", in: folder)
        #expect(throws: GlossaryError.self) { try GlossaryLoader.load(path: broken, layer: .user) }
    }

    // MARK: The extension decides

    static let cedictLines = "儲存庫 储存库 [chu3 cun2 ku4] /repository/\n書籤 书签 [shu1 qian1] /bookmark/\n"

    @Test func theExtensionDecidesAndAFileShapedAsAnotherFormatSaysSo() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tsv = try Self.write(Array(Self.cedictLines.utf8), "cedict-terms.tsv", in: folder)
        #expect(GlossaryLoader.format(ofName: tsv) == .tsv)
        let (_, diagnostics) = try GlossaryLoader.check(path: tsv)
        #expect(diagnostics.first?.description == "\(tsv):1:1: error: read as TSV for its name, but it looks like CC-CEDICT; name it .u8 or pass --format cedict")
        #expect(diagnostics.count <= 4)
        // The option overrides the extension.
        let told = try GlossaryLoader.load(path: tsv, layer: .user, options: GlossaryReadOptions(format: .cedict))
        #expect(told.map(\.english) == ["repository", "bookmark"])
        // .txt, .utf8 and unknown extensions are sniffed.
        for name in ["terms.txt", "terms.utf8", "terms"] {
            let path = try Self.write(Array(Self.cedictLines.utf8), name, in: folder)
            #expect(try GlossaryLoader.load(path: path, layer: .user).map(\.english) == ["repository", "bookmark"], "\(name)")
        }
        let csv = try Self.write(Array("en,zh\nbookmark,书签\n".utf8), "terms.txt", in: folder)
        #expect(try GlossaryLoader.load(path: csv, layer: .user).map(\.simplified) == ["书签"])
        // A CSV named .tsv: the hint names CSV, with the option as the command line spells it.
        let misnamed = try Self.write(Array("en,zh\nbookmark,书签\n".utf8), "terms.tsv", in: folder)
        let options = GlossaryReadOptions(formatOption: "--glossary-format")
        #expect(throws: GlossaryError.self) { try GlossaryLoader.load(path: misnamed, layer: .user, options: options) }
        let message = try GlossaryLoader.check(path: misnamed, options: options).diagnostics.first?.message
        #expect(message == "read as TSV for its name, but it looks like CSV; name it .csv or pass --glossary-format csv")
    }

    @Test(arguments: [
        ("Hello, world\nslug\t缩略名\n", GlossaryFormat.tsv),
        ("# OmegaT\nslug\t缩略名\t\n", .tsv),
        ("en,zh\nbank,银行\n", .csv),
        ("\u{FEFF}  <?xml version=\"1.0\"?><martif/>", .tbx),
        ("# CC-CEDICT\n書籤 书签 [shu1 qian1] /bookmark/\n", .cedict),
        ("", .tsv),
    ])
    func contentTellsTheFormatOfAFileItsNameDoesNot(text: String, format: GlossaryFormat) {
        #expect(GlossaryLoader.sniffedFormat(text) == format)
    }

    // MARK: Traditional-only terms

    @Test func anOmegaTGlossaryInTraditionalKeepsItsScript() {
        let text = "repository\t儲存庫\t\nbookmark\t書籤\tbrowser\nbranch\t分支\t\n"
        let (entries, diagnostics) = DuizhaoTSV.read(text, file: "zh_TW.utf8", layer: .user, toSimplified: Self.toSimplified)
        #expect(diagnostics.isEmpty)
        #expect(entries.map(\.traditional) == ["儲存庫", "書籤", "分支"])
        #expect(entries.map(\.simplified) == ["储存库", "书签", "分支"])
        #expect(entries.allSatisfy { $0.simplifiedIsDerived })
        // A Simplified one is left as it is.
        let simplified = DuizhaoTSV.read("repository\t存储库\nbookmark\t书签\n", file: "zh_CN.utf8", layer: .user, toSimplified: Self.toSimplified)
        #expect(simplified.entries.map(\.traditional) == [nil, nil])
        #expect(simplified.entries.map(\.simplifiedIsDerived) == [false, false])
    }

    @Test(arguments: ["zh-Hant", "zh-TW", "zh_TW", "zh-HK"])
    func aTBXInTraditionalIsWrittenBackInTraditional(language: String) throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
            <martif type="TBX"><text><body><termEntry id="t1"><langSet xml:lang="en"><tig><term>repository</term></tig></langSet><langSet xml:lang="\(language)"><tig><term>儲存庫</term></tig></langSet></termEntry></body></text></martif>
            """
        let (entries, diagnostics) = TBX.read(data: Data(xml.utf8), file: "g.tbx", layer: .user, toSimplified: Self.toSimplified)
        #expect(diagnostics.isEmpty)
        #expect(entries.map { "\($0.simplified)/\($0.traditional ?? "")/\($0.simplifiedIsDerived)" } == ["储存库/儲存庫/true"])
        let written = TBX.write(entries)
        #expect(written.contains("<langSec xml:lang=\"zh-Hant\">"))
        #expect(!written.contains("zh-Hans"))
        let again = TBX.read(data: Data(written.utf8), file: "g.tbx", layer: .user, toSimplified: Self.toSimplified)
        #expect(again.entries.map(\.withoutOrigin) == entries.map(\.withoutOrigin))
        // TSV and CSV leave the derived form's cell empty, and read it back derived.
        let tsv = DuizhaoTSV.write(entries)
        #expect(tsv.hasSuffix("repository\t\t儲存庫\t\tterm\t\t\t\n"))
        #expect(DuizhaoTSV.read(tsv, file: "g.tsv", layer: .user, toSimplified: Self.toSimplified).entries.map(\.withoutOrigin) == entries.map(\.withoutOrigin))
        #expect(GlossaryCSV.read(GlossaryCSV.write(entries), file: "g.csv", layer: .user, toSimplified: Self.toSimplified).entries.map(\.withoutOrigin) == entries.map(\.withoutOrigin))
    }

    @Test func aTBXWhoseZhSectionsHoldTraditionalTermsKeepsThem() {
        func tbx(_ terms: [(String, String)], extra: String = "") -> String {
            var xml = "<tbx xmlns=\"urn:iso:std:iso:30042:ed-2\"><text><body>\n"
            for (english, chinese) in terms {
                xml += "<conceptEntry><langSec xml:lang=\"en\"><termSec><term>\(english)</term></termSec></langSec>"
                xml += "\(extra)<langSec xml:lang=\"zh\"><termSec><term>\(chinese)</term></termSec></langSec></conceptEntry>\n"
            }
            return xml + "</body></text></tbx>"
        }
        let traditional = TBX.read(data: Data(tbx([("repository", "儲存庫"), ("branch", "分支")]).utf8), file: "g.tbx", layer: .user, toSimplified: Self.toSimplified)
        #expect(traditional.entries.map { "\($0.simplified)/\($0.traditional ?? "")/\($0.simplifiedIsDerived)" } == ["储存库/儲存庫/true", "分支/分支/true"])
        let simplified = TBX.read(data: Data(tbx([("repository", "存储库"), ("branch", "分支")]).utf8), file: "g.tbx", layer: .user, toSimplified: Self.toSimplified)
        #expect(simplified.entries.map { "\($0.simplified)/\($0.traditional ?? "")/\($0.simplifiedIsDerived)" } == ["存储库//false", "分支//false"])
        // Beside a section that says its script, zh holds variants, as Duizhao writes them.
        let hans = "<langSec xml:lang=\"zh-Hans\"><termSec><term>仓库</term></termSec></langSec>"
        let variants = TBX.read(data: Data(tbx([("repository", "儲存庫")], extra: hans).utf8), file: "g.tbx", layer: .user, toSimplified: Self.toSimplified)
        #expect(variants.entries.map { "\($0.simplified)/\($0.chineseVariants)/\($0.simplifiedIsDerived)" } == ["仓库/[\"儲存庫\"]/false"])
    }

    // MARK: check

    @Test func checkWarnsAboutRealGlossariesRatherThanFailingThem() throws {
        let entries = DuizhaoTSV.read(
            "action\t动作\nactions\t动作\nTileset\t图块集\ntile set\t图块集\nbank\t银行\nchip\t芯片\nbank\t银行业\n",
            file: "zh_CN.txt", layer: .user
        ).entries
        let diagnostics = try GlossaryChecker().check(entries)
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
        #expect(diagnostics.map(\.description) == [
            "zh_CN.txt:1:1: warning: 6 entries have no Traditional form, from 动作 here (ICU suggests 動作) on; add a zh-Hant column if the glossary is to serve Traditional text too",
            "zh_CN.txt:2:1: warning: 动作 is rendered 'actions' here but 'action' on line 1; make one a variant of the other",
            "zh_CN.txt:4:1: warning: 图块集 is rendered 'tile set' here but 'Tileset' on line 3; make one a variant of the other",
            "zh_CN.txt:7:1: warning: 'bank' is 银行业 here but 银行 on line 5; make one a variant of the other",
        ])
    }

    @Test func aDictionarysReadingsAndSensesAreNoConflicts() throws {
        let dictionary = "說 说 [shuo1] /to speak/\n說 说 [shui4] /to persuade/\n表示 表示 [biao3 shi4] /to express/\n表達 表达 [biao3 da2] /to express/\n"
        let (entries, _) = CEDICT.read(dictionary, file: "cedict_ts.u8")
        #expect(entries.count == 4)
        #expect(try GlossaryChecker().check(entries).isEmpty)
        // The same rows in a glossary are conflicts.
        let glossary = entries.map { entry -> GlossaryEntry in
            var copy = entry
            copy.origin.layer = .user
            return copy
        }
        #expect(try GlossaryChecker().check(glossary).count == 2)
    }

    // MARK: Encodings

    static func utf16(_ text: String, bigEndian: Bool, byteOrderMark: Bool = true) -> [UInt8] {
        var bytes: [UInt8] = byteOrderMark ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        return bytes
    }

    @Test(arguments: [false, true])
    func utf16FilesAreReadByTheirByteOrderMark(bigEndian: Bool) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tsv = try Self.write(Self.utf16("en\tzh\r\nbookmark\t书签\r\n", bigEndian: bigEndian), "excel.txt", in: folder)
        #expect(try GlossaryLoader.load(path: tsv, layer: .user).map(\.simplified) == ["书签"])
        let csv = try Self.write(Self.utf16("English,Chinese (Simplified)\nbookmark,书签\n", bigEndian: bigEndian), "g.csv", in: folder)
        #expect(try GlossaryLoader.load(path: csv, layer: .user).map(\.simplified) == ["书签"])
        let xml = Self.pootleTBX.replacingOccurrences(of: "<?xml version=\"1.0\"?>", with: "<?xml version=\"1.0\" encoding=\"UTF-16\"?>")
        let tbx = try Self.write(Self.utf16(xml, bigEndian: bigEndian), "multiterm.tbx", in: folder)
        #expect(try GlossaryLoader.load(path: tbx, layer: .user).map(\.simplified) == ["书签"])
        let unmarked = try Self.write(Self.utf16(xml, bigEndian: bigEndian, byteOrderMark: false), "unmarked.xml", in: folder)
        #expect(try GlossaryLoader.load(path: unmarked, layer: .user).map(\.simplified) == ["书签"])
        let lone = try Self.write(Self.utf16("en\tzh\n", bigEndian: bigEndian) + (bigEndian ? [0xD8, 0x00] : [0x00, 0xD8]), "lone.tsv", in: folder)
        #expect(try GlossaryLoader.check(path: lone).diagnostics.map(\.description) == ["\(lone):2:1: error: invalid UTF-16: a lone surrogate at byte offset 14"])
    }

    @Test func aGB18030TBXWithoutADeclarationSaysHowToConvertIt() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // pootleTBX with 书签 in GB18030 (C7 A9 is 签, CA E9 书).
        let parts = Self.pootleTBX.components(separatedBy: "书签")
        let bytes = Array(parts[0].utf8) + [0xCA, 0xE9, 0xC7, 0xA9] + Array(parts[1].utf8)
        let path = try Self.write(bytes, "gbk.tbx", in: folder)
        let (_, diagnostics) = try GlossaryLoader.check(path: path)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.hasPrefix("not UTF-8: the file looks like GB18030") == true)
    }

    @Test func severalNoteColumnsAreJoined() {
        let csv = "English,Chinese (Simplified),Comment,Definition,Part of speech\nbank,银行,finance,a place for money,noun\nchip,芯片,,semiconductor,noun\n"
        let (entries, diagnostics) = GlossaryCSV.read(csv, file: "g.csv", layer: .user)
        #expect(entries.map(\.note) == ["finance; a place for money", "semiconductor"])
        #expect(diagnostics.map(\.message) == ["unknown column 'Part of speech' is ignored"])
    }

    @Test func aLanguageNamedTwiceIsAnUnknownColumnAndDefinitionsAreNotes() {
        let csv = "English,Chinese,English definition,Chinese (Simplified)\nbank,银行,a place for money,\n"
        let (entries, diagnostics) = GlossaryCSV.read(csv, file: "g.csv", layer: .user)
        #expect(entries.map(\.note) == ["a place for money"])
        #expect(diagnostics.map(\.description) == ["g.csv:1:36: warning: unknown column 'Chinese (Simplified)' is ignored"])
    }

    /// SDL MultiTerm's own XML, as it exports it: UTF-16, `conceptGrp/languageGrp/termGrp`.
    @Test func aMultiTermExportInUTF16IsRead() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let xml = """
            <?xml version="1.0" encoding="UTF-16"?>
            <mtf>
              <conceptGrp>
                <concept>1</concept>
                <descripGrp><descrip type="Definition">where commits are kept</descrip></descripGrp>
                <languageGrp><language type="English" lang="EN-US"/><termGrp><term>repository</term></termGrp></languageGrp>
                <languageGrp><language type="Chinese (Taiwan)" lang="ZH"/><termGrp><term>儲存庫</term></termGrp></languageGrp>
              </conceptGrp>
              <conceptGrp>
                <concept>2</concept>
                <languageGrp><language type="English" lang="EN"/><termGrp><term>bookmark</term></termGrp></languageGrp>
                <languageGrp><language type="Chinese" lang="ZH-CN"/><termGrp><term>书签</term>
                  <descripGrp><descrip type="Note">browser</descrip></descripGrp></termGrp></languageGrp>
              </conceptGrp>
              <conceptGrp>
                <languageGrp><language type="German" lang="DE"/><termGrp><term>Lesezeichen</term></termGrp></languageGrp>
                <languageGrp><language type="English" lang="EN"/><termGrp><term>bookmark</term></termGrp></languageGrp>
              </conceptGrp>
            </mtf>
            """
        let path = try Self.write(Self.utf16(xml, bigEndian: false), "multiterm.xml", in: folder)
        let (entries, skipped) = try GlossaryLoader.read(path: path, layer: .user)
        #expect(entries.map { "\($0.english)=\($0.simplified)/\($0.traditional ?? "")/\($0.note ?? "")" } == [
            "repository=储存库/儲存庫/where commits are kept", "bookmark=书签//browser",
        ])
        #expect(skipped.map(\.message) == ["conceptGrp without an id has no Chinese term (a languageGrp with xml:lang zh, zh-Hans or zh-Hant); left out"])
    }

    @Test func aGB18030FileSaysHowToConvertIt() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // "en\tzh\nbank\t银行\n" in GB18030.
        let bytes = Array("en\tzh\nbank\t".utf8) + [0xD2, 0xF8, 0xD0, 0xD0, 0x0A]
        let path = try Self.write(bytes, "gbk.tsv", in: folder)
        let (entries, diagnostics) = try GlossaryLoader.check(path: path)
        #expect(entries.isEmpty)
        let converted = folder.appendingPathComponent("gbk-utf8.tsv").path
        #expect(diagnostics.map(\.description) == [
            "\(path):2:6: error: not UTF-8: the file looks like GB18030 (GBK, GB2312; or Big5 for Traditional Chinese); convert it to UTF-8 first: iconv -f GB18030 -t UTF-8 '\(path)' > '\(converted)'"
        ])
        #expect(GlossaryEncoding.legacyChineseEncoding(Array("a\u{FF}".utf8) + [0xFF]) == nil)
        let broken = try Self.write(Array("en\tzh\n".utf8) + [0xC3, 0x28], "broken.tsv", in: folder)
        #expect(try GlossaryLoader.check(path: broken).diagnostics.map(\.description) == ["\(broken):2:1: error: invalid UTF-8 at byte offset 6"])
    }
}
