import DuizhaoText
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@testable import DuizhaoGlossary

@Suite struct TBXTests {
    static func read(_ xml: String, file: String = "g.tbx") -> (entries: [GlossaryEntry], diagnostics: [GlossaryDiagnostic]) {
        TBX.read(data: Data(xml.utf8), file: file, layer: .user)
    }

    static func temporaryURL(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-\(UUID())-\(name)")
    }

    // MARK: Samples from other tools

    /// TBX-Basic v3, DCA style, as a terminology tool would export it.
    static let basicV3 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>
        <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
          <tbxHeader>
            <fileDesc>
              <sourceDesc><p>Sample written for Duizhao's tests</p></sourceDesc>
            </fileDesc>
          </tbxHeader>
          <text>
            <body>
              <conceptEntry id="tsmc">
                <descrip type="subjectField">semiconductors</descrip>
                <langSec xml:lang="en-US">
                  <descrip type="definition">world's largest contract chip maker</descrip>
                  <termSec>
                    <term>TSMC</term>
                    <termNote type="partOfSpeech">properNoun</termNote>
                    <termNote type="termType">acronym</termNote>
                  </termSec>
                  <termSec>
                    <term>Taiwan Semiconductor Manufacturing Company</term>
                    <termNote type="termType">fullForm</termNote>
                  </termSec>
                </langSec>
                <langSec xml:lang="fr">
                  <descrip type="definition">fondeur de puces</descrip>
                  <termSec><term>TSMC</term></termSec>
                </langSec>
                <langSec xml:lang="zh-CN">
                  <termSec><term>台积电</term></termSec>
                  <termSec><term>台湾积体电路制造</term></termSec>
                </langSec>
                <langSec xml:lang="zh-TW">
                  <termSec><term>台積電</term></termSec>
                  <termSec><term>臺積電</term></termSec>
                </langSec>
              </conceptEntry>
              <conceptEntry id="agi">
                <note>also "strong AI" &amp; &lt;AGI&gt; &#x2014; see below</note>
                <langSec xml:lang="en">
                  <termSec>
                    <term>artificial general intelligence</term>
                    <termNote type="partOfSpeech">noun</termNote>
                  </termSec>
                </langSec>
                <langSec xml:lang="zh-Hans-CN">
                  <termSec><term><![CDATA[通用人工智能]]></term></termSec>
                </langSec>
              </conceptEntry>
            </body>
          </text>
        </tbx>
        """

    @Test func readsTBXBasicV3() {
        let (entries, diagnostics) = Self.read(Self.basicV3)
        #expect(diagnostics.isEmpty)
        #expect(entries.count == 2)
        let tsmc = entries[0]
        #expect(tsmc.english == "TSMC")
        #expect(tsmc.englishVariants == ["Taiwan Semiconductor Manufacturing Company"])
        #expect(tsmc.simplified == "台积电")
        #expect(tsmc.traditional == "台積電")
        #expect(tsmc.chineseVariants == ["台湾积体电路制造", "臺積電"])
        #expect(tsmc.type == .other)
        #expect(tsmc.note == "world's largest contract chip maker")
        #expect(tsmc.pinyin == nil)
        #expect(tsmc.origin == EntryOrigin(file: "g.tbx", line: 11, layer: .user))
        let agi = entries[1]
        #expect(agi.english == "artificial general intelligence")
        #expect(agi.simplified == "通用人工智能")
        #expect(agi.traditional == nil)
        #expect(agi.type == .term)
        #expect(agi.note == "also \"strong AI\" & <AGI> — see below")
        #expect(agi.origin.line == 38)
    }

    /// TBX-Core v3: terms only, with a namespace prefix for good measure.
    @Test func readsTBXCoreV3() {
        let xml = """
            <tbx:tbx type="TBX-Core" style="dca" xml:lang="en" xmlns:tbx="urn:iso:std:iso:30042:ed-2">
            <tbx:tbxHeader><tbx:fileDesc><tbx:sourceDesc><tbx:p>core</tbx:p></tbx:sourceDesc></tbx:fileDesc></tbx:tbxHeader>
            <tbx:text><tbx:body>
            <tbx:conceptEntry id="c1"><tbx:langSec xml:lang="en"><tbx:termSec><tbx:term>computing power</tbx:term></tbx:termSec></tbx:langSec>
            <tbx:langSec xml:lang="zh"><tbx:termSec><tbx:term>算力</tbx:term></tbx:termSec></tbx:langSec></tbx:conceptEntry>
            </tbx:body></tbx:text></tbx:tbx>
            """
        let (entries, diagnostics) = Self.read(xml)
        #expect(diagnostics.isEmpty)
        #expect(entries.map(\.english) == ["computing power"])
        #expect(entries.first?.simplified == "算力")
        #expect(entries.first?.origin.line == 4)
    }

    /// DCT style names data categories by element (`<basic:partOfSpeech>`).
    @Test func readsDCTStyleCategories() {
        let xml = """
            <tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2" xmlns:basic="http://www.tbxinfo.net/ns/basic">
            <tbxHeader><fileDesc><sourceDesc><p>dct</p></sourceDesc></fileDesc></tbxHeader>
            <text><body>
            <conceptEntry id="c1">
            <langSec xml:lang="en"><basic:definition>search engine company</basic:definition>
            <termSec><term>Baidu</term><basic:partOfSpeech>properNoun</basic:partOfSpeech><basic:customerSubset>organization</basic:customerSubset></termSec></langSec>
            <langSec xml:lang="zh-Hans"><termSec><term>百度</term></termSec></langSec>
            </conceptEntry>
            </body></text></tbx>
            """
        let (entries, diagnostics) = Self.read(xml)
        #expect(diagnostics.isEmpty)
        #expect(entries.first?.type == .organization)
        #expect(entries.first?.note == "search engine company")
    }

    /// TBX v2 ("martif"), with both `tig` and `ntig/termGrp`.
    static let martif = """
        <?xml version="1.0" encoding="UTF-8"?>
        <martif type="TBX-Basic" xml:lang="en-US">
          <martifHeader>
            <fileDesc><sourceDesc><p>TBX v2 sample written for Duizhao's tests</p></sourceDesc></fileDesc>
            <encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc>
          </martifHeader>
          <text>
            <body>
              <termEntry id="te1">
                <descrip type="definition">founder of 360 Group</descrip>
                <langSet xml:lang="en">
                  <tig>
                    <term>Zhou Hongyi</term>
                    <termNote type="partOfSpeech">properNoun</termNote>
                  </tig>
                  <ntig>
                    <termGrp><term>Hongyi Zhou</term></termGrp>
                  </ntig>
                </langSet>
                <langSet xml:lang="zh-cn"><tig><term>周鸿祎</term></tig></langSet>
                <langSet xml:lang="zh-hk"><tig><term>周鴻禕</term></tig></langSet>
              </termEntry>
              <termEntry id="te2">
                <langSet lang="en"><tig><term>Moonshot AI</term></tig></langSet>
                <langSet lang="zh"><ntig><termGrp><term>月之暗面</term><termNote type="termType">fullForm</termNote></termGrp></ntig></langSet>
                <langSet lang="zh-Latn-pinyin"><tig><term>Yuèzhī Ànmiàn</term></tig></langSet>
                <langSet lang="en"><tig><note>a note on a term</note></tig></langSet>
              </termEntry>
            </body>
          </text>
        </martif>
        """

    @Test func readsTBXV2() {
        let (entries, diagnostics) = Self.read(Self.martif)
        #expect(diagnostics.isEmpty)
        #expect(entries.count == 2)
        #expect(entries[0].english == "Zhou Hongyi")
        #expect(entries[0].englishVariants == ["Hongyi Zhou"])
        #expect(entries[0].simplified == "周鸿祎")
        #expect(entries[0].traditional == "周鴻禕")
        #expect(entries[0].type == .other)
        #expect(entries[0].note == "founder of 360 Group")
        #expect(entries[0].origin.line == 9)
        #expect(entries[1].english == "Moonshot AI")
        #expect(entries[1].simplified == "月之暗面")
        #expect(entries[1].pinyin == "Yuèzhī Ànmiàn")
        #expect(entries[1].note == "a note on a term")
        #expect(entries[1].origin.line == 23)
    }

    @Test(arguments: [
        ("en", TBX.LanguageRole.english), ("EN-gb", .english), ("zh", .chinese), ("ZHO", .chinese), ("zh-CN", .simplified),
        ("zh-SG", .simplified), ("zh-Hans", .simplified), ("zh-Hans-HK", .simplified), ("zh-TW", .traditional),
        ("zh-HK", .traditional), ("zh-MO", .traditional), ("zh-Hant", .traditional), ("zh_Hant_TW", .traditional),
        ("zh_tw", .traditional), ("zh_CN", .simplified),
        ("zh-Latn-pinyin", .pinyin), ("zh-Latn", .pinyin), ("fr", .other), ("ja", .other), ("", .other),
    ])
    func languagesByTag(tag: String, role: TBX.LanguageRole) {
        #expect(TBX.LanguageRole(tag: tag) == role)
    }

    @Test func entriesLackingALanguageAreReportedAndTheRestRead() {
        let xml = """
            <tbx type="TBX-Core" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
            <text><body>
            <conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>chip</term></termSec></langSec></conceptEntry>
            <conceptEntry id="c2">
              <langSec xml:lang="zh"><termSec><term>芯片</term></termSec></langSec>
              <langSec xml:lang="de"><termSec><term>Chip</term></termSec></langSec>
            </conceptEntry>
            <conceptEntry id="c3"><langSec xml:lang="en"><termSec><term>chip</term></termSec></langSec><langSec xml:lang="zh"><termSec><term>芯片</term></termSec></langSec></conceptEntry>
            <conceptEntry><langSec xml:lang="en"><termSec><term>  </term></termSec></langSec></conceptEntry>
            </body></text></tbx>
            """
        let (entries, diagnostics) = Self.read(xml, file: "bad.tbx")
        #expect(entries.map(\.english) == ["chip"])
        #expect(entries.first?.origin.line == 8)
        // The column is where the entry's start tag ends, which is where the parser tells.
        #expect(diagnostics.map(\.description) == [
            "bad.tbx:3:22: error: conceptEntry 'c1' has no Chinese term (a langSec with xml:lang zh, zh-Hans or zh-Hant)",
            "bad.tbx:4:22: error: conceptEntry 'c2' has no English term (a langSec with xml:lang en)",
            "bad.tbx:9:14: error: conceptEntry without an id has no Chinese term (a langSec with xml:lang zh, zh-Hans or zh-Hant)",
        ])
    }

    // MARK: Malformed and refused files

    @Test(arguments: [
        ("<tbx><text><body>\n<conceptEntry id=\"c1\">\n</langSec></conceptEntry></body></text></tbx>", 3, "opening and ending tag mismatch"),
        ("<tbx><text><body>\n<conceptEntry id=\"c1\"><note>a & b</note>", 2, "name expected"),
        ("<tbx><text><body>\n<conceptEntry id=\"c1\"><note>&nbsp;</note>", 2, "undeclared entity"),
        ("<tbx><text><body>\n<conceptEntry id=\"c1\" id=\"c2\">", 2, "attribute given twice"),
        ("<tbx><text><body><conceptEntry>\n\n", 3, "the file ends inside an element"),
        ("<tbx/>\n<tbx/>", 2, "the file ends inside an element, or has content after the root element"),
        ("just text, not XML", 1, "no start tag"),
    ])
    func malformedXMLIsOneDiagnosticWithPosition(xml: String, line: Int, message: String) {
        let (entries, diagnostics) = Self.read(xml, file: "bad.tbx")
        #expect(entries.isEmpty)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.line == line)
        #expect(diagnostics.first?.severity == .error)
        #expect(diagnostics.first?.message.hasPrefix("malformed XML: \(message)") == true, "\(diagnostics)")
    }

    @Test func entriesBeforeAnXMLErrorAreKept() {
        let xml = Self.basicV3.replacingOccurrences(of: "<conceptEntry id=\"agi\">", with: "<conceptEntry id=\"agi\"><broken>")
        let (entries, diagnostics) = Self.read(xml)
        #expect(entries.map(\.english) == ["TSMC"])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.description.hasPrefix("g.tbx:49:") == true, "\(diagnostics)")
    }

    @Test(arguments: [
        ("", "no root element: the file is empty or not XML"),
        ("<a>", "no root element: the file is empty or not XML"),
        ("<?xml version=\"1.0\"?>\n<glossary><entry/></glossary>", "not a TBX file: the root element is <glossary>, not <tbx> (TBX v3), <martif> (TBX v2) or <mtf> (MultiTerm XML)"),
    ])
    func notTBX(xml: String, message: String) {
        let (entries, diagnostics) = Self.read(xml)
        #expect(entries.isEmpty)
        #expect(diagnostics.map(\.message) == [message])
    }

    static let dtdMessage =
        "DTDs and entity declarations are not accepted (a TBX file needs none, and their entities can expand without bound or read local files)"

    static let hostile: [(name: String, xml: String, line: Int, column: Int)] = [
        (
            "doctype with an internal subset",
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd" [ ]>
            <martif type="TBX"><text><body/></text></martif>
            """,
            2, 1
        ),
        (
            "xxe",
            """
            <?xml version="1.0"?>
            <!-- a comment first -->  <!DOCTYPE tbx [
              <!ENTITY xxe SYSTEM "file:///etc/passwd">
            ]>
            <tbx><text><body><conceptEntry id="c1">
            <langSec xml:lang="en"><termSec><term>&xxe;</term></termSec></langSec>
            <langSec xml:lang="zh"><termSec><term>密码</term></termSec></langSec>
            </conceptEntry></body></text></tbx>
            """,
            2, 27
        ),
        (
            "billion laughs",
            """
            \u{FEFF}<?xml version="1.0"?>
            <!DOCTYPE lolz [
             <!ENTITY lol "lol">
             <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
             <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
             <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
             <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
             <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
             <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
             <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
             <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
             <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <tbx><text><body><conceptEntry id="c1">
            <langSec xml:lang="en"><termSec><term>&lol9;</term></termSec></langSec>
            <langSec xml:lang="zh"><termSec><term>笑</term></termSec></langSec>
            </conceptEntry></body></text></tbx>
            """,
            2, 1
        ),
        ("entity without doctype", "<!ENTITY e \"x\">\n<tbx/>", 1, 1),
        ("lowercase doctype", "<!doctype tbx>\n<tbx/>", 1, 1),
    ]

    @Test(arguments: hostile.indices)
    func declarationsAreRefusedFromMemory(index: Int) {
        let sample = Self.hostile[index]
        // Refused before the parser sees it: no entity is expanded (an expansion would show as
        // an entry, or never end), and the message names the declaration's place.
        let (entries, diagnostics) = Self.read(sample.xml, file: "hostile.tbx")
        #expect(entries.isEmpty, "\(sample.name)")
        #expect(diagnostics.map(\.description) == ["hostile.tbx:\(sample.line):\(sample.column): error: \(Self.dtdMessage)"], "\(sample.name)")
    }

    @Test(arguments: hostile.indices)
    func declarationsAreRefusedFromFiles(index: Int) throws {
        let sample = Self.hostile[index]
        let url = Self.temporaryURL("hostile.tbx")
        try Data(sample.xml.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let (entries, diagnostics) = TBX.read(contentsOf: url, layer: .user)
        #expect(entries.isEmpty)
        #expect(diagnostics.map(\.description) == ["\(url.path):\(sample.line):\(sample.column): error: \(Self.dtdMessage)"])
    }

    /// One concept, with `extra` inside its body.
    static func concept(with extra: String) -> String {
        """
        <?xml version="1.0"?>
        <tbx type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
        <conceptEntry id="c1">\(extra)
        <langSec xml:lang="en"><termSec><term>bank</term></termSec></langSec>
        <langSec xml:lang="zh"><termSec><term>银行</term></termSec></langSec>
        </conceptEntry></body></text></tbx>
        """
    }

    /// Found by fuzzing: Foundation's parser on Linux crashed (a null pointer read) on `<?x?>`.
    @Test(arguments: [
        ("<?x?>\n" + concept(with: ""), 1, 1),
        (concept(with: "<?pi?>"), 3, 23),
        (concept(with: "<!-- <?a b?> --><![CDATA[x]]><?a-b.c?>"), 3, 52),
    ])
    func anInstructionWithoutDataIsRefused(xml: String, line: Int, column: Int) throws {
        let (entries, diagnostics) = Self.read(xml, file: "pi.tbx")
        #expect(entries.isEmpty)
        let message = "pi.tbx:\(line):\(column): error: \(TBX.Prolog.emptyInstructionMessage)"
        #expect(diagnostics.map(\.description) == [message])
        let url = Self.temporaryURL("pi.tbx")
        try Data(xml.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(TBX.read(contentsOf: url, file: "pi.tbx", layer: .user).diagnostics.map(\.description) == [message])
    }

    @Test(arguments: ["<?pi data?>", "<?pi ?>", "<!-- <?x?> -->", "<![CDATA[<?x?>]]>", "<?xml-model href=\"tbx.rng\"?>"])
    func instructionsWithDataCommentsAndCDATAStillRead(extra: String) {
        let (entries, diagnostics) = Self.read(Self.concept(with: extra))
        #expect(diagnostics.isEmpty)
        #expect(entries.map(\.english) == ["bank"])
    }

    @Test func aDeclarationAfterAPaddedPrologIsStillRefused() {
        let padding = String(repeating: "<!-- padding -->\n", count: 3_000)
        let xml = "<?xml version=\"1.0\"?>\n" + padding + "<!DOCTYPE tbx [<!ENTITY e \"x\">]>\n<tbx/>"
        let (_, diagnostics) = Self.read(xml)
        #expect(diagnostics.map(\.message) == [Self.dtdMessage])
        #expect(diagnostics.first?.line == 3_002)
        let longer = "<?xml version=\"1.0\"?>\n" + padding + padding + "<!DOCTYPE tbx [<!ENTITY e \"x\">]>\n<tbx/>"
        let (_, refused) = Self.read(longer)
        #expect(refused.map(\.message) == ["the XML prolog (before the root element) is longer than 64 KB"])
    }

    @Test(arguments: [
        "<?xml version=\"1.0\" encoding=\"UTF-16\"?><tbx/>",
        "<?xml version='1.0' encoding='ebcdic-cp-us'?><tbx/>",
    ])
    func encodingsTheScanCannotReadAreRefused(xml: String) {
        let (entries, diagnostics) = Self.read(xml)
        #expect(entries.isEmpty)
        #expect(diagnostics.first?.message.hasPrefix("only UTF-8 TBX files are read") == true)
        let utf16 = TBX.read(data: Data([0xFF, 0xFE, 0x3C, 0x00, 0x74, 0x00, 0x62, 0x00, 0x78, 0x00]), file: "g.tbx", layer: .user)
        #expect(utf16.diagnostics.map(\.message) == ["only UTF-8 TBX files are read (this one looks like UTF-16, UTF-32 or EBCDIC)"])
    }

    @Test func aMissingFileIsADiagnostic() {
        let url = Self.temporaryURL("missing.tbx")
        let (entries, diagnostics) = TBX.read(contentsOf: url, layer: .user)
        #expect(entries.isEmpty)
        #expect(diagnostics.first?.message.hasPrefix("cannot read the file") == true)
    }

    // MARK: Writing and round trips

    @Test func writesWellFormedTBXBasicV3() throws {
        let origin = EntryOrigin(file: "", line: 0, layer: .user)
        let entries = [
            GlossaryEntry(
                english: "Zhou Hongyi", englishVariants: ["Hongyi Zhou"], simplified: "周鸿祎", traditional: "周鴻禕",
                pinyin: "Zhōu Hóngyī", type: .person, note: "founder of <360> & \"Qihoo\"", origin: origin)
        ]
        let xml = TBX.write(entries)
        #expect(xml.hasPrefix("""
            <?xml version="1.0" encoding="UTF-8"?>
            <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
              <tbxHeader>
                <fileDesc>
                  <sourceDesc>
            """))
        #expect(xml.contains("<conceptEntry id=\"c1\">"))
        #expect(xml.contains("<note>founder of &lt;360&gt; &amp; &quot;Qihoo&quot;</note>"))
        #expect(xml.contains("<langSec xml:lang=\"zh-Latn-pinyin\">"))
        #expect(xml.contains("<termNote type=\"partOfSpeech\">properNoun</termNote>"))
        #expect(xml.contains("<admin type=\"customerSubset\">person</admin>"))
        #expect(xml.hasSuffix("      </conceptEntry>\n    </body>\n  </text>\n</tbx>\n"))
        // Well-formed, and in the expected tree: every term in termSec/langSec/conceptEntry/body/text/tbx.
        let document = try XMLDocument(data: Data(xml.utf8))
        #expect(document.rootElement()?.name == "tbx")
        #expect(try document.nodes(forXPath: "/*/@type").map(\.stringValue) == ["TBX-Basic"])
        #expect(try document.nodes(forXPath: "/*/@style").map(\.stringValue) == ["dca"])
        let concepts = try document.nodes(forXPath: "/*[local-name()='tbx']/*[local-name()='text']/*[local-name()='body']/*[local-name()='conceptEntry']")
        #expect(concepts.count == 1)
        let terms = try document.nodes(forXPath: "//*[local-name()='conceptEntry']/*[local-name()='langSec']/*[local-name()='termSec']/*[local-name()='term']")
        #expect(terms.compactMap(\.stringValue) == ["Zhou Hongyi", "Hongyi Zhou", "周鸿祎", "周鴻禕", "Zhōu Hóngyī"])
    }

    @Test func roundTripTSVToTBXToEntries() throws {
        let (entries, tsvDiagnostics) = DuizhaoTSV.read(GlossaryCSVTests.tsv, file: "g.tsv", layer: .user)
        #expect(tsvDiagnostics.isEmpty)
        let xml = TBX.write(entries)
        let (again, diagnostics) = Self.read(xml)
        #expect(diagnostics.isEmpty)
        #expect(again.map(\.withoutOrigin) == entries.map(\.withoutOrigin))
        #expect(TBX.write(again) == xml)
        let lines = xml.split(separator: "\n", omittingEmptySubsequences: false)
        for entry in again {
            #expect(lines[entry.origin.line - 1].contains("<conceptEntry id="))
        }
    }

    @Test func roundTripKeepsEveryFieldAndAwkwardText() {
        let origin = EntryOrigin(file: "", line: 0, layer: .user)
        var entries = TermType.allCases.map { type in
            GlossaryEntry(english: "name of a \(type)", simplified: "名", type: type, origin: origin)
        }
        entries.append(
            GlossaryEntry(
                english: "a <b> & \"c\" 'd'", englishVariants: ["e\r\nf", "g\th"], simplified: "甲&乙", traditional: "臺",
                chineseVariants: ["台", "丙]]>"], pinyin: "jiǎ & yǐ", type: .product, note: "line 1\nline 2\r\nline 3", origin: origin))
        let (again, diagnostics) = Self.read(TBX.write(entries))
        #expect(diagnostics.isEmpty)
        #expect(again.map(\.withoutOrigin) == entries.map(\.withoutOrigin))
    }

    @Test func charactersXMLCannotHoldAreLeftOut() {
        let origin = EntryOrigin(file: "", line: 0, layer: .user)
        let entries = [GlossaryEntry(english: "bell\u{7}", simplified: "铃\u{0}", note: "a\u{FFFF}b", origin: origin)]
        let (again, diagnostics) = Self.read(TBX.write(entries))
        #expect(diagnostics.isEmpty)
        #expect(again.first?.english == "bell")
        #expect(again.first?.simplified == "铃")
        #expect(again.first?.note == "ab")
    }

    @Test func theShippedGlossaryRoundTrips() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Glossaries/china-tech.tsv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return }
        let (entries, _) = DuizhaoTSV.read(text, file: "china-tech.tsv", layer: .shipped)
        let (again, diagnostics) = Self.read(TBX.write(entries), file: "china-tech.tbx")
        #expect(diagnostics.isEmpty)
        #expect(again.map(\.withoutOrigin) == entries.map(\.withoutOrigin))
    }

    // MARK: Size

    /// Above 10,000,000 bytes `XMLParser(data:)` fails on Linux; the reader streams instead.
    @Test func readsAFileOfMoreThanTenMegabytes() throws {
        let origin = EntryOrigin(file: "", line: 0, layer: .user)
        let count = 60_000
        let entries = (0..<count).map { index in
            index.isMultiple(of: 100)
                ? GlossaryEntry(
                    english: "term number \(index)", englishVariants: ["variant \(index)"], simplified: "术语\(index)",
                    traditional: "術語\(index)", chineseVariants: ["术语 \(index)"], pinyin: "shùyǔ \(index)", type: .person,
                    note: "generated entry \(index) for the streaming test", origin: origin)
                : GlossaryEntry(english: "term number \(index)", simplified: "术语\(index)", origin: origin)
        }
        let url = Self.temporaryURL("large.tbx")
        try Data(TBX.write(entries).utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
        #expect(size > 10_000_000)
        let (read, diagnostics) = TBX.read(contentsOf: url, layer: .user)
        #expect(diagnostics.isEmpty)
        try #require(read.count == count)
        #expect(read.last?.english == "term number \(count - 1)")
        #expect(read.last?.simplified == "术语\(count - 1)")
        #expect(read.last?.origin.file == url.path)
        #expect(read[1000].withoutOrigin == entries[1000].withoutOrigin)
    }
}
