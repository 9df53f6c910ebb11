import Foundation
import Testing

/// `duizhao align` run as a program, on a pair of texts and a dictionary written for the test.
@Suite struct AlignCommandTests {
    static let dictionary = """
        昨天 昨天 [zuo2 tian1] /yesterday/
        到 到 [dao4] /to reach; to arrive/
        杭州 杭州 [Hang2 zhou1] /Hangzhou/
        湖邊 湖边 [hu2 bian1] /lakeside/
        湖 湖 [hu2] /lake/
        散步 散步 [san4 bu4] /to take a walk/
        看 看 [kan4] /to see; to watch/
        船 船 [chuan2] /boat/
        晚上 晚上 [wan3 shang5] /evening/
        寫 写 [xie3] /to write/
        長 长 [chang2] /long/
        信 信 [xin4] /letter/
        母親 母亲 [mu3 qin1] /mother/
        說 说 [shuo1] /to say/
        工作 工作 [gong1 zuo4] /work/
        忙 忙 [mang2] /busy/
        買 买 [mai3] /to buy/
        三 三 [san1] /three/
        新 新 [xin1] /new/
        書 书 [shu1] /book/
        """
    static let chinese = """
        梁文锋昨天到了杭州。他在湖边散步。他看船。
        晚上他写了一封长信给他的母亲，说工作很忙。他买了三本新书。
        """
    static let english = """
        Liang Wenfeng arrived in Hangzhou yesterday. He took a walk by the lake and watched the boats.
        In the evening he wrote a long letter to his mother. He said that the work kept him busy.
        He bought three new books.
        """
    static let ladder = ["[0]:[0]", "[1,2]:[1]", "[3]:[2,3]", "[4]:[4]"]

    /// A folder with the dictionary and both texts; removed by the caller.
    static func files() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-align-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(dictionary.utf8).write(to: folder.appendingPathComponent("words.u8"))
        try Data(chinese.utf8).write(to: folder.appendingPathComponent("zh.txt"))
        try Data(english.utf8).write(to: folder.appendingPathComponent("en.txt"))
        return folder
    }

    static func run(_ arguments: [String], in folder: URL) throws -> BinaryRunner.Result {
        try BinaryRunner.run(
            ["align", "--no-dictionary", "--glossary", folder.appendingPathComponent("words.u8").path] + arguments,
            environment: ["DUIZHAO_CACHE_DIR": folder.appendingPathComponent("cache").path])
    }

    @Test func ladderFromPlainText() throws {
        let folder = try Self.files()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.run([folder.appendingPathComponent("zh.txt").path, folder.appendingPathComponent("en.txt").path], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").map { String($0.split(separator: "\t")[0]) } == Self.ladder)
    }

    @Test func englishSourceComesFirst() throws {
        let folder = try Self.files()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.run([folder.appendingPathComponent("en.txt").path, folder.appendingPathComponent("zh.txt").path], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").map { String($0.split(separator: "\t")[0]) } == ["[0]:[0]", "[1]:[1,2]", "[2,3]:[3]", "[4]:[4]"])
    }

    @Test func outputFileIsWrittenWholeAndStdoutStaysEmpty() throws {
        let folder = try Self.files()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("pair.tmx")
        let result = try Self.run(
            ["--format", "tmx", "-o", output.path, folder.appendingPathComponent("zh.txt").path, folder.appendingPathComponent("en.txt").path],
            in: folder)
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let tmx = try String(contentsOf: output, encoding: .utf8)
        #expect(tmx.contains("<header creationtool=\"duizhao\""))
        #expect(tmx.contains("<tuv xml:lang=\"zh\"><seg>梁文锋昨天到了杭州。</seg></tuv>"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") || $0.contains("tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func presegmentedFoldersGiveOneFilePerPair() throws {
        let folder = try Self.files()
        defer { try? FileManager.default.removeItem(at: folder) }
        for side in ["zh", "en"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(side), withIntermediateDirectories: true)
        }
        try Data("他买了三本新书。\n他在湖边散步。\n".utf8).write(to: folder.appendingPathComponent("zh/001"))
        try Data("He bought three new books.\nHe took a walk by the lake.\n".utf8).write(to: folder.appendingPathComponent("en/001"))
        let out = folder.appendingPathComponent("out")
        let result = try Self.run(
            ["--presegmented", folder.appendingPathComponent("zh").path, folder.appendingPathComponent("en").path, "-o", out.path], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let ladder = try String(contentsOf: out.appendingPathComponent("001.align"), encoding: .utf8)
        #expect(ladder.split(separator: "\n").map { String($0.split(separator: "\t")[0]) } == ["[0]:[0]", "[1]:[1]"])
    }

    @Test func emptyTargetWarnsAndKeepsEverySentence() throws {
        let folder = try Self.files()
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let result = try Self.run([folder.appendingPathComponent("zh.txt").path, empty.path], in: folder)
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: the target has no sentences"))
        #expect(result.stdout.split(separator: "\n").map { String($0.split(separator: "\t")[0]) } == ["[0]:[]", "[1]:[]", "[2]:[]", "[3]:[]", "[4]:[]"])
    }

    @Test func missingInputIsStatus66() throws {
        let folder = try Self.files()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.run([folder.appendingPathComponent("nope.txt").path, folder.appendingPathComponent("en.txt").path], in: folder)
        #expect(result.status == 66)
        #expect(result.stdout.isEmpty)
    }

    /// The hidden --candidates writes the beads the search weighs; its best path is the ladder.
    @Test func candidatesAreWrittenBesideTheAlignment() throws {
        let folder = try Self.files()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dump = folder.appendingPathComponent("candidates")
        let result = try Self.run(
            ["--no-model", "--candidates", dump.path, folder.appendingPathComponent("zh.txt").path, folder.appendingPathComponent("en.txt").path],
            in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").map { String($0.split(separator: "\t")[0]) } == Self.ladder)
        let lines = try String(contentsOf: dump.appendingPathComponent("zh.txt.tsv"), encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "# chineseIsTarget=false chinese=5 english=5")
        // The ladder's beads are among the candidates (Chinese start, end, English start, end).
        let beads = Set(lines.dropFirst(2).map { $0.split(separator: "\t").prefix(4).joined(separator: " ") })
        for bead in ["0 1 0 1", "1 3 1 2", "3 4 2 4", "4 5 4 5"] { #expect(beads.contains(bead)) }
        // Without the model, no embeddings.
        #expect(!FileManager.default.fileExists(atPath: dump.appendingPathComponent("zh.txt.zh.f32").path))
    }

    @Test func candidatesIntoAFileIsStatus73() throws {
        let folder = try Self.files()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.run(
            ["--no-model", "--candidates", folder.appendingPathComponent("words.u8").path, folder.appendingPathComponent("zh.txt").path,
             folder.appendingPathComponent("en.txt").path],
            in: folder)
        #expect(result.status == 73)
        #expect(result.stderr.contains("cannot write into"))
    }

    @Test func badFormatIsStatus64() throws {
        let result = try BinaryRunner.run(["align", "--format", "docx", "a", "b"])
        #expect(result.status == 64)
    }
}
