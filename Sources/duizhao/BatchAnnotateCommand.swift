import ArgumentParser
import DuizhaoAlign
import DuizhaoBatch

struct BatchAnnotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract: "Annotate many articles: one job a line, each result what 'annotate --format json' gives.",
        discussion: """
            A job: {"id": "a1", "article": "path" or "article_text": "…", "article_format": \
            "plain"|"markdown"|"html" (optional), "sources": ["path or folder", {"name": "…", "text": "…"}], \
            "threshold": 0.4 (optional)}. An article given as text is called "standard input" in the \
            result, as 'annotate -' calls it. Paths are relative to the current folder.
            """
    )

    @OptionGroup var batch: BatchOptions

    @Option(help: "The score (0–1) a link needs, for jobs that give no threshold.")
    var threshold: Double = CrossReferenceOptions().threshold

    @Flag(help: "Check every English sentence, headings and boilerplate included (as 'annotate --all-sentences').")
    var allSentences = false

    @OptionGroup var glossaryOptions: GlossaryOptions

    @OptionGroup var modelOptions: ModelOptions

    func validate() throws {
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be between 0 and 1") }
    }

    func run() throws {
        try reportingFailures {
            let glossaries = try glossaryOptions.load()
            let embedder = try modelOptions.load()
            let settings = BatchSettings(
                kind: .annotate, jobs: batch.jobs, threshold: threshold, findsBody: !allSentences, textLimit: InputLimit.crossReference,
                lineLimit: BatchOptions.lineLimit)
            try batch.run(settings, glossaries: glossaries, embedder: embedder)
        }
    }
}
