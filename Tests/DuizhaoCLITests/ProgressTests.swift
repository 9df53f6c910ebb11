import Foundation
import Testing

/// What a long `annotate` says on standard error: its phases on one line when that is a
/// terminal (`script` gives the program one), nothing when it is a pipe.
@Suite struct ProgressTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sources = root.appendingPathComponent("Samples/sources").path

    /// An article of about 250 KB in `folder`: the sample's paragraphs repeated.
    static func longArticle(in folder: URL) throws -> String {
        let sample = try String(contentsOf: root.appendingPathComponent("Samples/article.md"), encoding: .utf8)
        let body = String(sample.split(separator: "## References")[0])
        let path = folder.appendingPathComponent("long.md").path
        try Data(String(repeating: body, count: 250_000 / body.utf8.count + 1).utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func onTerminal(_ arguments: [String], cache: String) throws -> (status: Int32, shown: String) {
        try BinaryRunner.runOnTerminal(arguments, environment: ["DUIZHAO_CACHE_DIR": cache])
    }

    @Test(.enabled(if: BinaryRunner.hasScript))
    func annotateShowsItsPhasesOnATerminalOnly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let article = try Self.longArticle(in: folder)
        let cache = folder.appendingPathComponent("cache").path
        let output = folder.appendingPathComponent("out.md").path
        let arguments = ["annotate", "--no-dictionary", article, "--source", Self.sources, "-o", output]

        let terminal = try Self.onTerminal(arguments, cache: cache)
        #expect(terminal.status == 0, "\(terminal.shown)")
        // Each phase overwrites the last; the line is cleared at the end, before the output.
        let phases = terminal.shown.components(separatedBy: "\r\u{1B}[K").filter { !$0.isEmpty }
        #expect(phases.contains("duizhao: reading the article…"))
        #expect(phases.contains("duizhao: reading source 2 of 2…"))
        #expect(phases.contains { $0.hasPrefix("duizhao: linking ") && $0.hasSuffix(" source sentences…") })
        // Linking, the slow phase, counts the claims scored (some 2,300 here).
        for done in [1000, 2000] {
            #expect(phases.contains { $0.hasPrefix("duizhao: linking claims to ") && $0.contains(": \(done) of ") && $0.hasSuffix(" scored…") })
        }
        #expect(phases.last == "duizhao: writing the report…")
        #expect(terminal.shown.hasSuffix("\r\u{1B}[K"))
        let written = try String(contentsOfFile: output, encoding: .utf8)

        let piped = try BinaryRunner.run(arguments, environment: ["DUIZHAO_CACHE_DIR": cache])
        #expect(piped.status == 0)
        #expect(!piped.stderr.contains("\u{1B}") && !piped.stderr.contains("…"))
        #expect(try String(contentsOfFile: output, encoding: .utf8) == written)
    }

    @Test(.enabled(if: BinaryRunner.hasScript))
    func aShortRunShowsNothing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out.md").path
        let article = Self.root.appendingPathComponent("Samples/article.md").path
        let terminal = try Self.onTerminal(
            ["annotate", "--no-dictionary", article, "--source", Self.sources, "-o", output], cache: folder.appendingPathComponent("cache").path)
        #expect(terminal.status == 0, "\(terminal.shown)")
        #expect(!terminal.shown.contains("\u{1B}"))
    }

    @Test(.enabled(if: BinaryRunner.hasScript))
    func segmentSaysHowFarItHasGotWhenItsOutputGoesElsewhere() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // 9 MB, over the 8 MB from which segment reports.
        let paragraph = "周鸿祎表示，中美AI差距一两年就能赶上。Zhou said the gap could close within two years.\n\n"
        let input = folder.appendingPathComponent("big.txt").path
        try Data(String(repeating: paragraph, count: 9_000_000 / paragraph.utf8.count + 1).utf8).write(to: URL(fileURLWithPath: input))
        let output = folder.appendingPathComponent("sentences.txt").path

        let terminal = try BinaryRunner.runOnTerminal(["segment", input], outputFile: output)
        #expect(terminal.status == 0, "\(terminal.shown)")
        let phases = terminal.shown.components(separatedBy: "\r\u{1B}[K").filter { !$0.isEmpty }
        #expect(phases.first == "duizhao: segmenting: 0 MB of 9.0 MB (0%)…")
        // A phase per piece of about 1 MB, the share read growing.
        let shares = phases.compactMap { phase in phase.split(separator: "(").last.flatMap { Int($0.prefix { $0.isNumber }) } }
        #expect(shares.count >= 8 && shares == shares.sorted() && (shares.last ?? 0) >= 80, "\(phases)")
        #expect(terminal.shown.hasSuffix("\r\u{1B}[K"))
        let written = try String(contentsOfFile: output, encoding: .utf8)
        #expect(written.hasPrefix("周鸿祎表示，中美AI差距一两年就能赶上。\nZhou said"))

        // Through a pipe, or onto the terminal with the segments: nothing.
        let piped = try BinaryRunner.run(["segment", input])
        #expect(piped.status == 0)
        #expect(piped.stderr.isEmpty)
        #expect(piped.stdout == written)
    }
}
