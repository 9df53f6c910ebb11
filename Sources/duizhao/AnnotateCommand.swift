import ArgumentParser
import DuizhaoAlign
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

    @OptionGroup var glossaryOptions: GlossaryOptions

    func validate() throws {
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be between 0 and 1") }
    }

    static let sourceExtensions: Set<String> = ["txt", "text", "md", "markdown", "html", "htm", "xhtml"]

    /// Reads everything and cross-references it.
    /// - Parameter command: the command's name, for messages.
    func run(command: String) throws -> (result: CrossReference, article: Article, input: String, glossaries: GlossarySet) {
        let input = try InputLimit.read(path: article, limit: InputLimit.crossReference, command: command)
        let article = Article(reading: input.text, format: ArticleFormat.detect(path: self.article, text: input.text))
        let segmenter = try SentenceSegmenter()
        var documents: [SourceDocument] = []
        for path in try sourceFiles() {
            let text = try InputLimit.read(path: path, limit: InputLimit.crossReference, command: command)
            documents.append(try SourceDocument(file: path, input: text.text, format: ArticleFormat.detect(path: path, text: text.text), segmenter: segmenter))
        }
        let references: [String: Int]
        if sources.isEmpty {
            (documents, references) = try SourceMatching.articleSources(article, segmenter: segmenter)
        } else {
            references = SourceMatching.match(article.references, to: documents)
        }
        let glossaries = try glossaryOptions.load()
        let claims = try ClaimExtractor.claims(in: article, segmenter: segmenter)
        let referencer = try CrossReferencer(glossaries: glossaries, options: DuizhaoAlign.CrossReferenceOptions(threshold: threshold))
        let result = try referencer.crossReference(claims: claims, sources: documents, references: references)
        return (result, article, input.text, glossaries)
    }

    /// The source files, folders expanded (their files of known kinds, by name).
    private func sourceFiles() throws -> [String] {
        var files: [String] = []
        for path in sources {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CommandFailure(message: "\(path): no such file or folder", exitCode: .missingInput)
            }
            if isDirectory.boolValue {
                let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
                    .filter { !$0.hasPrefix(".") && Self.sourceExtensions.contains(URL(fileURLWithPath: $0).pathExtension.lowercased()) }
                    .sorted()
                let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
                files += names.map { "\(folder)/\($0)" }
            } else {
                files.append(path)
            }
        }
        return files
    }
}

struct AnnotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract: "Link each English claim of an article to the Chinese source sentence that supports it.",
        discussion: """
            Claims are the article's English sentences (not headings nor its reference list). \
            Sources are --source files or folders; a reference that names a file, or whose text \
            matches a source's title, ties its citation markers ([1], ^1, [^1]) to that source. \
            With no --source, the Chinese in the article (reference titles, quotations) is the source.

            Scores run from 0 to 1; below --threshold (0.4) a claim is unsupported. Flags name \
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
            let (result, article, input, glossaries) = try inputs.run(command: "annotate")
            let name = inputs.article == "-" ? "standard input" : URL(fileURLWithPath: inputs.article).lastPathComponent
            let report = try AnnotationReport(crossReference: result, article: article, input: input, articleFile: name, glossaries: glossaries)
            try OutputFile.write(try report.render(format), to: output)
        }
    }
}
