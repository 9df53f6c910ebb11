import Foundation
import Testing

@Suite struct LookupCommandTests {
    @Test(arguments: ["周鸿祎", "周鴻禕", "Zhou Hongyi", "zhou hongyi", "zhōu hóngyī", "zhouhongyi", "Zhou Hong"])
    func findsAShippedNameInEveryForm(query: String) throws {
        let result = try BinaryRunner.run(["lookup", query, "--no-dictionary", "--format", "tsv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Zhou Hongyi\t周鸿祎\t周鴻禕\tZhōu Hóngyī\tperson"))
    }

    @Test func tableIsAligned() throws {
        let result = try BinaryRunner.run(["lookup", "台积电", "--no-dictionary"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines[0].hasPrefix("English"))
        #expect(lines[1].hasPrefix("TSMC"))
    }

    @Test func jsonForScripts() throws {
        let result = try BinaryRunner.run(["lookup", "臺積電", "--no-dictionary", "--format", "json"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.split(separator: "\n")[0].utf8)) as! [String: Any]
        #expect(object["en"] as? String == "TSMC")
        #expect(object["layer"] as? String == "shipped")
        #expect((object["origin"] as? String)?.hasPrefix("china-tech.tsv:") == true)
        #expect(object["zh_variants"] as? [String] == ["臺積電", "台湾积体电路制造", "台灣積體電路製造"])
    }

    @Test func nothingFoundExitsOneWithSuggestions() throws {
        let result = try BinaryRunner.run(["lookup", "Zhou Hongyo", "--no-dictionary"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("no entry for 'Zhou Hongyo'; did you mean: Zhou Hongyi"))
    }

    @Test func userGlossaryComesFirst() throws {
        let glossary = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-u-\(UUID()).tsv")
        try Data("en\tzh\nChou Hung-yi\t周鸿祎\n".utf8).write(to: glossary)
        defer { try? FileManager.default.removeItem(at: glossary) }
        let result = try BinaryRunner.run(["lookup", "周鸿祎", "--glossary", glossary.path, "--no-dictionary", "--format", "tsv"])
        let rows = result.stdout.split(separator: "\n")
        #expect(rows[1].hasPrefix("Chou Hung-yi\t"))
        #expect(rows[1].hasSuffix("user \(glossary.lastPathComponent):2"))
        #expect(rows[2].hasPrefix("Zhou Hongyi\t"))
    }

    @Test func badGlossaryListsEveryError() throws {
        let glossary = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-bad-\(UUID()).tsv")
        try Data("en\tzh\ttype\n\t周鸿祎\tperson\nTSMC\t台积电\tcompany\n".utf8).write(to: glossary)
        defer { try? FileManager.default.removeItem(at: glossary) }
        let result = try BinaryRunner.run(["lookup", "x", "--glossary", glossary.path, "--no-dictionary"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(glossary.path):2:1: error: no English term"))
        #expect(result.stderr.contains("\(glossary.path):3:10: error: unknown type 'company'"))
    }

    @Test func emptyQueryIsAUsageError() throws {
        #expect(try BinaryRunner.run(["lookup", "  "]).status == 64)
    }
}

@Suite struct LookupRoleTests {
    @Test func aPersonsRolesAreShown() throws {
        let json = try BinaryRunner.run(["lookup", "周鸿祎", "--no-dictionary", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.split(separator: "\n")[0].utf8)) as! [String: Any]
        let roles = try #require(object["roles"] as? [[String: String]])
        #expect(roles.contains { $0["zh"] == "360集团创办人" && $0["en"] == "founder of 360 Group" })
        let table = try BinaryRunner.run(["lookup", "周鸿祎", "--no-dictionary"])
        #expect(table.stdout.contains("roles: 360集团创始人 (founder of 360 Group)"))
        // An entry without roles has no such field.
        let company = try BinaryRunner.run(["lookup", "360集团", "--no-dictionary", "--format", "json"])
        #expect(!company.stdout.split(separator: "\n")[0].contains("\"roles\""))
    }
}
