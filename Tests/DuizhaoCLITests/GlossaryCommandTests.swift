import Foundation
import Testing

@Suite struct GlossaryCheckCommandTests {
    @Test func listsEveryProblemOfABrokenFile() throws {
        let path = BinaryRunner.fixture("broken-glossary.tsv")
        let result = try BinaryRunner.run(["glossary", "check", path])
        #expect(result.status == 65)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines == [
            "\(path):4:1: error: no English term (column en)",
            "\(path):5:17: error: no Chinese term (column zh or zh-Hant)",
            "\(path):6:14: error: unknown type 'company' (one of: person, organization, product, place, term, other)",
            "\(path):7:33: error: 6 cells, but the header names 5 columns",
            "\(path):8:1: error: '芯片' in column en is Chinese",
            "\(path):10:1: warning: 芯片 is rendered 'chips' here but 'chip' on line 9; make one a variant of the other",
            "\(path):11:1: warning: no Traditional form for 银行 (ICU suggests 銀行; check it)",
            "\(path):12:1: warning: duplicate of line 3: Zhou Hongyi = 周鸿祎",
            "\(path): 5 entries read",
            "5 errors, 3 warnings",
        ])
    }

    @Test func theShippedGlossaryIsClean() throws {
        let glossary = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Glossaries/china-tech.tsv").path
        let result = try BinaryRunner.run(["glossary", "check", glossary])
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("0 errors, 0 warnings\n"))
    }

    @Test func aBadRolesCellIsAnErrorWithItsPlace() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-roles-\(UUID()).tsv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("en\tzh\ttype\troles\nZhou Hongyi\t周鸿祎\tperson\t360集团创办人=\nTSMC\t台积电\torganization\n".utf8)
            .write(to: URL(fileURLWithPath: path))
        let result = try BinaryRunner.run(["glossary", "check", path])
        #expect(result.status == 65)
        #expect(result.stdout.contains("\(path):2:24: error: role '360集团创办人' has '=' but no English after it"), "\(result.stdout)")
        #expect(result.stdout.contains(": 1 entry read\n1 error, 1 warning\n"))
    }

    @Test func aMissingFileIsAnError() throws {
        let result = try BinaryRunner.run(["glossary", "check", "/nonexistent.tsv"])
        #expect(result.status == 65)
        #expect(result.stdout.contains("/nonexistent.tsv: no such file"))
    }
}

@Suite struct DictionaryInstallCommandTests {
    /// A CC-CEDICT-shaped file of `count` made-up entries, with CRLF line ends as the real one.
    static func dictionary(count: Int) -> String {
        var lines = ["# CC-CEDICT-shaped test data", "銀行 银行 [yin2 hang2] /bank/"]
        for i in 0..<count { lines.append("詞\(i) 词\(i) [ci2 \(i)] /word number \(i)/") }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    @Test func installsPlainAndCompressedFilesAtomically() throws {
        let folder = try BinaryRunner.temporaryFolder("dict")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("cedict.txt")
        try Data(Self.dictionary(count: 1200).utf8).write(to: source)
        let target = folder.appendingPathComponent("share/cedict_ts.u8").path
        let result = try BinaryRunner.run(["dictionary", "install", "--from", source.path], environment: ["DUIZHAO_DICTIONARY": target])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1201 entries"))
        #expect(FileManager.default.contents(atPath: target) == (try Data(contentsOf: source)))

        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gzip.arguments = ["-c", "gzip -k \"$0\"", source.path]
        try gzip.run()
        gzip.waitUntilExit()
        let lookup = try BinaryRunner.run(["dictionary", "install", "--from", source.path + ".gz"], environment: ["DUIZHAO_DICTIONARY": target])
        #expect(lookup.status == 0)
        let found = try BinaryRunner.run(["lookup", "銀行", "--format", "tsv"], environment: ["DUIZHAO_DICTIONARY": target])
        #expect(found.stdout.contains("bank\t银行\t銀行\tyín háng\tterm"))
        #expect(found.stdout.contains("dictionary cedict_ts.u8:2"))
    }

    @Test func refusesAFileThatIsNotTheDictionary() throws {
        let folder = try BinaryRunner.temporaryFolder("dict")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("cedict_ts.u8").path
        try Data("old dictionary".utf8).write(to: URL(fileURLWithPath: target))
        let result = try BinaryRunner.run(
            ["dictionary", "install", "--from", BinaryRunner.fixture("mixed.txt")], environment: ["DUIZHAO_DICTIONARY": target])
        #expect(result.status == 65)
        #expect(result.stderr.contains("does not look like CC-CEDICT"))
        #expect(FileManager.default.contents(atPath: target) == Data("old dictionary".utf8))  // left in place
    }

    @Test func installsAWordFrequencyListThatSegmentationThenUses() throws {
        let folder = try BinaryRunner.temporaryFolder("freq")
        defer { try? FileManager.default.removeItem(at: folder) }
        let dictionary = folder.appendingPathComponent("cedict_ts.u8").path
        try Data("研究 研究 [yan2 jiu1] /research/\n研究生 研究生 [yan2 jiu1 sheng1] /graduate student/\n生命 生命 [sheng1 ming4] /life/\n命 命 [ming4] /fate/\n".utf8)
            .write(to: URL(fileURLWithPath: dictionary))
        let source = folder.appendingPathComponent("dict.txt")
        let target = folder.appendingPathComponent("share/word-frequencies.txt").path
        let environment = ["DUIZHAO_DICTIONARY": dictionary, "DUIZHAO_FREQUENCIES": target]
        func words() throws -> String {
            let result = try BinaryRunner.run(["segment", "--unit", "word", "-"], stdin: Data("研究生命".utf8), environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout
        }
        for (list, expected) in [("研究 5000 vn\n生命 3000 n\n研究生 20 n\n命 10 n\n", "研究 生命\n"), ("研究 10\n生命 10\n研究生 5000\n命 3000\n", "研究生 命\n")] {
            try Data(list.utf8).write(to: source)
            let result = try BinaryRunner.run(["dictionary", "install", "--frequencies", source.path], environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == "installed word frequencies: 4 words to \(target)\n")
            #expect(try words() == expected)
        }
    }

    @Test func refusesAMalformedWordFrequencyListAndKeepsTheOldOne() throws {
        let folder = try BinaryRunner.temporaryFolder("freq")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("word-frequencies.txt").path
        try Data("研究 5\n".utf8).write(to: URL(fileURLWithPath: target))
        let source = folder.appendingPathComponent("bad.txt").path
        try Data("研究 5\n生命\n命 x\n".utf8).write(to: URL(fileURLWithPath: source))
        let result = try BinaryRunner.run(["dictionary", "install", "--frequencies", source], environment: ["DUIZHAO_FREQUENCIES": target])
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(source):2:3: error: expected a count after '生命'"))
        #expect(result.stderr.contains("\(source):3:3: error: 'x' is not a count"))
        #expect(FileManager.default.contents(atPath: target) == Data("研究 5\n".utf8))

        // Named by the environment, a malformed list stops a command that loads it, with its lines.
        let dictionary = folder.appendingPathComponent("cedict_ts.u8").path
        try Data(DictionaryInstallCommandTests.dictionary(count: 3).utf8).write(to: URL(fileURLWithPath: dictionary))
        let segment = try BinaryRunner.run(
            ["segment", "--unit", "word", "-"], stdin: Data("银行".utf8), environment: ["DUIZHAO_DICTIONARY": dictionary, "DUIZHAO_FREQUENCIES": source])
        #expect(segment.status == 65)
        #expect(segment.stderr.contains("\(source):2:3: error: expected a count after '生命'"))
        #expect(segment.stdout.isEmpty)

        // A list with no Chinese word is refused; so is one whose count is too large.
        let english = folder.appendingPathComponent("english.txt").path
        try Data("apple 5\nthe 100\n".utf8).write(to: URL(fileURLWithPath: english))
        let refused = try BinaryRunner.run(["dictionary", "install", "--frequencies", english], environment: ["DUIZHAO_FREQUENCIES": target])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("lists no Chinese word (2 words)"))
        #expect(FileManager.default.contents(atPath: target) == Data("研究 5\n".utf8))

        // Named but missing, next to a dictionary: a hint, and segmentation goes on without it.
        let missing = try BinaryRunner.run(
            ["segment", "--unit", "word", "-"], stdin: Data("银行".utf8),
            environment: ["DUIZHAO_DICTIONARY": dictionary, "DUIZHAO_FREQUENCIES": folder.path + "/typo.txt"])
        #expect(missing.status == 0)
        #expect(missing.stderr == "duizhao: hint: no word-frequency list at \(folder.path)/typo.txt (DUIZHAO_FREQUENCIES)\n")

        let nothing = try BinaryRunner.run(["dictionary", "install"])
        #expect(nothing.status == 64)
        #expect(nothing.stderr.contains("--frequencies"))
    }

    @Test func withoutADictionaryLookupHints() throws {
        let result = try BinaryRunner.run(["lookup", "周鸿祎"], environment: ["DUIZHAO_DICTIONARY": "/nonexistent/cedict.u8"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("hint: no CC-CEDICT at /nonexistent/cedict.u8"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}

@Suite struct GlossaryConvertCommandTests {
    static let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Glossaries/china-tech.tsv").path

    @Test(arguments: ["tbx", "csv"])
    func theShippedGlossaryRoundTrips(format: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-convert-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let converted = folder.appendingPathComponent("g.\(format)").path
        let first = try BinaryRunner.run(["glossary", "convert", Self.shipped, "--to", format, "-o", converted])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.isEmpty)
        let back = try BinaryRunner.run(["glossary", "convert", converted, "--to", "tsv"])
        #expect(back.status == 0)
        let original = try String(contentsOfFile: Self.shipped, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("#") && !$0.isEmpty }.joined(separator: "\n") + "\n"
        #expect(back.stdout == original)
    }

    @Test func anUnwritableOutputExits73() throws {
        let result = try BinaryRunner.run(["glossary", "convert", Self.shipped, "--to", "tbx", "-o", "/nonexistent/dir/g.tbx"])
        #expect(result.status == 73)
        #expect(result.stderr.contains("cannot write /nonexistent/dir/g.tbx"))
    }

    @Test func aHostileTBXIsRefused() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-xxe-\(UUID()).tbx")
        try Data("""
            <?xml version="1.0"?>
            <!DOCTYPE tbx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>&xxe;</body></text></tbx>
            """.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try BinaryRunner.run(["glossary", "convert", file.path, "--to", "tsv"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(file.path):2:1: error: DTDs and entity declarations are not accepted"))
        #expect(!result.stdout.contains("root:"))
    }
}
