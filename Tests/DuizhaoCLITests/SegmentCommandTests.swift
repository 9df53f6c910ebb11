import Foundation
import Testing

@Suite struct SegmentCommandTests {
    @Test func sentencesOnePerLine() throws {
        let result = try BinaryRunner.run(["segment", BinaryRunner.fixture("mixed.txt")])
        #expect(result.status == 0)
        #expect(result.stdout == """
            Zhou Hongyi met Dr. Li in the U.S. on Feb. 18.
            He said the gap was two years.
            周鸿祎表示：“中美AI差距一两年就能赶上。”
            他很乐观。

            """)
    }

    @Test func sentencesAsJSONLinesHaveByteOffsets() throws {
        let path = BinaryRunner.fixture("mixed.txt")
        let result = try BinaryRunner.run(["segment", "--format", "jsonl", path])
        #expect(result.status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let start = object["start"] as! Int
            let end = object["end"] as! Int
            #expect(String(decoding: bytes[start..<end], as: UTF8.self) == object["text"] as! String)
        }
        #expect(lines[2].contains(#""language":"zh""#))
        #expect(lines[0].contains(#""language":"en""#))
    }

    @Test func wordsFollowTheSIGHANConvention() throws {
        let result = try BinaryRunner.run(["segment", "--unit", "word", "-"], stdin: Data("我们用OpenAI的模型\n\nAI差距\n".utf8))
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4)  // three input lines, the blank one kept, then the final newline
        #expect(lines[0].split(separator: " ").contains("OpenAI"))
        #expect(lines[0].replacingOccurrences(of: " ", with: "") == "我们用OpenAI的模型")
        #expect(lines[1] == "")
    }

    @Test func wordsAsJSONLines() throws {
        let result = try BinaryRunner.run(["segment", "--unit", "word", "--format", "jsonl"], stdin: Data("臺灣 AI".utf8))
        #expect(result.status == 0)
        #expect(result.stdout.contains(#""normalized":"台湾""#))
        #expect(result.stdout.contains(#""pinyin":"#))
        #expect(result.stdout.contains(#""text":"AI","start":7,"end":9,"kind":"latin","normalized":"ai""#))
    }

    @Test func byteOrderMarkAndCRLF() throws {
        let result = try BinaryRunner.run(["segment", BinaryRunner.fixture("bom-crlf.txt")])
        #expect(result.status == 0)
        #expect(result.stdout == "第一行。\nSecond line.\n")
        let words = try BinaryRunner.run(["segment", "--unit", "word", BinaryRunner.fixture("bom-crlf.txt")])
        #expect(words.stdout.split(separator: "\n", omittingEmptySubsequences: false).count == 3)
        #expect(!words.stdout.contains("\r"))
    }

    @Test func invalidUTF8ExitsWithDataError() throws {
        let path = BinaryRunner.fixture("invalid-utf8.txt")
        let result = try BinaryRunner.run(["segment", path])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\(path):2:2: invalid UTF-8 at byte offset 13"))
    }

    @Test func missingFileExitsWithNoInput() throws {
        let result = try BinaryRunner.run(["segment", "/nonexistent/article.txt"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("/nonexistent/article.txt: no such file"))
    }

    @Test func emptyInputPrintsNothing() throws {
        for unit in ["sentence", "word"] {
            let result = try BinaryRunner.run(["segment", "--unit", unit, BinaryRunner.fixture("empty.txt")])
            #expect(result.status == 0)
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func badOptionIsAUsageError() throws {
        let result = try BinaryRunner.run(["segment", "--unit", "paragraph"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("paragraph"))
    }
}

@Suite struct SegmentNumbersAndGlossaryTests {
    @Test func sentencesCarryTheirQuantities() throws {
        let text = "团队不到150人，投入560万美元。The team has fewer than 200 people."
        let result = try BinaryRunner.run(["segment", "--format", "jsonl", "-"], stdin: Data(text.utf8))
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].contains(#"{"text":"不到150人","start":6,"end":18,"kind":"count","qualifier":"lessThan","max":150,"unit":"person"}"#))
        #expect(lines[0].contains(#""text":"560万美元","start":27,"end":39,"kind":"money","qualifier":"exact","min":5600000,"max":5600000,"unit":"USD""#))
        #expect(lines[1].contains(#""text":"fewer than 200 people""#))
    }

    @Test func wordsCarryNumberValues() throws {
        let result = try BinaryRunner.run(["segment", "--unit", "word", "--format", "jsonl", "--icu-only"], stdin: Data("两千 ２０２５".utf8))
        #expect(result.stdout.contains(#""text":"两千","start":0,"end":6,"kind":"han","normalized":"两千","pinyin":"liǎng qiān","value":2000"#))
        #expect(result.stdout.contains(#""text":"２０２５","start":7,"end":19,"kind":"number","normalized":"2025","value":2025"#))
    }

    @Test(arguments: [("2024年", 2024.0), ("12.5％", 12.5), ("第三", 3), ("1,200", 1200), ("两千", 2000)])
    func numbersKeptWithTheirUnitsStillHaveValues(word: String, value: Double) throws {
        let result = try BinaryRunner.run(["segment", "--unit", "word", "--format", "jsonl"], stdin: Data("\(word) 个".utf8))
        #expect(result.status == 0)
        let first = try JSONSerialization.jsonObject(with: Data(result.stdout.split(separator: "\n")[0].utf8)) as! [String: Any]
        #expect(first["text"] as? String == word)
        #expect(first["value"] as? Double == value)
    }

    @Test func glossaryTermsStayWhole() throws {
        let glossary = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-g-\(UUID()).tsv")
        try Data("en\tzh\tzh-Hant\nZhou Hongyi\t周鸿祎\t周鴻禕\n".utf8).write(to: glossary)
        defer { try? FileManager.default.removeItem(at: glossary) }
        let input = Data("周鸿祎说\n周鴻禕說\n".utf8)
        let icu = try BinaryRunner.run(["segment", "--unit", "word", "--icu-only"], stdin: input)
        #expect(!icu.stdout.contains("周鸿祎 "))  // ICU alone splits the name
        let result = try BinaryRunner.run(["segment", "--unit", "word", "--glossary", glossary.path, "--no-dictionary"], stdin: input)
        #expect(result.status == 0)
        #expect(result.stdout == "周鸿祎 说\n周鴻禕 說\n")
    }
}
