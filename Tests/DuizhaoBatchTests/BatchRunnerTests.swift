import DuizhaoBatch
import DuizhaoEmbedding
import DuizhaoGlossary
import Foundation
import Testing

@Suite struct BatchRunnerTests {
    static func jobsFile(_ lines: [String]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-batch-\(UUID().uuidString).jsonl").path
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func run(_ lines: [String], kind: BatchKind, jobs: Int, done: Set<JobID> = []) throws -> ([BatchRecord], BatchSummary) {
        let path = try jobsFile(lines)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let glossaries = try GlossarySet.load([], cacheDirectory: nil)
        let runner = BatchRunner(
            settings: BatchSettings(kind: kind, jobs: jobs, textLimit: 1_000, lineLimit: 2_000), glossaries: glossaries, embedder: nil)
        var records: [BatchRecord] = []
        let summary = try runner.run(reader: try JobLineReader(path: path, limit: 2_000), done: done) { records.append($0) }
        return (records, summary)
    }

    static func alignJob(_ index: Int) -> String {
        #"{"id":"p\#(index)","source_text":"他来了。他走了。","target_text":"He came. He left, number \#(index)."}"#
    }

    @Test func manyJobsComeOutInOrderWithFewHeldAtOnce() throws {
        let (records, summary) = try Self.run((0..<300).map(Self.alignJob), kind: .align, jobs: 3)
        #expect(records.map(\.id) == (0..<300).map { JobID("p\($0)") })
        #expect(records.allSatisfy { $0.status == .ok })
        #expect(records[7].line?.hasPrefix(#"{"id":"p7","status":"ok","result":[{"source":[0],"target":[0],"#) == true)
        #expect(summary.succeeded == 300 && summary.failed == 0 && summary.failure == nil)
        #expect(summary.mostJobsHeld <= 6)
    }

    @Test func jobsAlreadyDoneAreSkipped() throws {
        let (records, summary) = try Self.run((0..<5).map(Self.alignJob), kind: .align, jobs: 2, done: [JobID("p1"), JobID("p3")])
        #expect(records.map(\.status) == [.ok, .skipped, .ok, .skipped, .ok])
        #expect(records.filter { $0.line != nil }.map(\.id) == [JobID("p0"), JobID("p2"), JobID("p4")])
        #expect(summary.skipped == 2)
    }

    @Test(arguments: [
        (#"[1, 2]"#, "line 1: a job is a JSON object, {…}"),
        (#"{"source_text":"a","target_text":"b"}"#, "line 1: the job has no id"),
        (#"{"id":true,"source_text":"a","target_text":"b"}"#, "line 1: id must be a string or an integer"),
        (#"{"id":"x","source":"a.txt","source_text":"a","target_text":"b"}"#, "line 1: give source or source_text, not both"),
        (#"{"id":"x","target_text":"b"}"#, "line 1: the job needs source (a path) or source_text"),
        (#"{"id":"x","source_text":"a","target_text":"b","presegmented":1}"#, "line 1: presegmented must be true or false"),
        (#"{"id":"x","source":"-","target_text":"b"}"#, "line 1: '-' names no file in a job"),
        (#"{"id":"x","source_text":"\#(String(repeating: "长", count: 400))","target_text":"b"}"#,
         "line 1: source_text: 1200 bytes is more than a job reads at once (1000); split it into smaller texts"),
        (#"{"id":"x","source_text":"\#(String(repeating: "a", count: 2_000))","target_text":"b"}"#,
         "line 1: 2045 bytes is more than a job line may hold (2000); give long texts as paths"),
    ])
    func aBadJobSaysWhy(line: String, message: String) throws {
        let (records, summary) = try Self.run([line, Self.alignJob(1)], kind: .align, jobs: 2)
        #expect(records.count == 2)
        let line = try #require(records.first?.line)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["error"] as? String == message)
        #expect(object["exit"] as? Int == 65)
        #expect(object["status"] as? String == "error")
        #expect(records[1].status == .ok)
        #expect(summary.failure == .dataError && summary.failed == 1 && summary.succeeded == 1)
    }

    @Test func annotateJobsCheckTheirFields() throws {
        let (records, _) = try Self.run(
            [
                #"{"id":1,"article_text":"x","article_format":"pdf"}"#, #"{"id":2,"article_text":"x","threshold":2}"#,
                #"{"id":3,"article_text":"x","sources":[{"name":"a"}]}"#, #"{"id":4,"article_text":"x","sources":["/nonexistent/src"]}"#,
            ], kind: .annotate, jobs: 2)
        let errors = records.compactMap { record in
            record.line.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }?["error"] as? String
        }
        #expect(
            errors == [
                "line 1: article_format must be one of plain, markdown, html", "line 2: threshold must be between 0 and 1",
                #"line 3: sources[0] must be a path or {"name": …, "text": …}"#, "line 4: /nonexistent/src: no such file or folder",
            ])
        #expect(records.map(\.id) == [JobID(json: "1"), JobID(json: "2"), JobID(json: "3"), JobID(json: "4")])
    }
}

/// An embedder that counts the calls inside it at once.
final class CountingEmbedder: SentenceEmbedding, @unchecked Sendable {
    let inside = LiveCounter()
    let dimension = 2
    let modelDigest = "test"

    func embed(_ texts: [String], prefix: EmbeddingPrefix) throws(EmbeddingError) -> EmbeddingMatrix {
        inside.add(1)
        defer { inside.add(-1) }
        // Long enough for another thread to arrive, were it let in.
        usleep(2_000)
        return EmbeddingMatrix(dimension: 2, values: texts.flatMap { _ in [Float(1), 0] })
    }
}

@Suite struct SerializedEmbedderTests {
    @Test func threadsTakeTurns() {
        let counting = CountingEmbedder()
        let shared = SerializedEmbedder(counting)
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for _ in 0..<10 { _ = try? shared.embed(["a", "b"], prefix: .query) }
        }
        #expect(counting.inside.most == 1)
        #expect(shared.dimension == 2 && shared.modelDigest == "test")
    }
}
