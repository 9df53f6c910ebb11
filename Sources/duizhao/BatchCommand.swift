import ArgumentParser
import DuizhaoBatch
import DuizhaoEmbedding
import DuizhaoGlossary
import Foundation

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Run many annotate or align jobs from JSON Lines, glossaries and model loaded once.",
        discussion: """
            Each input line is one job, each output line one result, in input order: \
            {"id", "status": "ok", "result": …} with the JSON 'annotate --format json' (on one line) or \
            'align --format jsonl' gives (align's lines as one array), or \
            {"id", "status": "error", "error": …, "exit": 65} for a job that could not be run. \
            The batch goes on past a bad job and exits 65 when any failed.

            Examples:
              duizhao batch annotate jobs.jsonl -o results.jsonl
              duizhao batch align - --jobs 4 < pairs.jsonl > results.jsonl
              duizhao batch annotate jobs.jsonl -o results.jsonl --resume
            """,
        subcommands: [BatchAnnotateCommand.self, BatchAlignCommand.self]
    )
}

/// What both batch subcommands take: where the jobs come from and the results go, and how many run at once.
struct BatchOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The jobs, one JSON object a line (standard input when '-' or left out).", valueName: "jobs.jsonl"))
    var jobsFile: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the results to this file, line by line (standard output by default).", valueName: "file"))
    var output: String?

    @Option(help: "Jobs run at once (by default one per core); at most twice as many are held in memory.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Skip the jobs whose ids the -o file already holds and append the rest; a last line cut short by a killed run is dropped and its job run again.")
    var resume = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if resume && (output == nil || output == "-") { throw ValidationError("--resume needs -o FILE, the results to resume") }
    }

    /// The longest job line read: room for a job's texts written inline at the size limit, JSON's escapes included.
    static let lineLimit = 128_000_000

    /// Runs the jobs, saying on a terminal how far it has got, and exits 65 (or 70) when any failed.
    func run(_ settings: BatchSettings, glossaries: GlossarySet, embedder: SentenceEmbedder?) throws {
        do {
            let reader = try JobLineReader(path: jobsFile, limit: Self.lineLimit)
            let out: BatchOutput
            var done = Set<JobID>()
            if resume, let output {
                let (file, resumed) = try BatchOutput.resuming(output)
                (out, done) = (file, resumed.done)
                if resumed.droppedBytes > 0 {
                    warn("warning: \(output): its last line was cut short (\(resumed.droppedBytes) bytes, a run stopped while writing it); dropped, its job runs again")
                }
            } else if let output, output != "-" {
                out = try BatchOutput(creating: output)
            } else {
                out = BatchOutput()
            }
            let progress = Progress.onTerminal(prefix: "duizhao: ", enabled: true)
            let total = progress == nil ? nil : JobLineReader.countLines(path: jobsFile)
            let start = Date()
            var lastShown = Date.distantPast
            var finished = 0
            let runner = BatchRunner(settings: settings, glossaries: glossaries, embedder: embedder)
            let summary = try runner.run(reader: reader, done: done) { record in
                if let line = record.line { try out.append(line: line) }
                for warning in record.warnings {
                    warn("warning: line \(record.lineNumber)\(record.id.map { " (id \($0))" } ?? ""): \(warning)")
                }
                finished += 1
                if let progress, Date().timeIntervalSince(lastShown) >= 0.2 {
                    lastShown = Date()
                    let rate = Double(finished) / max(lastShown.timeIntervalSince(start), 0.001)
                    progress.say("\(finished)\(total.map { " of \($0)" } ?? "") jobs, \(String(format: "%.1f", rate)) a second")
                }
            }
            progress?.finish()
            if summary.skipped > 0 { warn("\(summary.skipped) jobs already in \(out.name), skipped") }
            if let failure = summary.failure {
                CommandFailure(
                    message: "\(summary.failed) of \(summary.failed + summary.succeeded) jobs failed; their lines in \(out.name) say why",
                    exitCode: ExitCode(failure.rawValue)
                ).exit()
            }
        } catch let error as BatchError {
            throw CommandFailure(message: error.message, exitCode: ExitCode(error.exit.rawValue))
        }
    }

    private func warn(_ text: String) {
        FileHandle.standardError.write(Data(CommandFailure.styled("duizhao: \(text)\n").utf8))
    }
}
