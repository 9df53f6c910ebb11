import Foundation
import Testing

/// Input that comes from the web or from other tools, run through the built program: NUL bytes,
/// a long single line, invalid UTF-8, empty files and XML with a DTD. Each must be handled or
/// refused with a clear message and its sysexits status, never crash.
@Suite struct HostileInputTests {
    /// A folder for one test's files; removed by the caller.
    static func folder() throws -> URL { try BinaryRunner.temporaryFolder("hostile") }

    /// Writes `bytes` to `name` in `folder` and returns its path.
    static func write(_ bytes: some Sequence<UInt8>, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Runs `duizhao` with no dictionary and a compiled cache inside `folder`.
    static func run(_ arguments: [String], in folder: URL) throws -> BinaryRunner.Result {
        try BinaryRunner.run(arguments, environment: ["DUIZHAO_CACHE_DIR": folder.appendingPathComponent("cache").path])
    }

    /// The `text`, `start` and `end` of each JSON line.
    static func segments(_ jsonl: String) throws -> [(text: String, start: Int, end: Int)] {
        try jsonl.split(separator: "\n").map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return (try #require(object["text"] as? String), try #require(object["start"] as? Int), try #require(object["end"] as? Int))
        }
    }

    // MARK: NUL bytes

    static let withNULs = Array("第一句\u{0}话。Zhou said\u{0} the gap\u{0}\u{0} was small.\n\n第二段。\u{0}\n".utf8)

    @Test(arguments: ["sentence", "word"])
    func nulBytesAreKeptWithExactOffsets(unit: String) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.write(Self.withNULs, "nul.txt", in: folder)
        let result = try Self.run(["segment", "--unit", unit, "--format", "jsonl", "--no-dictionary", path], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let segments = try Self.segments(result.stdout)
        #expect(!segments.isEmpty)
        for segment in segments {
            #expect(Array(segment.text.utf8) == Array(Self.withNULs[segment.start..<segment.end]))
        }
        let gaps = Self.gaps(segments, in: Self.withNULs)
        if unit == "sentence" {
            // Every NUL inside a sentence, only blank lines between them.
            #expect(segments.map { $0.text.utf8.filter { $0 == 0 }.count }.reduce(0, +) == Self.withNULs.filter { $0 == 0 }.count)
            #expect(gaps.allSatisfy { $0 == 0x0A })
        } else {
            // A NUL is a space between words, like whitespace left out of the listing.
            #expect(gaps.allSatisfy { $0 == 0 || $0 == 0x20 || $0 == 0x0A })
            #expect(gaps.contains(0))
        }
    }

    /// The bytes of `input` no segment covers; segments must come in order, without overlap.
    static func gaps(_ segments: [(text: String, start: Int, end: Int)], in input: [UInt8]) -> [UInt8] {
        var gaps: [UInt8] = []
        var covered = 0
        for segment in segments {
            #expect(segment.start >= covered && segment.end >= segment.start)
            gaps += input[covered..<max(covered, segment.start)]
            covered = max(covered, segment.end)
        }
        return gaps + input[min(covered, input.count)...]
    }

    @Test func nulBytesInAnArticleKeepItsOffsets() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let article = Array("Zhou said the\u{0} gap would close in two years.\n\nThe team has fewer than 200 people.\u{0}\n".utf8)
        let path = try Self.write(article, "article.txt", in: folder)
        let source = try Self.write(Array("差距一两年就能赶上。\n\n团队不到150人。\n".utf8), "source.txt", in: folder)
        let result = try Self.run(["annotate", path, "--source", source, "--format", "json", "--no-dictionary"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let claims = try #require(object["claims"] as? [[String: Any]])
        #expect(claims.count == 2)
        for claim in claims {
            let start = try #require(claim["input_start"] as? Int)
            let end = try #require(claim["input_end"] as? Int)
            let text = try #require(claim["text"] as? String)
            #expect(start >= 0 && start < end && end <= article.count)
            // The claim as read from the input at its offsets starts as the claim does.
            #expect(String(decoding: article[start..<end], as: UTF8.self).hasPrefix(String(text.prefix(8))))
        }
        #expect((claims.first?["text"] as? String)?.contains("\u{0}") == true)
    }

    // MARK: A long single line

    /// About 3 MB of Chinese and English sentences without a line break, made here, not kept,
    /// and how many sentences it has.
    static func longLine() -> (bytes: [UInt8], sentences: Int) {
        var text = ""
        var n = 0
        while text.utf8.count < 3_000_000 {
            text += n % 2 == 0 ? "第\(n)句话说差距一两年就能赶上。" : "Sentence \(n) says the gap will close. "
            n += 1
        }
        return (Array(text.utf8), n)
    }

    @Test func aLongSingleLineIsSegmentedWhole() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (line, sentences) = Self.longLine()
        let path = try Self.write(line, "line.txt", in: folder)
        let result = try Self.run(["segment", "--format", "jsonl", path], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let segments = try Self.segments(result.stdout)
        // Each sentence where the input has it: none lost, doubled or cut where pieces meet.
        #expect(segments.count == sentences)
        #expect(Self.gaps(segments, in: line).allSatisfy { $0 == 0x20 })
        #expect(segments.allSatisfy { Array($0.text.utf8) == Array(line[$0.start..<$0.end]) })
    }

    // MARK: Invalid UTF-8

    /// `ok` then, on its second line, a byte that starts no UTF-8 character.
    static let invalid: [UInt8] = Array("第一行。\nSe".utf8) + [0xFF] + Array("cond line.\n".utf8)

    @Test(arguments: [0, 1])
    func invalidUTF8InAlignIsADataError(side: Int) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = try Self.write(Self.invalid, "bad.txt", in: folder)
        let good = try Self.write(Array("A good line.\n".utf8), "good.txt", in: folder)
        let result = try Self.run(["align", "--no-dictionary"] + (side == 0 ? [bad, good] : [good, bad]), in: folder)
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\(bad):2:3: invalid UTF-8 at byte offset 15"))
    }

    @Test(arguments: ["article", "source"])
    func invalidUTF8InAnnotateIsADataError(which: String) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = try Self.write(Self.invalid, "bad.txt", in: folder)
        let good = try Self.write(Array("The gap will close.\n".utf8), "good.txt", in: folder)
        let arguments = which == "article" ? [bad, "--source", good] : [good, "--source", bad]
        let result = try Self.run(["annotate", "--no-dictionary"] + arguments, in: folder)
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\(bad):2:3: invalid UTF-8 at byte offset 15"))
    }

    // MARK: Empty input

    @Test func emptyTextsAlignToNothing() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = try Self.write([], "empty.txt", in: folder)
        let other = try Self.write([], "other.txt", in: folder)
        for format in ["ladder", "jsonl"] {
            let result = try Self.run(["align", "--no-dictionary", "--format", format, empty, other], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("the source has no sentences"))
        }
    }

    @Test(arguments: ["md", "json", "jsonl"])
    func anEmptyArticleHasNoClaims(format: String) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = try Self.write([], "empty.md", in: folder)
        let source = try Self.write(Array("差距一两年就能赶上。\n".utf8), "source.txt", in: folder)
        let result = try Self.run(["annotate", "--no-dictionary", "--format", format, empty, "--source", source], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        switch format {
        case "json":
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect((object["claims"] as? [Any])?.isEmpty == true)
        default:
            // Nothing to annotate: no output, as for every command given empty input.
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func anEmptySourceLeavesClaimsUnsupported() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let article = try Self.write(Array("The gap will close in two years.\n".utf8), "article.txt", in: folder)
        let empty = try Self.write([], "empty.txt", in: folder)
        let result = try Self.run(["annotate", "--no-dictionary", "--format", "json", article, "--source", empty], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let claims = try #require(object["claims"] as? [[String: Any]])
        #expect(claims.count == 1)
        #expect(claims.first?["supported"] as? Bool == false)
    }

    // MARK: Files too large to hold whole

    /// A sparse file of `megabytes` MB (millions of bytes) plus one byte: its size, without the disk space.
    static func sparse(megabytes: Int, _ name: String, in folder: URL) throws -> String {
        let path = try write([], name, in: folder)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(megabytes * 1_000_000) + 1)
        try handle.close()
        return path
    }

    @Test(arguments: [(["annotate"], 32), (["export"], 32), (["gloss"], 64)])
    func anArticleOverTheLimitIsRefusedUnread(command: [String], megabytes: Int) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let big = try Self.sparse(megabytes: megabytes, "big.md", in: folder)
        let result = try Self.run(command + ["--no-dictionary", big], in: folder)
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\(big): \(megabytes).0 MB is more than \(command[0]) reads at once (\(megabytes) MB)"))
        #expect(result.stderr.contains("'duizhao segment', which reads any size in pieces"))
    }

    @Test func aSourceOverTheLimitIsRefused() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let article = try Self.write(Array("The gap will close in two years.\n".utf8), "article.txt", in: folder)
        let big = try Self.sparse(megabytes: 32, "big.txt", in: folder)
        let result = try Self.run(["annotate", "--no-dictionary", article, "--source", big], in: folder)
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(big): 32.0 MB is more than annotate reads at once (32 MB)"))
    }

    @Test func alignRefusesATextOverTheLimit() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let small = try Self.write(Array("周鸿祎说，差距一两年就能赶上。\n".utf8), "zh.txt", in: folder)
        let big = try Self.sparse(megabytes: 32, "en.txt", in: folder)
        let result = try Self.run(["align", "--no-dictionary", small, big], in: folder)
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\(big): 32.0 MB is more than align reads at once (32 MB)"))
    }

    @Test func standardInputOverTheLimitIsRefused() throws {
        let input = Data(repeating: UInt8(ascii: "a"), count: 64_000_001)
        let result = try BinaryRunner.run(["gloss", "--no-dictionary", "-"], stdin: input)
        #expect(result.status == 65)
        #expect(result.stderr.contains("standard input: 64.0 MB is more than gloss reads at once (64 MB)"))
    }

    // MARK: XML with a DTD

    static let hostileTBX = """
        <?xml version="1.0"?>
        <!DOCTYPE tbx [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>&xxe;&lol2;</body></text></tbx>
        """

    /// Every command that reads a glossary given with --glossary, and `glossary check`.
    static let readers: [[String]] = [
        ["lookup", "gap"],
        ["gloss", "ARTICLE"],
        ["segment", "--unit", "word", "ARTICLE"],
        ["align", "ARTICLE", "ARTICLE"],
        ["annotate", "ARTICLE"],
        ["export", "ARTICLE"],
    ]

    @Test(arguments: readers)
    func aGlossaryWithADTDIsRefused(command: [String]) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tbx = try Self.write(Array(Self.hostileTBX.utf8), "hostile.tbx", in: folder)
        let article = try Self.write(Array("The gap will close. 差距会缩小。\n".utf8), "article.txt", in: folder)
        let arguments = command.map { $0 == "ARTICLE" ? article : $0 } + ["--no-dictionary", "--glossary", tbx]
        let result = try Self.run(arguments, in: folder)
        #expect(result.status == 65, "\(command[0]): \(result.stderr)")
        #expect(result.stderr.contains("\(tbx):2:1: error: DTDs and entity declarations are not accepted"))
        #expect(!result.stdout.contains("root:") && !result.stdout.contains("lollol"))
    }

    @Test func glossaryCheckRefusesADTD() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tbx = try Self.write(Array(Self.hostileTBX.utf8), "hostile.tbx", in: folder)
        let result = try Self.run(["glossary", "check", tbx], in: folder)
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(tbx):2:1: error: DTDs and entity declarations are not accepted")
            || result.stdout.contains("\(tbx):2:1: error: DTDs and entity declarations are not accepted"))
    }
}
