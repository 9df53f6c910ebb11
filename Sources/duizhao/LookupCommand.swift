import ArgumentParser
import DuizhaoGlossary
import DuizhaoReports
import DuizhaoText
import Foundation

extension LookupFormat: ExpressibleByArgument {}

struct LookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Look up a name or term in the glossaries and the dictionary.",
        discussion: """
            QUERY may be English (any case; a prefix finds longer terms), Chinese in either script, \
            or pinyin with or without tones and spaces. Exits 1 when nothing is found, with \
            suggestions.

            Examples:
              duizhao lookup 周鸿祎
              duizhao lookup "zhou hongyi"
              duizhao lookup 臺積電 --format json
            """
    )

    @Argument(help: "What to look up.")
    var query: String

    @Option(help: "Output format: \(LookupFormat.allValueStrings.joined(separator: ", ")).")
    var format: LookupFormat = .table

    @Option(help: "The most entries to show.")
    var limit = 20

    @OptionGroup var glossaryOptions: GlossaryOptions

    func validate() throws {
        if query.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("QUERY is empty.") }
        if limit < 1 { throw ValidationError("--limit must be at least 1.") }
    }

    func run() throws {
        try reportingFailures {
            let normalizer = try TextNormalizer()
            let glossaries = try glossaryOptions.load()
            let matches = try glossaries.lookup(query, normalizer: normalizer, limit: limit)
            if matches.isEmpty {
                let suggestions = glossaries.suggestions(for: query)
                var message = "no entry for '\(query)'"
                if !suggestions.isEmpty { message += "; did you mean: " + suggestions.joined(separator: ", ") + "?" }
                throw CommandFailure(message: message, exitCode: .failure)
            }
            let sink = OutputSink()
            let style = TerminalStyle.standardOutput
            sink.write(LookupReport.render(matches, format: format, style: style))
            sink.flush()
        }
    }
}
