import DuizhaoText
import Foundation
import Testing

@testable import DuizhaoGlossary

/// People's roles (`GlossaryEntry.roles`): the `roles` cell, its round trips through TSV, CSV
/// and TBX, the compiled cache, and the matcher.
@Suite struct GlossaryRoleTests {
    static let tsv = """
        en\tzh\tzh-Hant\tpinyin\ttype\ten-variants\tzh-variants\tnote\troles
        Zhou Hongyi\t周鸿祎\t周鴻禕\tZhōu Hóngyī\tperson\t\t\tfounder of 360 Group\t360集团创办人=founder of 360 Group|360集团董事长=chairman of 360 Group
        360 Group\t360集团\t360集團\t\torganization\t\t\t
        Lei Jun\t雷军\t雷軍\tLéi Jūn\tperson\t\t\t\t小米创始人
        """

    static let expected: [GlossaryEntry.Role] = [
        .init(chinese: "360集团创办人", english: "founder of 360 Group"), .init(chinese: "360集团董事长", english: "chairman of 360 Group"),
    ]

    @Test func readsTheRolesCell() {
        let (entries, diagnostics) = DuizhaoTSV.read(Self.tsv, file: "g.tsv", layer: .user)
        #expect(diagnostics.isEmpty)
        #expect(entries.map(\.roles) == [Self.expected, [], [.init(chinese: "小米创始人")]])
    }

    @Test func aFileWithoutTheColumnReadsAsBefore() {
        let old = """
            en\tzh\tzh-Hant\tpinyin\ttype\ten-variants\tzh-variants\tnote
            Zhou Hongyi\t周鸿祎\t周鴻禕\tZhōu Hóngyī\tperson\t\t\tfounder of 360 Group
            """
        let (entries, diagnostics) = DuizhaoTSV.read(old, file: "g.tsv", layer: .user)
        #expect(diagnostics.isEmpty)
        #expect(entries.count == 1 && entries[0].roles.isEmpty && entries[0].note == "founder of 360 Group")
    }

    @Test func roundTripsThroughTSVCSVAndTBX() throws {
        let (entries, _) = DuizhaoTSV.read(Self.tsv, file: "g.tsv", layer: .user)
        let tsv = DuizhaoTSV.read(DuizhaoTSV.write(entries), file: "g.tsv", layer: .user)
        let csv = GlossaryCSV.read(GlossaryCSV.write(entries), file: "g.csv", layer: .user)
        let xml = TBX.write(entries)
        let tbx = TBX.read(data: Data(xml.utf8), file: "g.tbx", layer: .user)
        for (name, read) in [("tsv", tsv), ("csv", csv), ("tbx", tbx)] {
            #expect(read.diagnostics.isEmpty, "\(name)")
            #expect(read.entries.map(\.withoutOrigin) == entries.map(\.withoutOrigin), "\(name)")
        }
        // Roles are notes of their own in TBX, and the note stays the note.
        #expect(xml.contains("<note>role: 360集团创办人=founder of 360 Group</note>"))
        #expect(tbx.entries[0].note == "founder of 360 Group")
    }

    @Test(arguments: [
        ("360集团创办人=", 43, "role '360集团创办人' has '=' but no English after it"),
        ("founder=创办人", 43, "role 'founder' has no Chinese characters"),
        ("360集团创办人=a=b", 43, "more than one '='"),
        ("=founder", 43, "has no Chinese before '='"),
        ("360集团创办人=创办人", 43, "the English of role '360集团创办人' is Chinese"),
        ("360集团董事长| founder", 53, "role 'founder' has no Chinese characters"),
    ])
    func aBadRolesCellIsAnErrorAtItsPlace(cell: String, column: Int, message: String) throws {
        let text = "en\tzh\tzh-Hant\tpinyin\ttype\ten-variants\tzh-variants\tnote\troles\n"
            + "Zhou Hongyi\t周鸿祎\t周鴻禕\tZhōu Hóngyī\tperson\t\t\t\t\(cell)\n"
            + "360 Group\t360集团\t360集團\t\torganization\t\t\t\t\n"
        for (format, read) in [
            ("tsv", DuizhaoTSV.read(text, file: "g.tsv", layer: .user)),
            ("csv", GlossaryCSV.read(text.replacingOccurrences(of: "\t", with: ","), file: "g.csv", layer: .user)),
        ] {
            let diagnostic = try #require(read.diagnostics.first, "\(format)")
            #expect(read.diagnostics.count == 1)
            #expect(diagnostic.severity == .error)
            #expect(diagnostic.line == 2)
            #expect(diagnostic.column == column, "\(format)")
            #expect(diagnostic.message.contains(message), "\(format): \(diagnostic.message)")
            // The bad row is left out, the others kept.
            #expect(read.entries.map(\.english) == ["360 Group"])
        }
    }

    @Test func aBadRoleNoteInTBXLeavesTheConceptOutWithItsPlace() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
              <text><body>
                <conceptEntry id="c1">
                  <note>role: founder=创办人</note>
                  <langSec xml:lang="en"><termSec><term>Zhou Hongyi</term></termSec></langSec>
                  <langSec xml:lang="zh-Hans"><termSec><term>周鸿祎</term></termSec></langSec>
                </conceptEntry>
                <conceptEntry id="c2">
                  <note>Role models matter</note>
                  <langSec xml:lang="en"><termSec><term>360 Group</term></termSec></langSec>
                  <langSec xml:lang="zh-Hans"><termSec><term>360集团</term></termSec></langSec>
                </conceptEntry>
              </body></text>
            </tbx>
            """
        let (entries, diagnostics) = TBX.read(data: Data(xml.utf8), file: "g.tbx", layer: .user)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(diagnostic.line == 5)
        #expect(diagnostic.message.contains("conceptEntry 'c1'") && diagnostic.message.contains("no Chinese characters"))
        // A note that only starts like the prefix is a note.
        #expect(entries.map(\.english) == ["360 Group"])
        #expect(entries[0].note == "Role models matter" && entries[0].roles.isEmpty)
    }

    @Test func aNoteThatReadsLikeARoleStaysANoteInTBX() throws {
        let entry = GlossaryEntry(
            english: "Zhou Hongyi", simplified: "周鸿祎", type: .person, note: "role: founder", roles: [.init(chinese: "360集团创办人")],
            origin: EntryOrigin(file: "g", line: 1, layer: .user))
        let xml = TBX.write([entry])
        let (entries, diagnostics) = TBX.read(data: Data(xml.utf8), file: "g.tbx", layer: .user)
        #expect(diagnostics.isEmpty)
        #expect(entries.map(\.withoutOrigin) == [entry.withoutOrigin])
    }

    @Test func theCompiledCacheKeepsRoles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-roles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("g.tsv").path
        try Data(Self.tsv.utf8).write(to: URL(fileURLWithPath: path))
        let sources = [GlossarySource(path: path, layer: .user)]
        let built = try GlossarySet.load(sources, cacheDirectory: directory.path)
        let cached = try GlossarySet.load(sources, cacheDirectory: directory.path)
        #expect(!built.wasCached && cached.wasCached)
        #expect(cached.termBase.entries.map(\.roles) == built.termBase.entries.map(\.roles))
        #expect(cached.termBase.entries[0].roles == Self.expected)
        let text = "360集團創辦人說，創始人和360集团"
        let found = try cached.matcher.matches(in: text, roles: true).map { (String(text[$0.range]), $0.isRole) }
        #expect(found.first! == ("360集團創辦人", true))
        #expect(found.contains { $0 == ("360集团", false) })
        // Unless asked for, roles do not match: the words they are made of do.
        #expect(try cached.matcher.matches(in: text).allSatisfy { !$0.isRole })
        #expect(try cached.matcher.matches(in: text).first.map { String(text[$0.range]) } == "360集團")
    }

    @Test func rolesMatchAsTheirPersonAndKeepWhatIsInsideThem() throws {
        let (entries, _) = DuizhaoTSV.read(Self.tsv, file: "g.tsv", layer: .user)
        let termBase = try TermBase(entries: entries, normalizer: TextNormalizer())
        let matcher = try TermMatcher(termBase: termBase)
        let text = "360集团创办人表示，the founder of 360 Group and 360 Group agree."
        let matches = try matcher.matches(in: text, roles: true)
        let roles = matches.filter(\.isRole)
        #expect(roles.map { String(text[$0.range]) } == ["360集团创办人", "founder of 360 Group"])
        #expect(roles.allSatisfy { $0.entries.map { termBase.entries[Int($0)].english } == ["Zhou Hongyi"] })
        let inside = try matcher.termsInsideRoles(of: matches, in: text)
        #expect(inside.map { String(text[$0.range]) } == ["360集团", "360 Group"])
        #expect(inside.allSatisfy { !$0.isRole })
        // A plain mention of the company is no role.
        #expect(matches.last.map { String(text[$0.range]) } == "360 Group" && matches.last?.isRole == false)
    }

    @Test func checkWarnsAboutRolesThatCannotWork() throws {
        let text = """
            en\tzh\tzh-Hant\tpinyin\ttype\ten-variants\tzh-variants\tnote\troles
            Zhou Hongyi\t周鸿祎\t周鴻禕\t\tperson\t\t\t\t360集团董事长
            360 Group\t360集团\t360集團\t\torganization\t\t\t\t360集团董事长
            chairman\t董事长\t董事長\t\tterm\t\t\t\t
            Someone\t某人\t某人\t\tperson\t\t\t\t董事长|某公司董事长=chairman|某公司董事長=chair
            """
        let (entries, diagnostics) = DuizhaoTSV.read(text, file: "g.tsv", layer: .user)
        #expect(diagnostics.isEmpty)
        let warnings = try GlossaryChecker().check(entries).map(\.message)
        #expect(warnings.contains { $0.contains("roles are for people, but 360集团 is of type organization") })
        #expect(warnings.contains { $0.contains("role 360集团董事长 is given to 周鸿祎 on line 2 too") })
        #expect(warnings.contains { $0.contains("role 董事长 of 某人 is the term of 董事长 on line 4") })
        #expect(warnings.contains { $0.contains("role 某公司董事長 of 某人 is given twice") })
        #expect(!warnings.contains { $0.contains("周鸿祎") && $0.contains("roles are for people") })
    }
}
