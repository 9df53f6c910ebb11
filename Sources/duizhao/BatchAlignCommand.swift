import ArgumentParser
import DuizhaoBatch

struct BatchAlignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Align many pairs of texts: one job a line, each result the lines of 'align --format jsonl' as one array.",
        discussion: """
            A job: {"id": "p1", "source": "path" or "source_text": "…", "target": "path" or \
            "target_text": "…", "presegmented": false (optional)}. Paths are relative to the current folder.
            """
    )

    @OptionGroup var batch: BatchOptions

    @Flag(help: "Take the texts as one sentence per line, for jobs that do not say.")
    var presegmented = false

    @OptionGroup var glossaryOptions: GlossaryOptions

    func run() throws {
        try reportingFailures {
            let glossaries = try glossaryOptions.load()
            let settings = BatchSettings(
                kind: .align, jobs: batch.jobs, presegmented: presegmented, textLimit: InputLimit.align, lineLimit: BatchOptions.lineLimit,
                toolVersion: String(Duizhao.configuration.version.split(separator: " ").first ?? ""))
            // Align weighs meaning only where hidden parameters give it a weight: no model here.
            try batch.run(settings, glossaries: glossaries, embedder: nil)
        }
    }
}
