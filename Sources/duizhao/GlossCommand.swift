import ArgumentParser
import DuizhaoGlossary
import DuizhaoReports
import DuizhaoText

extension GlossFormat: ExpressibleByArgument {}

struct GlossCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gloss",
        abstract: "Mark every glossary term in a text with its other-language form.",
        discussion: """
            Examples:
              echo '周鸿祎说差距一两年就能赶上' | duizhao gloss
              duizhao gloss --format html Samples/sources/360-interview.txt > gloss.html
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: \(GlossFormat.allValueStrings.joined(separator: ", ")).")
    var format: GlossFormat = .text

    @OptionGroup var glossaryOptions: GlossaryOptions

    func run() throws {
        try reportingFailures {
            let text = try InputLimit.read(path: input.file, limit: InputLimit.gloss, command: "gloss")
            let glossaries = try glossaryOptions.load()
            let sink = OutputSink()
            sink.write(try GlossReport(glossaries: glossaries).render(text.text, format: format))
            sink.flush()
        }
    }
}
