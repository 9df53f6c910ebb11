import DuizhaoAlign
import DuizhaoEmbedding
import DuizhaoGlossary
import DuizhaoReports
import DuizhaoText
import Foundation

/// What `duizhao batch` runs: annotate jobs or align jobs.
public enum BatchKind: String, Sendable, CaseIterable {
    case annotate, align
}

/// How a batch runs its jobs, and what a job leaves out gets.
public struct BatchSettings: Sendable {
    /// Annotate or align.
    public var kind: BatchKind
    /// Jobs run at once.
    public var jobs: Int
    /// Jobs held at once (read, running, or done and waiting for those before them): what bounds
    /// memory. Twice `jobs`, so that one slow job does not leave the other threads idle at once.
    public var window: Int
    /// Annotate: the score a link needs, for jobs that give no threshold.
    public var threshold: Double
    /// Annotate: whether headings and boilerplate are skipped (false: --all-sentences).
    public var findsBody: Bool
    /// Align: whether texts are one sentence per line, for jobs that do not say.
    public var presegmented: Bool
    /// The largest text a job reads (a file, or a text in its line), in bytes.
    public var textLimit: Int
    /// The longest job line, in bytes.
    public var lineLimit: Int
    /// Written into reports that name the tool's version.
    public var toolVersion: String

    /// Settings; `window` defaults to twice `jobs`.
    public init(
        kind: BatchKind, jobs: Int, window: Int? = nil, threshold: Double = CrossReferenceOptions().threshold, findsBody: Bool = true,
        presegmented: Bool = false, textLimit: Int, lineLimit: Int, toolVersion: String = ""
    ) {
        self.kind = kind
        self.jobs = max(1, jobs)
        self.window = max(self.jobs, window ?? 2 * self.jobs)
        self.threshold = threshold
        self.findsBody = findsBody
        self.presegmented = presegmented
        self.textLimit = textLimit
        self.lineLimit = lineLimit
        self.toolVersion = toolVersion
    }
}

/// One job's outcome, ready to be written.
public struct BatchRecord: Sendable {
    /// Whether the job ran, and if not the status it stands for.
    public enum Status: Sendable, Equatable {
        case ok
        case failed(BatchError.Exit)
        /// Its id was among those already done (resume): nothing is written.
        case skipped
    }

    /// Its line in the input, from 1.
    public var lineNumber: Int
    /// Its id; nil when the line gave none that could be read.
    public var id: JobID?
    public var status: Status
    /// The output line, without its line end: `{"id", "status": "ok", "result"}` or
    /// `{"id", "status": "error", "error", "exit"}`; nil when skipped.
    public var line: String?
    /// What the job said besides its result (the aligner's warnings), for standard error.
    public var warnings: [String]
}

/// How a batch went.
public struct BatchSummary: Sendable {
    /// Jobs that gave a result.
    public var succeeded = 0
    /// Jobs that gave an error line.
    public var failed = 0
    /// Jobs whose ids were already done.
    public var skipped = 0
    /// The status of the gravest failure (internal errors over bad data), nil when none failed.
    public var failure: BatchError.Exit?
    /// The most jobs held at once.
    public var mostJobsHeld = 0
}

/// Runs a batch: each input line a job, each job's result one output line, in input order.
///
/// Glossaries and the model are loaded once by the caller; each thread gets its own matcher state
/// (`GlossarySet.forAnotherThread`) and aligner, and the model is shared one call at a time
/// (`SerializedEmbedder`). A job that fails is a line of its own with its error; the others go on.
public final class BatchRunner {
    /// How the jobs run.
    public let settings: BatchSettings
    private let shared: SharedResources

    /// - Parameters:
    ///   - glossaries: loaded once; only read, to give each thread its own.
    ///   - embedder: the model, or nil for lexical evidence alone; wrapped so that one thread
    ///     at a time calls it.
    /// A runner for `settings`'s kind of jobs.
    public init(settings: BatchSettings, glossaries: GlossarySet, embedder: (any SentenceEmbedding)?) {
        self.settings = settings
        shared = SharedResources(glossaries: glossaries, embedder: embedder.map { $0 as? SerializedEmbedder ?? SerializedEmbedder($0) })
    }

    /// Runs every job `reader` gives, skipping those whose ids are in `done`.
    /// - Parameter deliver: each job's record, in input order, on this thread.
    /// - Throws: what `deliver` or the reader throws (the jobs' own failures are records).
    public func run(reader: JobLineReader, done: Set<JobID> = [], deliver: (BatchRecord) throws -> Void) throws -> BatchSummary {
        let pool = OrderedWorkPool<JobLine, BatchRecord>(workers: settings.jobs, window: settings.window)
        let settings = settings
        let shared = shared
        var summary = BatchSummary()
        try pool.run(
            next: { try reader.next() },
            makeWorker: { _ in
                let worker = BatchWorker(settings: settings, shared: shared, done: done)
                return { worker.run($0) }
            },
            deliver: { record in
                switch record.status {
                case .ok: summary.succeeded += 1
                case .skipped: summary.skipped += 1
                case .failed(let exit):
                    summary.failed += 1
                    if exit.rawValue > summary.failure?.rawValue ?? 0 { summary.failure = exit }
                }
                try deliver(record)
            })
        summary.mostJobsHeld = pool.mostInputsHeld
        return summary
    }
}

/// What every thread of a batch reads: the glossaries, only to copy them, and the serialized model.
private struct SharedResources: @unchecked Sendable {
    let glossaries: GlossarySet
    let embedder: SerializedEmbedder?
}

/// One thread's share of a batch: its glossaries and aligner, made on that thread.
private final class BatchWorker {
    let settings: BatchSettings
    let done: Set<JobID>
    let embedder: SerializedEmbedder?
    /// This thread's glossaries and aligner, or why they could not be made.
    let tools: Result<(GlossarySet, SentenceAligner?, AnnotationReport.Tools?), ICUError>

    init(settings: BatchSettings, shared: SharedResources, done: Set<JobID>) {
        self.settings = settings
        self.done = done
        embedder = shared.embedder
        tools = Result { () throws(ICUError) in
            let glossaries = try shared.glossaries.forAnotherThread()
            // Align weighs meaning only where its parameters give it a weight, as `align` does.
            let aligner = settings.kind == .align ? try SentenceAligner(glossaries: glossaries) : nil
            let reportTools = settings.kind == .annotate ? try AnnotationReport.Tools(glossaries: glossaries) : nil
            return (glossaries, aligner, reportTools)
        }
    }

    func run(_ line: JobLine) -> BatchRecord {
        let spec: BatchJobSpec
        do {
            spec = try BatchJobSpec.read(line, kind: settings.kind, lineLimit: settings.lineLimit)
        } catch {
            return Self.failure(line: line.number, id: error.id, message: error.message, exit: .dataError)
        }
        if done.contains(spec.id) {
            return BatchRecord(lineNumber: line.number, id: spec.id, status: .skipped, line: nil, warnings: [])
        }
        let place = "line \(line.number)"
        do {
            let (glossaries, aligner, reportTools) = try tools.get()
            let (result, warnings) =
                switch spec {
                case .annotate(_, let article, let format, let sources, let threshold):
                    try annotate(
                        article: article, format: format, sources: sources, threshold: threshold, glossaries: glossaries, reportTools: reportTools!)
                case .align(_, let source, let target, let presegmented):
                    try align(source: source, target: target, presegmented: presegmented, aligner: aligner!)
                }
            var output = JSONLine()
            output.add("id", json: spec.id.json)
            output.add("status", "ok")
            output.add("result", json: result)
            return BatchRecord(lineNumber: line.number, id: spec.id, status: .ok, line: output.finished, warnings: warnings)
        } catch let error as BatchError {
            return Self.failure(line: line.number, id: spec.id, message: "\(place): \(error.message)", exit: error.exit)
        } catch let error as InputError {
            return Self.failure(line: line.number, id: spec.id, message: "\(place): \(error)", exit: .dataError)
        } catch {
            return Self.failure(line: line.number, id: spec.id, message: "\(place): \(error)", exit: .software)
        }
    }

    static func failure(line: Int, id: JobID?, message: String, exit: BatchError.Exit) -> BatchRecord {
        var output = JSONLine()
        output.add("id", json: id?.json ?? "null")
        output.add("status", "error")
        output.add("error", message)
        output.add("exit", Int(exit.rawValue))
        return BatchRecord(lineNumber: line, id: id, status: .failed(exit), line: output.finished, warnings: [])
    }

    /// What `annotate --format json` prints for the same input, on one line.
    private func annotate(
        article: JobText, format: ArticleFormat?, sources: [JobSource], threshold: Double?, glossaries: GlossarySet,
        reportTools: AnnotationReport.Tools
    ) throws -> (String, [String]) {
        let articleText: String
        let articleFile: String
        let articlePath: String?
        switch article {
        case .path(let path):
            articleText = try read(path)
            articleFile = URL(fileURLWithPath: path).lastPathComponent
            articlePath = path
        case .text(let text):
            try check(text, name: "article_text")
            articleText = text
            // As `annotate -` calls what it reads.
            articleFile = "standard input"
            articlePath = nil
        }
        var sourceTexts: [CrossReferenceJob.Source] = []
        for source in sources {
            switch source {
            case .path(let path):
                for file in try SourceFiles.expand([path]) { sourceTexts.append(.init(file: file, text: try read(file))) }
            case .named(let name, let text):
                try check(text, name: "source \(name)")
                sourceTexts.append(.init(file: name, text: text))
            }
        }
        let job = CrossReferenceJob(
            article: articleText, articleFormat: format ?? ArticleFormat.detect(path: articlePath, text: articleText), sources: sourceTexts,
            options: CrossReferenceOptions(threshold: threshold ?? settings.threshold), findsBody: settings.findsBody)
        let outcome = try job.run(glossaries: glossaries, embedder: embedder)
        let json = try AnnotationReport(
            crossReference: outcome.crossReference, article: outcome.article, input: articleText, articleFile: articleFile,
            glossaries: glossaries, tools: reportTools
        ).render(.json)
        // annotate breaks its JSON after each list element (one claim a line) and at the end; a
        // result must stay on its line. JSON strings escape their line breaks, so every raw one
        // is such a break, and nothing else changes.
        return (String(decoding: json.utf8.filter { $0 != 0x0A }, as: UTF8.self), [])
    }

    /// What `align --format jsonl` prints for the same input, its lines (one per bead) as the
    /// elements of one JSON array.
    private func align(source: JobText, target: JobText, presegmented: Bool?, aligner: SentenceAligner) throws -> (String, [String]) {
        func text(_ input: JobText, field: String) throws -> String {
            switch input {
            case .path(let path): return try read(path)
            case .text(let text):
                try check(text, name: field)
                return text
            }
        }
        let job = try AlignmentJob(
            source: try text(source, field: "source_text"), target: try text(target, field: "target_text"),
            presegmented: presegmented ?? settings.presegmented)
        let alignment = try job.run(aligner: aligner, evidence: true)
        let report = AlignmentReport(
            alignment: alignment, source: job.sourceSentences, target: job.targetSentences, toolVersion: settings.toolVersion)
        let lines = report.render(.jsonl).split(separator: "\n", omittingEmptySubsequences: true)
        return ("[" + lines.joined(separator: ",") + "]", alignment.warnings)
    }

    /// A file's text, unless it is larger than a job reads.
    private func read(_ path: String) throws -> String {
        // Standard input carries the jobs.
        guard path != "-" else { throw BatchError(message: "'-' names no file in a job", exit: .dataError) }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber {
            try checkSize(size.intValue, name: path)
        }
        return try InputText.read(path: path).text
    }

    private func check(_ text: String, name: String) throws(BatchError) {
        try checkSize(text.utf8.count, name: name)
    }

    private func checkSize(_ size: Int, name: String) throws(BatchError) {
        guard size > settings.textLimit else { return }
        throw BatchError(
            message: "\(name): \(size) bytes is more than a job reads at once (\(settings.textLimit)); split it into smaller texts",
            exit: .dataError)
    }
}
