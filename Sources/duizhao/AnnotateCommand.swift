import ArgumentParser
import DuizhaoAlign
import DuizhaoBatch
import DuizhaoGlossary
import DuizhaoReports
import DuizhaoText
import Foundation

extension AnnotationFormat: ExpressibleByArgument {}

/// What `annotate` and `export` share: the article, its sources and the glossaries.
struct CrossReferenceInputs: ParsableArguments {
    @Argument(help: "The article: plain text, Markdown or HTML ('-' for standard input).")
    var article: String

    @Option(name: .customLong("source"), help: ArgumentHelp("A source file (txt, md, html) or a folder of them (repeatable).", valueName: "file"))
    var sources: [String] = []

    @Option(help: "The score (0–1) a link needs; claims whose best link scores less are unsupported.")
    var threshold: Double = DuizhaoAlign.CrossReferenceOptions().threshold

    @Flag(help: "Check every English sentence, headings and boilerplate (comment forms, footers …) included; the reference list stays out.")
    var allSentences = false

    @OptionGroup var glossaryOptions: GlossaryOptions

    @OptionGroup var modelOptions: ModelOptions

    func validate() throws {
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be between 0 and 1") }
    }

    /// Input (the article and the sources, in bytes) from which a run says on a terminal what it
    /// is doing: about a second's work.
    static let progressThreshold = 200_000

    /// Reads everything and cross-references it, saying on standard error what it is doing when
    /// that is a terminal and the input is large.
    /// - Parameter command: the command's name, for messages.
    func run(command: String) throws -> CrossReferenceRun {
        let input = try InputLimit.read(path: article, limit: InputLimit.crossReference, command: command)
        let files = try sourceFiles()
        let sourceBytes = files.reduce(0) { total, path in
            total + (((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0)
        }
        // Before the progress line: loading may print a hint of its own.
        let glossaries = try glossaryOptions.load()
        let embedder = try modelOptions.load()
        let progress = Progress.onTerminal(prefix: "duizhao: ", enabled: input.text.utf8.count + sourceBytes >= Self.progressThreshold)
        do {
            var sourceTexts: [CrossReferenceJob.Source] = []
            for (index, path) in files.enumerated() {
                progress?.say(files.count == 1 ? "reading the source" : "reading source \(index + 1) of \(files.count)")
                let text = try InputLimit.read(path: path, limit: InputLimit.crossReference, command: command)
                sourceTexts.append(CrossReferenceJob.Source(file: path, text: text.text))
            }
            let job = CrossReferenceJob(
                article: input.text, articleFormat: ArticleFormat.detect(path: article, text: input.text), sources: sourceTexts,
                options: DuizhaoAlign.CrossReferenceOptions(threshold: threshold), findsBody: !allSentences)
            let outcome = try job.run(glossaries: glossaries, embedder: embedder) { progress?.say($0) }
            return CrossReferenceRun(
                result: outcome.crossReference, article: outcome.article, input: input.text, glossaries: glossaries, progress: progress)
        } catch {
            progress?.finish()
            throw error
        }
    }

    /// The source files, folders expanded (their files of known kinds, by name).
    private func sourceFiles() throws -> [String] {
        do {
            return try SourceFiles.expand(sources)
        } catch {
            throw CommandFailure(message: error.message, exitCode: ExitCode(error.exit.rawValue))
        }
    }
}

/// What `CrossReferenceInputs.run` read and found.
struct CrossReferenceRun {
    var result: CrossReference
    var article: Article
    /// The article as read, before markup was removed.
    var input: String
    var glossaries: GlossarySet
    /// The line on the terminal saying what the run is doing, nil when not shown: the command
    /// says its last phase on it, then clears it with `finish` before writing anything else.
    var progress: Progress?
}

struct AnnotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract: "Link each English claim of an article to the Chinese source sentence that supports it.",
        discussion: """
            Claims are the English sentences of the article's body: headings, site boilerplate \
            (comment forms, newsletter boxes, related posts, copyright lines …) and the reference \
            list are skipped, and listed as such in json; --all-sentences checks every sentence. \
            Sources are --source files or folders; a reference that names a file, or whose text \
            matches a source's title, ties its citation markers ([1], ^1, [^1]) to that source. \
            With no --source, the Chinese in the article (reference titles, quotations) is the source.

            Scores run from 0 to 1 and read as the chance that the link is right; below \
            --threshold (0.4) a claim is unsupported. With the embedding model installed \
            ('duizhao model install'), meaning is weighed beside the words (--no-model: words only). Flags name \
            numbers that disagree, ranges that differ, names on one side only, and conditions \
            (一旦, 只要, 如果) or hedges (可能, 或许) the claim leaves out.

            Examples:
              duizhao annotate Samples/article.md --source Samples/sources
              duizhao annotate page.html --source interview.txt --format html -o checked.html
            """
    )

    @OptionGroup var inputs: CrossReferenceInputs

    @Option(help: "Output format: \(AnnotationFormat.allValueStrings.joined(separator: ", ")).")
    var format: AnnotationFormat = .md

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        try reportingFailures {
            let run = try inputs.run(command: "annotate")
            let name = inputs.article == "-" ? "standard input" : URL(fileURLWithPath: inputs.article).lastPathComponent
            let text: String
            do {
                defer { run.progress?.finish() }
                run.progress?.say("writing the report")
                let report = try AnnotationReport(
                    crossReference: run.result, article: run.article, input: run.input, articleFile: name, glossaries: run.glossaries)
                text = try report.render(format)
            }
            try OutputFile.write(text, to: output)
        }
    }
}
