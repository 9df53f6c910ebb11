import Foundation
import Testing

/// `lookup` from English through ECDICT's renderings and CC-CEDICT's glosses (a few lines of
/// CC-CEDICT written here, since the tests run without the installed dictionary).
@Suite struct EnglishLookupTests {
    static let dictionary: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-en-lookup-\(UUID()).u8").path
        let lines = [
            "收入 收入 [shou1 ru4] /to take in/income/revenue/",
            "歲入 岁入 [sui4 ru4] /annual revenue/annual income/",
            "營收 营收 [ying2 shou1] /sales/income/revenue/",
            "趕上 赶上 [gan3 shang4] /to keep up with/to catch up with/to overtake/",
            "追趕 追赶 [zhui1 gan3] /to pursue/to chase after/to catch up with/",
            "捕捉 捕捉 [bu3 zhuo1] /to catch/to seize/to capture/",
            "政府 政府 [zheng4 fu3] /government/",
            "采出 采出 [cai3 chu1] /to extract/",
            "貓 猫 [mao1] /cat/",
        ]
        _ = FileManager.default.createFile(atPath: path, contents: Data((lines.joined(separator: "\n") + "\n").utf8))
        return path
    }()

    private func lookup(_ query: String, _ extra: [String] = []) throws -> BinaryRunner.Result {
        try BinaryRunner.run(["lookup", query, "--format", "tsv"] + extra, environment: ["DUIZHAO_DICTIONARY": Self.dictionary])
    }

    /// (简体, origin) of each row.
    private func rows(_ result: BinaryRunner.Result) -> [(zh: String, origin: String)] {
        result.stdout.split(separator: "\n").dropFirst().map { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            return (String(cells[1]), String(cells.last!))
        }
    }

    @Test func revenueGivesTheGlossaryThenWhatBothDictionariesAgreeOnThenTheRest() throws {
        let result = try lookup("revenue")
        #expect(result.status == 0, "\(result.stderr)")
        let found = rows(result)
        #expect(found.map(\.zh).prefix(5) == ["营收", "收入", "岁入", "税收", "税务局"])
        #expect(found[0].origin.hasPrefix("shipped china-tech.tsv:"))
        // Agreement names both layers; an ECDICT-only rendering names ECDICT alone.
        #expect(found[1].origin.hasPrefix("dictionary duizhao-en-lookup-"))
        #expect(found[1].origin.contains("; english-dictionary ecdict-frequent.tsv:"))
        #expect(found[3].origin.hasPrefix("english-dictionary ecdict-frequent.tsv:"))
        // CC-CEDICT's 营收, which ECDICT does not give, comes after ECDICT's own renderings.
        #expect(found.firstIndex { $0.zh == "营收" && $0.origin.hasPrefix("dictionary") }! > 4)
    }

    @Test(arguments: [("governments", "政府"), ("caught", "捕捉"), ("Companies", "公司")])
    func anInflectedFormReachesItsHeadword(_ query: String, _ expected: String) throws {
        let result = try lookup(query)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(rows(result).first?.zh == expected)
    }

    @Test(arguments: ["catch up", "Catch up", "up catch", "to catch up"])
    func aPhraseIsFoundInsideGlossesInAnyOrder(_ query: String) throws {
        let result = try lookup(query)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Set(rows(result).map(\.zh)) == ["赶上", "追赶"])
    }

    @Test func aWordIsFoundInGlossesAsAWholeWord() throws {
        // "cat" stands in "to catch" only as letters: not an answer.
        let found = rows(try lookup("cat", ["--no-ecdict"])).map(\.zh)
        #expect(found.contains("猫"))
        #expect(!found.contains("捕捉"))
    }

    @Test func anEnglishQuerysSuggestionsAreEnglish() throws {
        let result = try lookup("catch upp")
        #expect(result.status == 1)
        #expect(result.stderr.contains("did you mean"))
        #expect(!result.stderr.contains("采出"))
        #expect(!result.stderr.unicodeScalars.contains { $0.properties.isIdeographic })
        // A query that reads as pinyin still gets Chinese suggestions.
        let pinyin = try lookup("zhengfuu")
        #expect(pinyin.stderr.contains("政府 zhèng fǔ"))
    }

    @Test func noEcdictLeavesTheLayerOut() throws {
        let result = try lookup("revenue", ["--no-ecdict"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("english-dictionary"))
        #expect(!rows(result).map(\.zh).contains("税收"))
    }

    @Test func jsonNamesTheLayerAndTheAgreeingOne() throws {
        let result = try BinaryRunner.run(
            ["lookup", "revenue", "--format", "json", "--limit", "3"], environment: ["DUIZHAO_DICTIONARY": Self.dictionary])
        let objects = try result.stdout.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(objects[1]["layer"] as? String == "dictionary")
        #expect((objects[1]["also"] as? [String])?.first?.hasPrefix("english-dictionary ecdict-frequent.tsv:") == true)
        #expect(objects[0]["also"] == nil)
    }

    @Test func aMissingEcdictNamedInTheEnvironmentGetsAHint() throws {
        let result = try BinaryRunner.run(
            ["lookup", "周鸿祎", "--no-dictionary"], environment: ["DUIZHAO_ECDICT": "/nonexistent/ecdict.tsv"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("no ECDICT file at /nonexistent/ecdict.tsv"))
    }
}
