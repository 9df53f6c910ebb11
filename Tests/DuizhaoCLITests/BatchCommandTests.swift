import Foundation
import Testing

/// `duizhao batch` run as a program: its results against the single commands' output for the
/// same input, bad jobs among good ones, and resuming.
@Suite struct BatchCommandTests {
    static let samples = AnnotateCommandTests.root.appendingPathComponent("Samples")
    static let article = AnnotateCommandTests.article
    static let sources = AnnotateCommandTests.sources

    /// `duizhao ARGUMENTS` with the annotate tests' glossary and no dictionary, in `folder`'s cache.
    static func run(_ arguments: [String], in folder: URL, stdin: Data? = nil) throws -> BinaryRunner.Result {
        try BinaryRunner.run(
            arguments + ["--no-dictionary", "--glossary", folder.appendingPathComponent("words.tsv").path], stdin: stdin,
            environment: ["DUIZHAO_CACHE_DIR": folder.appendingPathComponent("cache").path])
    }

    /// Output lines parsed: (id, status, the result's or error's text exactly as written).
    static func records(_ output: String) throws -> [(id: String, status: String, line: String)] {
        try output.split(separator: "\n").map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let id = object["id"] is NSNull ? "null" : object["id"].map { "\($0)" } ?? "missing"
            return (id, try #require(object["status"] as? String), String(line))
        }
    }

    /// The bytes of the `result` value in a line batch wrote: what follows `"result":` up to the closing brace.
    static func result(in line: String) throws -> String {
        let marker = "\"status\":\"ok\",\"result\":"
        let start = try #require(line.range(of: marker)).upperBound
        #expect(line.hasSuffix("}"))
        return String(line[start..<line.index(before: line.endIndex)])
    }

    static func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func jsonString(_ text: String) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes]), as: UTF8.self).dropFirst().dropLast().description
    }

    @Test func annotateResultsAreExactlyWhatAnnotatePrints() throws {
        let folder = try AnnotateCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let articleText = try String(contentsOfFile: Self.article, encoding: .utf8)
        let interview = Self.sources + "/360-interview.txt"
        let interviewText = try String(contentsOfFile: interview, encoding: .utf8)
        let jobs = [
            #"{"id":"paths","article":\#(try Self.jsonString(Self.article)),"sources":[\#(try Self.jsonString(Self.sources))]}"#,
            #"{"id":7,"article_text":\#(try Self.jsonString(articleText)),"sources":[{"name":\#(try Self.jsonString(interview)),"text":\#(try Self.jsonString(interviewText))}],"threshold":0.5}"#,
            #"{"id":"own","article":\#(try Self.jsonString(Self.article))}"#,
        ]
        let jobsFile = try Self.write(jobs.joined(separator: "\n") + "\n", "jobs.jsonl", in: folder)
        let batch = try Self.run(["batch", "annotate", jobsFile, "--jobs", "2", "--no-model"], in: folder)
        #expect(batch.status == 0, "\(batch.stderr)")
        let lines = batch.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count == 3)
        #expect(lines[0].hasPrefix(#"{"id":"paths","status":"ok","result":{"#))
        #expect(lines[1].hasPrefix(#"{"id":7,"status":"ok","result":{"#))

        let single = [
            try Self.run(["annotate", Self.article, "--source", Self.sources, "--format", "json", "--no-model"], in: folder),
            try Self.run(
                ["annotate", "-", "--source", interview, "--threshold", "0.5", "--format", "json", "--no-model"], in: folder,
                stdin: Data(articleText.utf8)),
            try Self.run(["annotate", Self.article, "--format", "json", "--no-model"], in: folder),
        ]
        for (line, run) in zip(lines, single) {
            #expect(run.status == 0, "\(run.stderr)")
            // annotate breaks its JSON after each list element; a result is the same JSON on one line.
            #expect(try Self.result(in: line) == run.stdout.replacingOccurrences(of: "\n", with: ""))
            #expect(run.stdout.filter { $0 == "\n" }.count > 1, "annotate's JSON does break lines")
        }
    }

    @Test func alignResultsAreAlignsLinesAsOneArray() throws {
        let folder = try AlignCommandTests.files()
        defer { try? FileManager.default.removeItem(at: folder) }
        let zh = folder.appendingPathComponent("zh.txt").path
        let en = folder.appendingPathComponent("en.txt").path
        let jobs = """
            {"id":"files","source":\(try Self.jsonString(zh)),"target":\(try Self.jsonString(en))}
            {"id":"texts","source_text":\(try Self.jsonString(AlignCommandTests.chinese)),"target_text":\(try Self.jsonString(AlignCommandTests.english)),"presegmented":true}

            """
        let run = try BinaryRunner.run(
            ["batch", "align", "-", "--jobs", "2", "--no-dictionary", "--glossary", folder.appendingPathComponent("words.u8").path],
            stdin: Data(jobs.utf8), environment: ["DUIZHAO_CACHE_DIR": folder.appendingPathComponent("cache").path])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count == 2)
        let plain = try AlignCommandTests.run([zh, en, "--format", "jsonl"], in: folder)
        let presegmented = try AlignCommandTests.run([zh, en, "--format", "jsonl", "--presegmented"], in: folder)
        for (line, single) in zip(lines, [plain, presegmented]) {
            #expect(single.status == 0, "\(single.stderr)")
            let beads = single.stdout.split(separator: "\n").joined(separator: ",")
            #expect(try Self.result(in: line) == "[" + beads + "]")
        }
        #expect(plain.stdout != presegmented.stdout, "the job's presegmented counts")
    }

    @Test func badLinesAndBadJobsAreErrorRowsInPlaceAndTheRestRuns() throws {
        let folder = try AnnotateCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = try Self.write("", "placeholder", in: folder)
        try Data([0x4F, 0x4B, 0x2E, 0x0A, 0x61, 0xC3, 0x28, 0x62]).write(to: URL(fileURLWithPath: bad))
        let big = try HostileInputTests.sparse(megabytes: 32, "big.md", in: folder)
        let good = #"{"id":"good","article_text":"Zhou Hongyi said the gap could close within two years."}"#
        var input = Data((good + "\n" + ##"{"id":"broken", "article":"# { not json"## + "\n").utf8)
        input += Data(#"{"id":"missing","article":"/nonexistent/article.md"}"#.utf8) + Data([0x0A])
        input += Data(#"{"id":"utf8","article":\#(try Self.jsonString(bad))}"#.utf8) + Data([0x0A])
        input += Data(#"{"id":"big","article":\#(try Self.jsonString(big))}"#.utf8) + Data([0x0A])
        input += Data(#"{"id":"bad-bytes","article_text":"a"#.utf8) + Data([0xFF]) + Data(#""}"#.utf8) + Data([0x0A])
        input += Data(#"{"id":"typo","article_text":"x","threshhold":0.5}"#.utf8) + Data([0x0A])
        input += Data((good.replacingOccurrences(of: "\"good\"", with: "\"good again\"") + "\n").utf8)
        let run = try Self.run(["batch", "annotate", "--jobs", "3", "--no-model"], in: folder, stdin: input)
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.contains("6 of 8 jobs failed"))
        let records = try Self.records(run.stdout)
        #expect(records.map(\.status) == ["ok", "error", "error", "error", "error", "error", "error", "ok"])
        #expect(records.map(\.id) == ["good", "null", "missing", "utf8", "big", "null", "typo", "good again"])
        let lines = records.map(\.line)
        #expect(lines[1].contains(#""error":"line 2: not valid JSON"#))
        #expect(lines[1].hasSuffix(#""exit":65}"#))
        #expect(lines[2] == #"{"id":"missing","status":"error","error":"line 3: /nonexistent/article.md: no such file","exit":65}"#)
        #expect(lines[3].contains(#"placeholder:2:2: invalid UTF-8 at byte offset 5""#))
        #expect(lines[4].contains("big.md: 32000001 bytes is more than a job reads at once (32000000)"))
        // The offset counts from the input's start: line 6's offset plus the 0xFF's place in it.
        let lineSix = input.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(5).reduce(0) { $0 + $1.count + 1 }
        let inLine = #"{"id":"bad-bytes","article_text":"a"#.utf8.count
        #expect(lines[5].contains("line 6:\(inLine + 1): invalid UTF-8 at byte offset \(lineSix + inLine) of the input"))
        #expect(lines[6].contains("line 7: unknown field 'threshhold'"))
    }

    @Test func resumeAppendsWhatIsMissingAndDropsATornLastLine() throws {
        let folder = try AnnotateCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let jobs = (1...6).map { #"{"id":"j\#($0)","article_text":"Job \#($0): Zhou Hongyi said the gap could close within \#($0) years."}"# }
        let jobsFile = try Self.write(jobs.joined(separator: "\n") + "\n", "jobs.jsonl", in: folder)
        let full = folder.appendingPathComponent("full.jsonl").path
        let first = try Self.run(["batch", "annotate", jobsFile, "-o", full, "--no-model"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        let complete = try String(contentsOfFile: full, encoding: .utf8)
        let lines = complete.split(separator: "\n")
        try #require(lines.count == 6)

        // A run killed while writing its fourth line: three whole lines and part of the fourth.
        let partial = folder.appendingPathComponent("partial.jsonl").path
        let kept = lines.prefix(3).joined(separator: "\n") + "\n" + lines[3].prefix(40)
        try Data(kept.utf8).write(to: URL(fileURLWithPath: partial))
        let resumed = try Self.run(["batch", "annotate", jobsFile, "-o", partial, "--resume", "--no-model"], in: folder)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("its last line was cut short (40 bytes"))
        #expect(resumed.stderr.contains("3 jobs already in"))
        #expect(try String(contentsOfFile: partial, encoding: .utf8) == complete)

        // Resuming a finished file changes nothing.
        let again = try Self.run(["batch", "annotate", jobsFile, "-o", partial, "--resume", "--no-model"], in: folder)
        #expect(again.status == 0)
        #expect(try String(contentsOfFile: partial, encoding: .utf8) == complete)

        // A file batch did not write is left alone.
        let foreign = try Self.write("id,status\n", "foreign.jsonl", in: folder)
        let refused = try Self.run(["batch", "annotate", jobsFile, "-o", foreign, "--resume", "--no-model"], in: folder)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("foreign.jsonl:1: not a result of 'duizhao batch'"))
        #expect(try String(contentsOfFile: foreign, encoding: .utf8) == "id,status\n")
    }

    @Test(.enabled(if: BinaryRunner.hasScript))
    func progressOnATerminalOnly() throws {
        let folder = try AnnotateCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let jobs = (1...3).map { #"{"id":"j\#($0)","article_text":"Zhou Hongyi said the gap could close within \#($0) years."}"# }
        let jobsFile = try Self.write(jobs.joined(separator: "\n") + "\n", "jobs.jsonl", in: folder)
        let output = folder.appendingPathComponent("out.jsonl").path
        let arguments = ["batch", "annotate", jobsFile, "-o", output, "--no-model", "--no-dictionary", "--glossary", folder.appendingPathComponent("words.tsv").path]
        let terminal = try BinaryRunner.runOnTerminal(arguments, environment: ["DUIZHAO_CACHE_DIR": folder.appendingPathComponent("cache").path])
        #expect(terminal.status == 0, "\(terminal.shown)")
        // The first job done is always shown (later ones at most five times a second), and the line cleared at the end.
        #expect(terminal.shown.contains("\r\u{1B}[Kduizhao: 1 of 3 jobs, "))
        #expect(terminal.shown.hasSuffix("\r\u{1B}[K"))
        #expect(try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").count == 3)

        let piped = try Self.run(Array(arguments.dropLast(3)), in: folder)
        #expect(piped.status == 0)
        #expect(piped.stderr.isEmpty, "nothing on stderr when it is no terminal: \(piped.stderr)")
    }

    @Test func usageErrors() throws {
        let folder = try AnnotateCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let resume = try Self.run(["batch", "annotate", "--resume"], in: folder, stdin: Data())
        #expect(resume.status == 64)
        #expect(resume.stderr.contains("--resume needs -o FILE"))
        let jobs = try Self.run(["batch", "align", "--jobs", "0"], in: folder, stdin: Data())
        #expect(jobs.status == 64)
        let missing = try Self.run(["batch", "annotate", "/nonexistent/jobs.jsonl"], in: folder)
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("/nonexistent/jobs.jsonl: no such file"))
    }
}
